/**
 * Handoff policy: when a person takes over, and why.
 *
 * ```ts
 * const detector = createSignalDetector(options?);         // lexicons + options, validated once
 * let state = initialSignalState();                         // plain JSON; persist it per conversation
 * const { state: s1, decision } = observeUserTurn(detector, state, { text, lang? });
 * // decision.action: 'continue' | 'offer' | 'escalate'; trigger, because and reasons say why
 * state = observeBotOutcome(s1, { kind, articleId?, humanOnly?, offeredPerson?, text? });
 * state = observeFeedback(state, 'up' | 'down');
 * ```
 *
 * Rules, in order:
 * - `escalate` (hand off now): the customer asks for a person, or says yes to the bot's offer of
 *   one (report the offer with `offeredPerson: true`); a new request escalates even after a handoff;
 * - `offer` (ask whether they want a person), unless already handed off: on abuse; after answering
 *   a human-only topic (`humanOnly`, offered at the customer's next turn, after the answer); after
 *   `unresolvedTurns` unresolved exchanges in a row; or when the decayed score reaches `threshold`;
 * - an offer keeps `afterOffer` of the score, so a customer who ignores it and keeps complaining is
 *   offered again, while one who moves on is not.
 * The eval counts both `offer` and `escalate` as escalation. Bot outcomes and feedback are scored
 * when the customer next speaks, attributed to the turn they answered; turns count from 1.
 * All functions are pure: they return a new state and never mutate the one given.
 */
import { detectLanguage } from '../../language/index.js';
import type { Lang } from '../../knowledge/types.js';
import { detectUserSignals, prepare, type SignalDetector } from '../signals/detector.js';
import { step, type Decision } from './decide.js';
import { answerKey } from './evidence.js';
import { botOutcomeSchema, type BotOutcome, type SignalState } from './state.js';

export { createSignalDetector, type DetectorOptions, type SignalDetector } from '../signals/detector.js';
export type { Action, Decision, Trigger } from './decide.js';
export { resolvePolicyOptions, type PolicyOptions, type PolicyOptionsInput } from './options.js';
export {
  initialSignalState,
  parseSignalState,
  type BotOutcome,
  type Reason,
  type SignalState,
} from './state.js';

/** Bot messages kept per exchange; a runaway bot loop must not grow persisted state without bound. */
const MAX_PENDING = 5;

export function observeUserTurn(
  detector: SignalDetector,
  state: SignalState,
  input: { text: string; lang?: Lang },
): { state: SignalState; decision: Decision } {
  const text = prepare(input.text);
  const offerPending = state.pendingBot.some((b) => b.offeredPerson);
  const afterBot = state.turn > 0 || state.pendingBot.length > 0;
  const hits = detectUserSignals(detector, text, { recent: state.recent, offerPending, afterBot });
  const lang = input.lang ?? detectLanguage(input.text).lang;
  return step(detector, state, { hits, normalised: text.normalised, lang });
}

export function observeBotOutcome(state: SignalState, outcome: BotOutcome): SignalState {
  const parsed = botOutcomeSchema.safeParse(outcome);
  if (!parsed.success)
    throw new Error(
      `observeBotOutcome: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const record = { ...parsed.data, text: answerKey(parsed.data.text), turn: state.turn };
  return { ...state, pendingBot: [...state.pendingBot, record].slice(-MAX_PENDING) };
}

/** Thumbs up/down on the bot's latest answer. */
export function observeFeedback(state: SignalState, value: 'up' | 'down'): SignalState {
  return {
    ...state,
    pendingFeedback: [...state.pendingFeedback, { turn: state.turn, value }].slice(-MAX_PENDING),
  };
}
