import type { FeedbackRecord } from '../../storage/index.js';

/** A question customers keep asking that the KB does not answer well. */
export interface Gap {
  /** The most common phrasing in the group. */
  text: string;
  count: number;
  unanswered: number;
  thumbsDown: number;
  /** Articles that got a 👎 for these questions. */
  articleIds: string[];
  langs: string[];
  examples: string[];
  lastAsked: Date;
}

const normalize = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function trigrams(s: string): Set<string> {
  const padded = ` ${s} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/**
 * Groups unanswered questions and 👎 answers by surface similarity (character trigrams work the
 * same for English, Taglish and Urdu), most frequent first. Greedy single pass: fine for the
 * thousands of records a period holds.
 */
export function gapReport(records: FeedbackRecord[], options: { similarity?: number; limit?: number } = {}): Gap[] {
  const threshold = options.similarity ?? 0.45;
  const groups: { grams: Set<string>; phrasings: Map<string, number>; gap: Gap }[] = [];
  for (const r of records) {
    const isGap = r.kind === 'unanswered' || (r.kind === 'answer' && r.helpful === false);
    const query = r.query?.trim();
    if (!isGap || !query) continue;
    const grams = trigrams(normalize(query));
    let group = groups.find((g) => jaccard(g.grams, grams) >= threshold);
    if (!group) {
      group = {
        grams,
        phrasings: new Map(),
        gap: { text: query, count: 0, unanswered: 0, thumbsDown: 0, articleIds: [], langs: [], examples: [], lastAsked: r.createdAt },
      };
      groups.push(group);
    }
    const g = group.gap;
    g.count++;
    if (r.kind === 'unanswered') g.unanswered++;
    else g.thumbsDown++;
    if (r.articleId && !g.articleIds.includes(r.articleId)) g.articleIds.push(r.articleId);
    if (r.lang && !g.langs.includes(r.lang)) g.langs.push(r.lang);
    if (g.examples.length < 5 && !g.examples.includes(query)) g.examples.push(query);
    if (r.createdAt > g.lastAsked) g.lastAsked = r.createdAt;
    group.phrasings.set(query, (group.phrasings.get(query) ?? 0) + 1);
  }
  for (const group of groups) {
    group.gap.text = [...group.phrasings.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? group.gap.text;
  }
  return groups
    .map((g) => g.gap)
    .sort((a, b) => b.count - a.count || b.lastAsked.getTime() - a.lastAsked.getTime())
    .slice(0, options.limit ?? 50);
}
