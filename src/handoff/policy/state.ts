/**
 * Per-conversation handoff state. Plain JSON (persisted in botbuilder conversation state), with a
 * schema so a stored state from an older deploy is checked rather than trusted.
 */
import { z } from 'zod';
import { BOT_OUTCOME_KINDS } from '../signals/bot-outcome.js';
import { SIGNAL_CODES } from '../signals/types.js';

const turn = z.int().min(0);

export const reasonSchema = z.object({
  code: z.enum(SIGNAL_CODES),
  /** User turn (1-based) the signal belongs to; bot-side signals belong to the turn they answered. */
  turn,
  /** Points this signal added to the score (negative for resolution cues). */
  score: z.number(),
  detail: z.string().optional(),
});
export type Reason = z.infer<typeof reasonSchema>;

export const botOutcomeSchema = z.object({
  kind: z.enum(BOT_OUTCOME_KINDS),
  articleId: z.string().optional(),
  /** Retrieval confidence; accepted for the record, not scored (the bot already maps low confidence to 'clarify'). */
  confidence: z.number().min(0).max(1).optional(),
  /** The matched article has `handoff: true`: only a person can finish it. */
  humanOnly: z.boolean().optional(),
  /** The reply offered the customer a person (set it whenever the bot acts on an `offer` decision). */
  offeredPerson: z.boolean().optional(),
  text: z.string().optional(),
});
export type BotOutcome = z.infer<typeof botOutcomeSchema>;

const answerRecord = z.object({ turn, articleId: z.string().optional(), text: z.string().optional() });

export const signalStateSchema = z.object({
  version: z.literal(1),
  /** User turns observed so far. */
  turn,
  /** Decayed, accumulated frustration/unresolved score. */
  score: z.number().min(0),
  /** Consecutive exchanges with unresolved evidence. */
  unresolvedStreak: turn,
  /** An escalation happened; later turns are with a person, so only a new explicit request re-escalates. */
  handedOff: z.boolean(),
  /** Normalised recent customer messages, for rephrase detection. */
  recent: z.array(z.object({ turn, text: z.string() })),
  /** Bot outcomes and feedback since the last user turn; scored when the customer replies. */
  pendingBot: z.array(botOutcomeSchema.extend({ turn })),
  pendingFeedback: z.array(z.object({ turn, value: z.enum(['up', 'down']) })),
  lastAnswer: answerRecord.nullable(),
  reasons: z.array(reasonSchema),
});
export type SignalState = z.infer<typeof signalStateSchema>;

export function initialSignalState(): SignalState {
  return {
    version: 1,
    turn: 0,
    score: 0,
    unresolvedStreak: 0,
    handedOff: false,
    recent: [],
    pendingBot: [],
    pendingFeedback: [],
    lastAnswer: null,
    reasons: [],
  };
}

/** Validates a state read back from storage; throws naming the bad field. */
export function parseSignalState(value: unknown): SignalState {
  const result = signalStateSchema.safeParse(value);
  if (!result.success) throw new Error(`handoff signal state: ${z.prettifyError(result.error)}`);
  return result.data;
}
