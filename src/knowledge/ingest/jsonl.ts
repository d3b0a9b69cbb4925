import { z } from 'zod';
import type { Article, IngestIssue } from '../types.js';
import { articleFieldsSchema, describeIssues, toArticle } from './schema.js';

/** The FAQ line format of the evaluation sets; lang and audience are optional there. */
const lineSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    title: z.string(),
    questions: z.array(z.string()).default([]),
    answer: z.string(),
    lang: z.string().default('en'),
    audience: z.string().default('all'),
    tags: z.array(z.string()).default([]),
    queue: z.string().optional(),
    handoff: z.boolean().optional(),
    follow_ups: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
    followUps: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  })
  .transform(({ follow_ups, followUps, ...rest }) => ({ ...rest, followUps: followUps ?? follow_ups ?? [] }));

export function parseJsonl(content: string, file: string): { articles: Article[]; issues: IngestIssue[] } {
  const articles: Article[] = [];
  const issues: IngestIssue[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      issues.push({ file, line, message: `invalid JSON: ${(err as Error).message}` });
      return;
    }
    const shape = lineSchema.safeParse(json);
    const parsed = shape.success ? articleFieldsSchema.safeParse(shape.data) : shape;
    if (parsed.success) articles.push(toArticle(parsed.data, `${file}:${line}`));
    else issues.push({ file, line, message: describeIssues(parsed.error) });
  });
  return { articles, issues };
}
