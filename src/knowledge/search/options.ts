import { z } from 'zod';
import { DEFAULT_FEATURES } from '../text/features.js';

/** Everything that shapes a built index; part of the content hash, so changing it rebuilds. */
export const indexOptionsSchema = z.object({
  dimensions: z.number().int().min(8).max(4096).default(512),
  features: z
    .object({
      charMin: z.number().int().min(1).max(8).default(DEFAULT_FEATURES.charMin),
      charMax: z.number().int().min(1).max(8).default(DEFAULT_FEATURES.charMax),
      wordNgrams: z.number().int().min(1).max(3).default(DEFAULT_FEATURES.wordNgrams),
      hashBits: z.number().int().min(12).max(24).default(DEFAULT_FEATURES.hashBits),
      wordWeight: z.number().positive().default(1),
    })
    .prefault({}),
  classifier: z
    .object({
      enabled: z.boolean().default(true),
      /**
       * Passes over the alternate questions. 0 (the default) does not disable training: it means
       * `epochsFor(samples)`, about 200k SGD steps (8 to 40 passes), which keeps build time bounded
       * on large KBs. Turn the classifier off with `enabled: false`.
       */
      epochs: z.number().int().min(0).max(200).default(0),
      l2: z.number().nonnegative().default(1e-5),
      learningRate: z.number().positive().default(0.5),
      seed: z.number().int().default(7),
    })
    .prefault({}),
  /** Weight of the word-vector block against the TF-IDF block (L2-normalised each) in the classifier. */
  wordVectorWeight: z.number().positive().max(10).default(1),
  hnsw: z
    .object({
      m: z.number().int().min(4).max(64).default(16),
      efConstruction: z.number().int().min(16).max(800).default(64),
      efSearch: z.number().int().min(8).max(1000).default(256),
    })
    .prefault({}),
});

export type IndexOptions = z.infer<typeof indexOptionsSchema>;
export type IndexOptionsInput = z.input<typeof indexOptionsSchema>;

export function parseIndexOptions(input: IndexOptionsInput = {}): IndexOptions {
  const parsed = indexOptionsSchema.safeParse(input);
  if (!parsed.success) throw new Error(`knowledge index options: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
