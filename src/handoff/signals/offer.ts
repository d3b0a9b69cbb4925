/**
 * The customer's reply to the bot's offer of a person. "yes please", "sige po", "جی ملا دیں" accept;
 * "no thanks", "hindi na", "nahi rehne do" decline. Only meaningful right after an offer.
 */
import type { Lexicons } from './loader.js';
import type { PreparedText, SignalHit } from './types.js';

/** A reply this short that says "ok" is an answer to the question just asked. */
const SHORT_REPLY = 4;
/** How far into the reply a "no" still answers the offer ("ji nahi", "ok no thanks"). */
const OPENING = 3;

export function detectAcceptance(lex: Lexicons['offer'], text: PreparedText): SignalHit | undefined {
  const { tokens } = text;
  if (lex.decline.find(tokens).some((h) => h.start < OPENING)) return undefined;
  const opening = lex.affirm.find(tokens).find((h) => h.start === 0);
  const brief =
    tokens.length <= SHORT_REPLY
      ? [...lex.affirm.find(tokens), ...lex.affirmShort.find(tokens)][0]
      : undefined;
  const hit = opening ?? brief;
  if (!hit) return undefined;
  return { code: 'accepted_offer', score: 1, detail: tokens.slice(hit.start, hit.end).join(' ') };
}
