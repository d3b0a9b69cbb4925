/** Labelled dialogues for the eval: schema, loading, and `file:line: problem` reports. */
import { z } from 'zod';
import { LANGS } from '../../knowledge/types.js';
import { BOT_OUTCOME_KINDS } from './bot-outcome.js';
import { readJsonl } from './jsonl.js';

const turnSchema = z.object({
  role: z.enum(['user', 'bot']),
  text: z.string(),
  /** Label: on this turn the customer should be offered or given a person. Missing means false. */
  dissatisfied: z.boolean().optional(),
  /** Optional on bot turns: what the live bot reported, when the transcript has it. */
  kind: z.enum(BOT_OUTCOME_KINDS).optional(),
  articleId: z.string().optional(),
  humanOnly: z.boolean().optional(),
});

export const dialogSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(LANGS).optional(),
  turns: z.array(turnSchema).min(1),
});
export type Dialog = z.infer<typeof dialogSchema> & { source: string };

export function loadDialogs(target: string): { dialogs: Dialog[]; issues: string[] } {
  const dialogs: Dialog[] = [];
  const issues: string[] = [];
  const seen = new Map<string, string>();
  for (const row of readJsonl(target)) {
    const where = `${row.file}:${row.line}`;
    if ('error' in row) {
      issues.push(`${where}: ${row.error}`);
      continue;
    }
    const parsed = dialogSchema.safeParse(row.value);
    if (!parsed.success) {
      const what = parsed.error.issues.map(
        (i) => `${i.path.length ? i.path.join('.') : 'line'}: ${i.message}`,
      );
      issues.push(`${where}: ${what.join('; ')}`);
      continue;
    }
    const first = seen.get(parsed.data.id);
    if (first) {
      issues.push(`${where}: duplicate dialogue id "${parsed.data.id}" (first at ${first})`);
      continue;
    }
    if (!parsed.data.turns.some((t) => t.role === 'user')) {
      issues.push(`${where}: turns: no user turn to score`);
      continue;
    }
    seen.set(parsed.data.id, where);
    dialogs.push({ ...parsed.data, source: where });
  }
  return { dialogs, issues };
}
