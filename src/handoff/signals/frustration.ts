/**
 * Frustration: English sentiment from vader, curated Filipino/Urdu/English lexicons, and waiting
 * complaints. ALL CAPS and "!!!"/"???" only amplify what is already there.
 */
import vader from 'vader-sentiment';
import type { Lexicons } from './loader.js';
import type { PhraseHit } from './phrases.js';
import { upperShare } from './text.js';
import type { PreparedText, SignalHit } from './types.js';

/** Independent pieces of evidence combine like probabilities: more evidence, never above 1. */
export function noisyOr(weights: readonly number[]): number {
  return 1 - weights.reduce((rest, w) => rest * (1 - Math.min(1, Math.max(0, w))), 1);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const phrases = (hits: readonly PhraseHit[]) => hits.map((h) => h.phrase).join(', ');

/** Drops local words vader reads as English slang ("po" is "pissed off" to vader, "kia" is "killed in action"). */
const forVader = (raw: string, ignore: RegExp | undefined) => (ignore ? raw.replace(ignore, ' ') : raw);

/** "so frustrating", "sobrang tagal": an intensifier just before a hit strengthens it. */
function boosted(lex: Lexicons, tokens: readonly string[], hits: PhraseHit[]): PhraseHit[] {
  const ends = new Set(lex.boosters.find(tokens).map((b) => b.end));
  return hits.map((h) => (ends.has(h.start) ? { ...h, weight: Math.min(1, h.weight * lex.boost) } : h));
}

export function amplification(raw: string, cfg: Lexicons['amplifiers']): { factor: number; notes: string[] } {
  const notes: string[] = [];
  let factor = 1;
  const { upper, letters } = upperShare(raw);
  if (letters >= cfg.capsMinLetters && upper / letters >= cfg.capsShare) {
    factor *= cfg.capsFactor;
    notes.push('ALL CAPS');
  }
  if (new RegExp(`[!?]{${cfg.marksMinRun},}`, 'u').test(raw)) {
    factor *= cfg.marksFactor;
    notes.push('!!!/???');
  }
  return { factor, notes };
}

export function detectFrustration(lex: Lexicons, text: PreparedText): SignalHit[] {
  const found: SignalHit[] = [];
  const { factor, notes } = amplification(text.raw, lex.amplifiers);
  const amplified = (score: number, detail: string): { score: number; detail: string } => ({
    score: round(Math.min(1, score * factor)),
    detail: notes.length ? `${detail} (amplified: ${notes.join(', ')})` : detail,
  });

  const words = boosted(lex, text.tokens, lex.frustration.find(text.tokens));
  const { compound } = vader.SentimentIntensityAnalyzer.polarity_scores(forVader(text.raw, lex.vader.ignore));
  const sentiment = compound <= lex.vader.floor ? -compound * lex.vader.scale : 0;
  const faces = lex.emoticons.filter(([face]) => text.raw.includes(face));
  const evidence = [...words.map((w) => w.weight), ...faces.map(([, w]) => w), sentiment];
  const intensity = noisyOr(evidence);
  if (intensity > 0) {
    const parts = [
      phrases(words),
      faces.map(([face]) => face).join(' '),
      sentiment ? `sentiment ${round(compound)}` : '',
    ];
    found.push({ code: 'frustration', ...amplified(intensity, parts.filter(Boolean).join('; ')) });
  }

  const waits = boosted(lex, text.tokens, lex.waiting.find(text.tokens));
  if (waits.length)
    found.push({ code: 'waiting', ...amplified(noisyOr(waits.map((w) => w.weight)), phrases(waits)) });
  return found;
}
