/** Reason codes a signal can report. They reach the human agent in the handoff summary. */
export const SIGNAL_CODES = [
  'explicit_request',
  'accepted_offer',
  'abuse',
  'frustration',
  'waiting',
  'not_helpful',
  'rephrase',
  'no_answer',
  'clarify',
  'repeat_answer',
  'feedback_down',
  'human_only',
  'resolved',
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

/** One signal firing on one turn. `score` is an intensity in 0..1; the policy weighs it. */
export interface SignalHit {
  code: SignalCode;
  score: number;
  /** What fired, for the agent: the matched words or the measured value. */
  detail?: string;
}

/** A user message prepared once for every signal. */
export interface PreparedText {
  raw: string;
  normalised: string;
  tokens: string[];
}
