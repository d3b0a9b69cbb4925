/**
 * Unresolved intent, customer side: replies that say the answer did not help, and the customer
 * asking the same thing again in other words. Bot-side evidence (no answer, clarify, the same
 * answer twice, thumbs-down) is reported by the bot and scored in the policy.
 */
import type { Lexicons } from './loader.js';
import { similarity } from './text.js';
import type { PreparedText, SignalHit } from './types.js';

export interface RecentTurn {
  turn: number;
  /** Normalised text. */
  text: string;
}

export function detectNotHelpful(lex: Lexicons['notHelpful'], text: PreparedText): SignalHit | undefined {
  const hits = lex.find(text.tokens);
  if (hits.length === 0) return undefined;
  const score = Math.max(...hits.map((h) => h.weight));
  return { code: 'not_helpful', score, detail: hits.map((h) => h.phrase).join(', ') };
}

/** The customer's most similar recent message, if close enough to be the same question again. */
export function detectRephrase(
  cfg: Lexicons['rephrase'],
  text: PreparedText,
  recent: readonly RecentTurn[],
): SignalHit | undefined {
  if (text.normalised.length < cfg.minChars) return undefined;
  let best: { turn: number; sim: number } | undefined;
  for (const prev of recent.slice(-cfg.lookback)) {
    if (prev.text.length < cfg.minChars) continue;
    const sim = similarity(text.normalised, prev.text);
    if (sim >= cfg.similarity && (!best || sim > best.sim)) best = { turn: prev.turn, sim };
  }
  if (!best) return undefined;
  return { code: 'rephrase', score: 1, detail: `similar to turn ${best.turn} (${best.sim.toFixed(2)})` };
}
