/**
 * The decide step: fold one customer turn's signals (and the bot-side evidence since the previous
 * turn) into the state, then choose continue / offer / escalate and say why.
 */
import type { Lang } from '../../knowledge/types.js';
import type { SignalDetector } from '../signals/detector.js';
import type { SignalCode, SignalHit } from '../signals/types.js';
import { botEvidence, type TurnHit } from './evidence.js';
import type { Reason, SignalState } from './state.js';

export type Action = 'continue' | 'offer' | 'escalate';
/** The rule that produced an offer or escalation. */
export type Trigger =
  'explicit_request' | 'accepted_offer' | 'abuse' | 'human_only' | 'unresolved_streak' | 'score';

export interface Decision {
  /** `escalate`: hand off now (the customer asked). `offer`: offer a person, the customer chooses. */
  action: Action;
  trigger?: Trigger;
  /** With a trigger: one line for the agent ("customer asked for a person"). */
  because?: string;
  /** The user turn (1-based) this decision is for. */
  turn: number;
  /** Accumulated score after this turn (before any reset an offer causes). */
  score: number;
  lang?: Lang;
  /** Every signal so far in the conversation, with the turn it fired on: the agent's handoff summary. */
  reasons: Reason[];
}

const UNRESOLVED = new Set<SignalCode>([
  'no_answer',
  'clarify',
  'repeat_answer',
  'not_helpful',
  'rephrase',
  'feedback_down',
]);
const round = (n: number) => Math.round(n * 1000) / 1000;
/** Details are matched words; the handoff summary keeps reasons short. */
const MAX_DETAIL = 200;

/** One line for the agent saying why a person was brought in. */
function because(trigger: Trigger, score: number, o: SignalDetector['options']): string {
  switch (trigger) {
    case 'explicit_request':
      return 'customer asked for a person';
    case 'accepted_offer':
      return 'customer accepted the offer of a person';
    case 'abuse':
      return 'abusive language';
    case 'human_only':
      return 'topic only a person can finish';
    case 'unresolved_streak':
      return `${o.unresolvedTurns} unresolved exchanges in a row`;
    case 'score':
      return `frustration score ${score} reached ${o.threshold}`;
  }
}

export interface TurnInput {
  hits: SignalHit[];
  normalised: string;
  lang?: Lang;
}

export function step(
  detector: SignalDetector,
  state: SignalState,
  input: TurnInput,
): { state: SignalState; decision: Decision } {
  const { weights, decay, threshold, unresolvedTurns, unresolvedMinIntensity, afterOffer, maxReasons } =
    detector.options;
  const turn = state.turn + 1;
  const bot = botEvidence(detector, state);
  const hits: TurnHit[] = [...bot.hits, ...input.hits.map((h) => ({ ...h, turn }))];

  const reasons: Reason[] = hits.map((h) => ({
    code: h.code,
    turn: h.turn,
    score: round((h.code === 'resolved' ? -1 : 1) * weights[h.code] * h.score),
    ...(h.detail ? { detail: h.detail.slice(0, MAX_DETAIL) } : {}),
  }));
  const score = round(Math.max(0, state.score * decay + reasons.reduce((sum, r) => sum + r.score, 0)));
  const codes = new Set(hits.map((h) => h.code));
  // Weak cues ("still", "pa rin") add points but do not make an exchange unresolved on their own.
  const unresolved = hits.some((h) => UNRESOLVED.has(h.code) && h.score >= unresolvedMinIntensity);
  // An exchange is unresolved if the bot missed or the customer said so; a fresh answer without
  // complaint, or a thank-you, ends the run; chit-chat leaves it as it was.
  const streak = unresolved
    ? state.unresolvedStreak + 1
    : codes.has('resolved') || bot.answered
      ? 0
      : state.unresolvedStreak;

  let trigger: Trigger | undefined;
  if (codes.has('explicit_request')) trigger = 'explicit_request';
  else if (codes.has('accepted_offer')) trigger = 'accepted_offer';
  else if (!state.handedOff) {
    if (codes.has('abuse')) trigger = 'abuse';
    else if (codes.has('human_only')) trigger = 'human_only';
    else if (streak >= unresolvedTurns) trigger = 'unresolved_streak';
    else if (score >= threshold) trigger = 'score';
  }
  const asked = trigger === 'explicit_request' || trigger === 'accepted_offer';
  const action: Action = asked ? 'escalate' : trigger ? 'offer' : 'continue';
  const allReasons = [...state.reasons, ...reasons].slice(-maxReasons);
  const { lookback } = detector.lexicons.rephrase;

  const next: SignalState = {
    ...state,
    turn,
    // A handoff answers the evidence so far. An offer the customer may ignore does not make the
    // frustration go away, so part of it carries and the next complaint brings the offer back.
    score: action === 'escalate' ? 0 : action === 'offer' ? round(score * afterOffer) : score,
    unresolvedStreak: trigger ? 0 : streak,
    handedOff: state.handedOff || action === 'escalate',
    recent: input.normalised
      ? [...state.recent, { turn, text: input.normalised }].slice(-lookback)
      : state.recent,
    pendingBot: [],
    pendingFeedback: [],
    lastAnswer: bot.lastAnswer,
    reasons: allReasons,
  };
  const decision: Decision = {
    action,
    turn,
    score,
    reasons: allReasons,
    ...(trigger ? { trigger, because: because(trigger, score, detector.options) } : {}),
    ...(input.lang ? { lang: input.lang } : {}),
  };
  return { state: next, decision };
}
