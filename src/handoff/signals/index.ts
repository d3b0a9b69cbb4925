/**
 * Handoff signals: what in a customer's turn says a person should take over, each with a reason
 * code the agent will see. The policy (../policy) turns them into continue / offer / escalate.
 *
 * ```ts
 * import { createSignalDetector, initialSignalState, observeUserTurn, observeBotOutcome, observeFeedback }
 *   from './handoff/signals/index.js';
 *
 * const detector = createSignalDetector({ threshold: 1.2 });   // loads and validates lexicons once
 * let state = initialSignalState();                            // JSON; keep it in conversation state
 * const { state: next, decision } = observeUserTurn(detector, state, { text, lang });
 * state = observeBotOutcome(next, { kind: 'answer', articleId, humanOnly, offeredPerson, text });
 * state = observeFeedback(state, 'down');
 * ```
 *
 * Signals (codes), all lexicons running on every turn whatever the language:
 * - explicit_request: a request verb or intent near a person noun (explicit.ts, lexicon/explicit.json)
 * - accepted_offer: "yes" (or a fresh complaint) right after the bot offered a person (offer.ts)
 * - abuse: obscenity's English set plus Filipino and Urdu lists (profanity.ts)
 * - frustration, waiting: vader for English, curated lexicons, emoticons; caps and !!!/??? only amplify
 * - not_helpful, rephrase: "that didn't help", asking again in other words (unresolved.ts)
 * - no_answer, clarify, repeat_answer, human_only, feedback_down: bot side, scored by the policy
 * - resolved: "thanks, that worked", lowers the score (resolution.ts)
 * Lexicons, weights of phrases and thresholds live in lexicon/*.json; policy weights in
 * ../policy/defaults.json. `npm run signals -- eval --dialogs PATH` measures them (cli.ts).
 */
export { createSignalDetector, detectUserSignals, prepare } from './detector.js';
export type { DetectorOptions, SignalDetector, TurnContext } from './detector.js';
export { inferBotOutcome, BOT_OUTCOME_KINDS, type BotOutcomeKind } from './bot-outcome.js';
export { SIGNAL_CODES, type PreparedText, type SignalCode, type SignalHit } from './types.js';
export {
  initialSignalState,
  observeBotOutcome,
  observeFeedback,
  observeUserTurn,
  parseSignalState,
  type Action,
  type BotOutcome,
  type Decision,
  type Reason,
  type SignalState,
  type Trigger,
} from '../policy/index.js';
