import { z } from 'zod';
import { AppError } from '../../errors/index.js';
import { AUDIENCES, LANGS } from '../../knowledge/types.js';
import { PRIORITIES } from '../tickets/model.js';

/** What the dialogs know when they escalate; validated because it crosses an ownership seam. */
export const evidenceInputSchema = z.object({
  /** The customer's question in their own words (not a normalised form). */
  question: z.string().trim().min(1).max(4000),
  lang: z.enum(LANGS),
  /** KB articles tried, best first, with the article's routing facts. */
  articles: z
    .array(
      z.object({
        id: z.string().min(1),
        title: z.string(),
        score: z.number(),
        confidence: z.number(),
        queue: z.string().optional(),
        audience: z.enum(AUDIENCES).optional(),
        /** The article says only a person can finish this topic. */
        handoff: z.boolean().optional(),
      }),
    )
    .default([]),
  /** Signals that fired, with the customer turn (1-based) they fired on. */
  reasons: z
    .array(
      z.object({
        code: z.string().min(1),
        turn: z.number().int().min(0),
        score: z.number(),
        detail: z.string().max(500).optional(),
      }),
    )
    .default([]),
  /** One line for the agent: why the bot gave up (e.g. "customer asked for a person"). */
  escalatedBecause: z.string().trim().min(1).max(300),
  /** Who is asking: Teams employees are `internal` (their topics go to internal queues). */
  audience: z.enum(AUDIENCES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  queue: z.string().optional(),
  /** Identity the bot already knows; Teams identity is looked up when missing. */
  customer: z.object({ name: z.string().max(200).optional(), email: z.email().optional() }).optional(),
});

export type EvidenceInput = z.input<typeof evidenceInputSchema>;
export type ParsedEvidence = z.output<typeof evidenceInputSchema>;

/** Bad input from a dialog or a customer (e.g. a contact that is neither email nor phone). */
export class HandoffInputError extends AppError {
  override name = 'HandoffInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('BAD_REQUEST', `handoff: ${field}: ${message}`, { field });
  }
}

export function parseEvidence(input: unknown): ParsedEvidence {
  const parsed = evidenceInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new HandoffInputError(`summary.${issue?.path.join('.') ?? ''}`, issue?.message ?? 'invalid');
}
