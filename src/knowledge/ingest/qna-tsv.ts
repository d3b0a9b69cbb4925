import { z } from 'zod';
import type { Article, IngestIssue } from '../types.js';
import { articleFieldsSchema, describeIssues, toArticle } from './schema.js';
import { parseTsv, unescapeExport, type TsvRecord } from './tsv-records.js';

const COLUMNS = [
  'Question',
  'Answer',
  'Source',
  'Metadata',
  'SuggestedQuestions',
  'IsContextOnly',
  'Prompts',
  'QnaId',
] as const;
type Column = (typeof COLUMNS)[number];

const promptsSchema = z.array(
  z.looseObject({
    DisplayOrder: z.coerce.number().default(0),
    QnaId: z.coerce.number().int(),
    DisplayText: z.string().optional(),
  }),
);

interface Group {
  qnaId: string;
  line: number;
  questions: string[];
  answer: string;
  metadata: Map<string, string>;
  contextOnly: boolean;
  prompts: { order: number; qnaId: string }[];
}

/**
 * A QnA Maker / Custom Question Answering TSV export. Rows sharing a QnaId are one article (the
 * first question is its title, the rest alternate phrasings); Metadata `key:value|...` becomes tags
 * and may set lang, audience, queue and id; Prompts become follow-ups.
 */
export function parseQnaTsv(
  content: string,
  file: string,
  defaultLang = 'en',
): { articles: Article[]; issues: IngestIssue[] } {
  const issues: IngestIssue[] = [];
  const { records, error } = parseTsv(content);
  if (error) issues.push({ file, ...error });
  const [header, ...rows] = records;
  const col = new Map<Column, number>();
  header?.fields.forEach((name, i) => {
    const known = COLUMNS.find((c) => c.toLowerCase() === name.trim().toLowerCase());
    if (known) col.set(known, i);
  });
  const missing = (['Question', 'Answer', 'QnaId'] as const).filter((c) => !col.has(c));
  if (!header || missing.length > 0) {
    issues.push({
      file,
      line: header?.line ?? 1,
      message: `not a QnA Maker export: header lacks ${missing.join(', ')}`,
    });
    return { articles: [], issues };
  }
  const groups = new Map<string, Group>();
  for (const row of rows) readRow(row, col, groups, (line, message) => issues.push({ file, line, message }));
  const idOf = new Map([...groups.values()].map((g) => [g.qnaId, g.metadata.get('id') ?? `qna-${g.qnaId}`]));
  const articles: Article[] = [];
  for (const g of groups.values()) {
    const [title = '', ...questions] = g.questions;
    const tags = [...g.metadata]
      .filter(([k]) => !['id', 'lang', 'language', 'audience', 'queue'].includes(k))
      .map(([k, v]) => `${k}:${v}`);
    const followUps = g.prompts
      .sort((a, b) => a.order - b.order)
      .map((p) => idOf.get(p.qnaId) ?? `qna-${p.qnaId}`);
    const parsed = articleFieldsSchema.safeParse({
      id: idOf.get(g.qnaId),
      lang: g.metadata.get('lang') ?? g.metadata.get('language') ?? defaultLang,
      audience: g.metadata.get('audience') ?? 'all',
      queue: g.metadata.get('queue'),
      title,
      questions,
      answer: g.answer,
      tags,
      followUps,
      contextOnly: g.contextOnly || undefined,
    });
    if (parsed.success) articles.push(toArticle(parsed.data, `${file}:${g.line}`));
    else issues.push({ file, line: g.line, message: `QnaId ${g.qnaId}: ${describeIssues(parsed.error)}` });
  }
  return { articles, issues };
}

function readRow(
  row: TsvRecord,
  col: Map<Column, number>,
  groups: Map<string, Group>,
  issue: (line: number, m: string) => void,
): void {
  const get = (c: Column) => {
    const i = col.get(c);
    return i === undefined ? '' : (row.fields[i] ?? '').trim();
  };
  const qnaId = get('QnaId');
  if (!/^\d+$/.test(qnaId)) return issue(row.line, `QnaId must be a number, got "${qnaId}"`);
  const question = unescapeExport(get('Question')).trim();
  const answer = unescapeExport(get('Answer')).trim();
  let group = groups.get(qnaId);
  if (!group) {
    group = {
      qnaId,
      line: row.line,
      questions: [],
      answer,
      metadata: new Map(),
      contextOnly: false,
      prompts: [],
    };
    groups.set(qnaId, group);
  } else if (answer && answer !== group.answer) {
    issue(row.line, `QnaId ${qnaId}: answer differs from the one on line ${group.line}; keeping the first`);
  }
  if (question) group.questions.push(question);
  for (const pair of get('Metadata').split('|').filter(Boolean)) {
    const at = pair.indexOf(':');
    if (at <= 0) issue(row.line, `Metadata "${pair}" is not key:value`);
    else group.metadata.set(pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim());
  }
  if (/^true$/i.test(get('IsContextOnly'))) group.contextOnly = true;
  const promptsText = get('Prompts');
  if (promptsText && promptsText !== '[]') {
    let json: unknown;
    try {
      json = JSON.parse(promptsText);
    } catch {
      return issue(row.line, `Prompts is not valid JSON: ${promptsText.slice(0, 60)}`);
    }
    const prompts = promptsSchema.safeParse(json);
    if (!prompts.success) return issue(row.line, `Prompts: ${describeIssues(prompts.error)}`);
    for (const p of prompts.data) {
      const id = String(p.QnaId);
      if (!group.prompts.some((q) => q.qnaId === id))
        group.prompts.push({ order: p.DisplayOrder, qnaId: id });
    }
  }
}
