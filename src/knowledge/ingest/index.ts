import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article, IngestIssue } from '../types.js';
import { parseJsonl } from './jsonl.js';
import { parseMarkdown } from './markdown.js';
import { parseQnaTsv } from './qna-tsv.js';

export interface LoadedKnowledge {
  articles: Article[];
  issues: IngestIssue[];
}

type Parser = (content: string, file: string) => LoadedKnowledge;

const PARSERS: Record<string, Parser> = { '.md': parseMarkdown, '.tsv': parseQnaTsv, '.jsonl': parseJsonl };

async function listFiles(root: string): Promise<string[]> {
  const info = await stat(root);
  if (!info.isDirectory()) return [root];
  const entries = await readdir(root, { withFileTypes: true });
  const out: string[] = [];
  // Sorted so that ids, duplicates and the content hash do not depend on directory order.
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(root, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full)));
    else if (PARSERS[path.extname(e.name).toLowerCase()]) out.push(full);
  }
  return out;
}

const lineOf = (source: string): { file: string; line: number } => {
  const m = /^(.*):(\d+)$/.exec(source);
  return m ? { file: m[1] ?? source, line: Number(m[2]) } : { file: source, line: 1 };
};

/**
 * Reads a knowledge base from a folder (recursively: *.md, *.tsv, *.jsonl) or a single file.
 * Malformed input becomes an issue naming file and line; everything else still loads. A repeated
 * (id, lang) keeps the first occurrence; follow-ups to unknown ids are reported and dropped.
 */
export async function loadKnowledge(root: string): Promise<LoadedKnowledge> {
  const articles: Article[] = [];
  const issues: IngestIssue[] = [];
  for (const file of await listFiles(root)) {
    const parse = PARSERS[path.extname(file).toLowerCase()];
    if (!parse) {
      issues.push({ file, line: 1, message: `unsupported file type (expected .md, .tsv or .jsonl)` });
      continue;
    }
    const result = parse(await readFile(file, 'utf8'), file);
    articles.push(...result.articles);
    issues.push(...result.issues);
  }
  const seen = new Map<string, Article>();
  const unique: Article[] = [];
  for (const a of articles) {
    const key = `${a.id}\u0000${a.lang}`;
    const first = seen.get(key);
    if (first)
      issues.push({
        ...lineOf(a.source),
        message: `duplicate article id "${a.id}" (${a.lang}); first defined at ${first.source}`,
      });
    else {
      seen.set(key, a);
      unique.push(a);
    }
  }
  const ids = new Set(unique.map((a) => a.id));
  for (const a of unique) {
    const unknown = a.followUps.filter((f) => !ids.has(f));
    if (unknown.length === 0) continue;
    issues.push({
      ...lineOf(a.source),
      message: `follow-ups name unknown article(s): ${unknown.join(', ')}`,
    });
    a.followUps = a.followUps.filter((f) => ids.has(f));
  }
  return { articles: unique, issues };
}
