import { z } from 'zod';
import { AUDIENCES, LANGS, type Article } from '../types.js';

const text = z.string().trim().min(1, 'must not be empty');
const id = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .regex(/^[\p{L}\p{N}_.:?-]+$/u, 'may hold only letters, digits and _ . : ? -');

/** Fields every format shares, after format-specific renaming (follow_ups → followUps, ...). */
export const articleFieldsSchema = z.object({
  id,
  lang: z.enum(LANGS),
  title: text,
  audience: z.enum(AUDIENCES),
  questions: z.array(text).default([]),
  answer: text,
  tags: z.array(z.string().trim().min(1)).default([]),
  queue: text.optional(),
  handoff: z.boolean().optional(),
  followUps: z.array(id).default([]),
  contextOnly: z.boolean().optional(),
});

/** One line describing every problem, with the field path first: "lang: Invalid option ...". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
}

export function toArticle(fields: z.infer<typeof articleFieldsSchema>, source: string): Article {
  const questions = [...new Set(fields.questions.filter((q) => q !== fields.title))];
  const article: Article = { ...fields, questions, source };
  for (const k of ['queue', 'handoff', 'contextOnly'] as const)
    if (article[k] === undefined) delete article[k];
  return article;
}
