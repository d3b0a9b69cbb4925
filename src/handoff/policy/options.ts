/**
 * Policy options: defaults from defaults.json, merged once with the caller's partial options and
 * validated, so a misspelt or out-of-range option fails at construction and names itself.
 */
import { z } from 'zod';
import { SIGNAL_CODES, type SignalCode } from '../signals/types.js';
import defaultsJson from './defaults.json' with { type: 'json' };

const weights = z
  .object(
    Object.fromEntries(SIGNAL_CODES.map((c) => [c, z.number().min(0).max(10)])) as Record<
      SignalCode,
      z.ZodNumber
    >,
  )
  .strict();

export const policyOptionsSchema = z
  .object({
    /** Accumulated score at which the bot offers a person. */
    threshold: z.number().positive(),
    /** Share of the score carried from one user turn to the next (0 forgets at once, 1 never forgets). */
    decay: z.number().min(0).max(1),
    /** Consecutive unresolved exchanges (no answer, clarify, "that didn't help", rephrase…) before an offer. */
    unresolvedTurns: z.int().min(1),
    /** Intensity (0..1) an unresolved cue needs to count toward that run; weaker ones only add points. */
    unresolvedMinIntensity: z.number().min(0).max(1),
    /** Share of the score kept after an offer (0 forgets; 1 re-offers on the next turn). */
    afterOffer: z.number().min(0).max(1),
    /** Reasons kept in the persisted state, newest last; bounds the size of conversation state. */
    maxReasons: z.int().min(1),
    /** Points per unit of signal intensity; `resolved` is subtracted. */
    weights,
  })
  .strict();

export type PolicyOptions = z.output<typeof policyOptionsSchema>;
export type PolicyOptionsInput = Partial<Omit<PolicyOptions, 'weights'>> & {
  weights?: Partial<PolicyOptions['weights']>;
};

const defaults = policyOptionsSchema.parse(stripNotes(defaultsJson));

export function resolvePolicyOptions(input: PolicyOptionsInput = {}): PolicyOptions {
  const merged = { ...defaults, ...input, weights: { ...defaults.weights, ...input.weights } };
  const result = policyOptionsSchema.safeParse(merged);
  if (!result.success) throw new Error(`handoff policy options: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** Data files carry `_why` notes for their readers; they are not options. */
function stripNotes(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !key.startsWith('_')));
}
