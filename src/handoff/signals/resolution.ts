/**
 * Resolution cues ("thanks, that worked", "salamat po, ok na", "shukriya", "ٹھیک ہو گیا") lower
 * the score. "Thanks, but…", "not solved" and thanks inside a complaint are not resolution.
 */
import type { Lexicons } from './loader.js';
import type { PreparedText, SignalHit } from './types.js';

/** Words after a cue that may still negate it: "thanks, it's still not working". */
const NEGATION_REACH = 4;

export function detectResolution(lex: Lexicons, text: PreparedText): SignalHit | undefined {
  const cues = lex.resolution.find(text.tokens);
  if (cues.length === 0) return undefined;
  const negations = lex.negation.find(text.tokens);
  const contrasts = lex.contrast.find(text.tokens);
  const genuine = cues.filter(
    (cue) =>
      !contrasts.some((c) => c.start >= cue.end) &&
      !negations.some(
        (n) =>
          (n.end <= cue.start && cue.start - n.end <= 1) ||
          (n.start >= cue.end && n.start - cue.end < NEGATION_REACH),
      ),
  );
  if (genuine.length === 0) return undefined;
  return {
    code: 'resolved',
    score: Math.max(...genuine.map((c) => c.weight)),
    detail: genuine.map((c) => c.phrase).join(', '),
  };
}
