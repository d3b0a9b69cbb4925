/**
 * Recovers what the bot reported from what it said, for replaying transcripts: the live bot passes
 * the outcome of its knowledge-base lookup directly to observeBotOutcome.
 */
import type { Lexicons } from './loader.js';
import { normalise, tokenize } from './text.js';

export const BOT_OUTCOME_KINDS = ['answer', 'clarify', 'none', 'chitchat'] as const;
export type BotOutcomeKind = (typeof BOT_OUTCOME_KINDS)[number];

/** No-answer wins over clarify: "I couldn't find that — did you mean…?" is still a miss. */
export function inferBotOutcome(
  lex: Lexicons['bot'],
  text: string,
): { kind: BotOutcomeKind; offeredPerson: boolean } {
  const tokens = tokenize(normalise(text));
  const offeredPerson = lex.offers.find(tokens).length > 0;
  if (lex.noAnswer.find(tokens).length) return { kind: 'none', offeredPerson };
  if (lex.clarify.find(tokens).length) return { kind: 'clarify', offeredPerson };
  if (lex.chitchat.find(tokens).length) return { kind: 'chitchat', offeredPerson };
  return { kind: 'answer', offeredPerson };
}
