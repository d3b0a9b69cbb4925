import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Article, IngestIssue } from '../types.js';
import { articleFieldsSchema, toArticle } from './schema.js';

const frontMatterSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    lang: z.string(),
    title: z.string(),
    audience: z.string(),
    questions: z.array(z.string()).default([]),
    tags: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    queue: z.string().optional(),
    handoff: z.boolean().optional(),
    follow_ups: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  })
  .strict();

/**
 * A markdown article: YAML front matter between `---` lines, body = answer. Errors point at the
 * line of the offending key, counted from the top of the file.
 */
export function parseMarkdown(content: string, file: string): { articles: Article[]; issues: IngestIssue[] } {
  const issue = (line: number, message: string) => ({ articles: [], issues: [{ file, line, message }] });
  const text = content.replace(/^\uFEFF/, '');
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return issue(1, 'missing YAML front matter (the file must start with a --- line)');
  const close = /^---[ \t]*$/m.exec(text.slice(open[0].length));
  if (!close) return issue(1, 'front matter is not closed by a --- line');
  const yamlText = text.slice(open[0].length, open[0].length + close.index);
  const body = text.slice(open[0].length + close.index + close[0].length).trim();
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const firstYamlLine = 2; // line 1 is the opening ---
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return issue(
      firstYamlLine + (e?.linePos?.[0].line ?? 1) - 1,
      `invalid YAML: ${e?.message.split('\n')[0] ?? 'parse error'}`,
    );
  }
  const lineOfKey = (key: PropertyKey | undefined): number => {
    if (!isMap(doc.contents) || key === undefined) return 1;
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
    const offset = pair && isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
    return pair ? firstYamlLine + lineCounter.linePos(offset).line - 1 : 1;
  };
  const front = frontMatterSchema.safeParse(doc.toJS() ?? {});
  if (!front.success) {
    const issues = front.error.issues.map((i) => ({
      file,
      line: lineOfKey(i.code === 'unrecognized_keys' ? i.keys[0] : i.path[0]),
      message: `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`,
    }));
    return { articles: [], issues };
  }
  const { follow_ups, ...rest } = front.data;
  const fields = articleFieldsSchema.safeParse({ ...rest, followUps: follow_ups, answer: body });
  if (!fields.success) {
    const issues = fields.error.issues.map((i) => {
      const key = i.path[0] === 'followUps' ? 'follow_ups' : i.path[0];
      const line =
        key === 'answer' ? firstYamlLine + lineCounter.linePos(yamlText.length).line : lineOfKey(key);
      const what =
        key === 'answer' ? 'answer (the body after the front matter)' : [key, ...i.path.slice(1)].join('.');
      return { file, line, message: `${what}: ${i.message}` };
    });
    return { articles: [], issues };
  }
  return { articles: [toArticle(fields.data, file)], issues: [] };
}
