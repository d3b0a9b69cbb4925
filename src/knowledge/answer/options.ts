import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const unit = z.number().min(0).max(1);

/**
 * How retrieval evidence becomes a decision. Defaults are rounded means of what `kb calibrate`
 * chose on the banking77 and hwu64 validation splits (full and 10-shot KBs); calibrating on a
 * KB's own labelled queries refits weights, calibration, answer and clarify into a thresholds file.
 */
export const answerOptionsSchema = z.object({
  /** Weights of classifier probability, vector similarity and relative BM25 in the fused score. */
  weights: z
    .object({
      clf: z.number().nonnegative().default(0.6),
      vec: z.number().nonnegative().default(0.2),
      lex: z.number().nonnegative().default(0.1),
    })
    .prefault({}),
  /** HNSW neighbours (questions) looked at per query. */
  neighbours: z.number().int().min(1).max(1000).default(50),
  /** Candidates returned with every decision. */
  candidates: z.number().int().min(1).max(20).default(5),
  /** Logistic map from [fused score of a candidate, its lead over the best other] to P(correct). */
  calibration: z
    .object({
      weights: z.tuple([z.number(), z.number()]).default([2.6, 4.1]),
      bias: z.number().default(-1.4),
    })
    .prefault({}),
  /** Minimum confidence to answer outright. */
  answer: unit.default(0.5),
  clarify: z
    .object({
      /** Fused score the best candidate needs before asking "Did you mean…?" makes sense. */
      minScore: unit.default(0.3),
      /** Candidates within this fused-score gap of the best are offered. */
      gap: unit.default(0.1),
      max: z.number().int().min(2).max(5).default(3),
    })
    .prefault({}),
});

export type AnswerOptions = z.infer<typeof answerOptionsSchema>;
/** Partial options as written in code or a thresholds file; nested objects may be partial too. */
export type AnswerOptionsInput = z.input<typeof answerOptionsSchema>;

/** Merges layers left to right (later wins, nested objects merged) and validates once. */
export function resolveAnswerOptions(...layers: (AnswerOptionsInput | undefined)[]): AnswerOptions {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer ?? {})) {
      const prev = merged[k];
      merged[k] =
        v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object'
          ? { ...prev, ...v }
          : v;
    }
  }
  const parsed = answerOptionsSchema.safeParse(merged);
  if (!parsed.success) throw new Error(`knowledge answer options: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The models an index was built with, as `kb calibrate` records them in a thresholds file. */
export interface ModelLabels {
  embeddings: string;
  wordVectors: string;
}

export interface ThresholdsFile {
  options: AnswerOptionsInput;
  /** Absent in files written before calibrations recorded it. */
  models?: ModelLabels | undefined;
}

/**
 * Confidence and thresholds are fitted to one model's scores: a file calibrated with other
 * embeddings or word vectors still loads (better than the defaults), but deserves a warning.
 */
export function thresholdsMismatch(
  file: string,
  recorded: ThresholdsFile,
  now: ModelLabels,
): string | undefined {
  const was = recorded.models;
  if (!was || (was.embeddings === now.embeddings && was.wordVectors === now.wordVectors)) return undefined;
  const show = (m: ModelLabels) => `embeddings ${m.embeddings}, word vectors ${m.wordVectors}`;
  return `${file} was calibrated with ${show(was)}, but the index uses ${show(now)}; run kb calibrate again`;
}

/** Reads a thresholds file written by `kb calibrate`; undefined when the file does not exist. */
export async function readThresholdsFile(file: string): Promise<ThresholdsFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const json = JSON.parse(text) as { options?: unknown; models?: unknown };
  const parsed = answerOptionsSchema.partial().safeParse(json.options ?? json);
  if (!parsed.success) throw new Error(`${file}: invalid thresholds: ${z.prettifyError(parsed.error)}`);
  const models = modelLabelsSchema.safeParse(json.models);
  return {
    options: json.options ?? json,
    models: models.success ? models.data : undefined,
  };
}

const modelLabelsSchema = z.object({ embeddings: z.string(), wordVectors: z.string() });
