import type { Logger } from 'pino';
import type { SignalDecision, SignalsPort } from '../dialogs/index.js';
import {
  createSignalDetector,
  initialSignalState,
  observeBotOutcome,
  observeFeedback,
  observeUserTurn,
  parseSignalState,
  type DetectorOptions,
  type SignalState,
} from '../handoff/signals/index.js';

/**
 * The dialogs' view of the signal detector and policy. The state lives in conversation state as
 * JSON; a state written by an older deploy that no longer parses starts afresh instead of failing
 * the customer's turn.
 */
export function createSignalsPort(options: DetectorOptions, logger: Logger): SignalsPort {
  const detector = createSignalDetector(options);
  const load = (state: unknown): SignalState => {
    try {
      return parseSignalState(state);
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'signals: stored state unreadable; starting afresh');
      return initialSignalState();
    }
  };
  return {
    initial: () => initialSignalState(),
    observeUser(state, input) {
      const { state: next, decision } = observeUserTurn(detector, load(state), input);
      const out: SignalDecision = {
        action: decision.action,
        turn: decision.turn,
        score: decision.score,
        reasons: decision.reasons,
        ...(decision.because ? { because: decision.because } : {}),
      };
      return { state: next, decision: out };
    },
    observeBot: (state, outcome) => observeBotOutcome(load(state), outcome),
    observeFeedback: (state, helpful) => observeFeedback(load(state), helpful ? 'up' : 'down'),
    observePress: (state) => {
      const s = load(state);
      return { ...s, turn: s.turn + 1 };
    },
  };
}
