import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AUDIENCES, LANGS } from '../types.js';

/** A labelled query; `expected: null` means no article should answer it (out of scope). */
const querySchema = z.object({
  text: z.string(),
  expected: z.string().nullable(),
  lang: z.enum(LANGS).optional(),
  audience: z.enum(AUDIENCES).optional(),
});

export type LabelledQuery = z.infer<typeof querySchema>;

export async function readQueries(file: string): Promise<LabelledQuery[]> {
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/);
  const out: LabelledQuery[] = [];
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      throw new Error(`${file}:${i + 1}: invalid JSON: ${(err as Error).message}`);
    }
    const parsed = querySchema.safeParse(json);
    if (!parsed.success)
      throw new Error(`${file}:${i + 1}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
    out.push(parsed.data);
  });
  return out;
}
