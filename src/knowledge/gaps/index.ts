import type { FeedbackRecord } from '../../storage/index.js';

/** A question customers keep asking that the KB does not answer well. */
export interface Gap {
  /** The most common phrasing in the group. */
  text: string;
  count: number;
  unanswered: number;
  thumbsDown: number;
  /** Articles that got a 👎 for these questions, most 👎 first. */
  articleIds: string[];
  langs: string[];
  /** Up to five distinct phrasings, as customers typed them. */
  examples: string[];
  firstAsked: Date;
  lastAsked: Date;
}

/** A CSAT rating at or under the low mark, with the customer's words when they left some. */
export interface LowRating {
  rating: number;
  comment?: string;
  lang?: string;
  channel?: string;
  ticketId?: string;
  conversationId: string;
  createdAt: Date;
}

export interface GapOptions {
  /**
   * Share of character trigrams two phrasings must have in common to be one question (Jaccard,
   * after normalising). 0.8 merges plurals and typos ("drone"/"drones") but keeps questions that
   * share a frame apart ("cancel my order" / "track my order" is about 0.5).
   */
  similarity?: number;
  limit?: number;
}

/** Case, spacing and punctuation do not make two questions different. */
export const normalizeQuestion = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
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

const byCount = <T>(counts: Map<T, number>): T[] =>
  [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);

interface Group {
  grams: Set<string>;
  phrasings: Map<string, number>;
  articles: Map<string, number>;
  gap: Gap;
}

/**
 * Groups unanswered questions and 👎 answers, most frequent first. Two questions are one when
 * they are equal ignoring case, spacing and punctuation, or nearly so by character trigrams
 * (which work the same for English, Taglish and Urdu). Greedy single pass in record order: each
 * question joins the first group whose first phrasing it matches; fine for the thousands of
 * records a period holds.
 */
export function gapReport(records: readonly FeedbackRecord[], options: GapOptions = {}): Gap[] {
  const threshold = options.similarity ?? 0.8;
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const r of records) {
    const isGap = r.kind === 'unanswered' || (r.kind === 'answer' && r.helpful === false);
    const query = r.query?.trim().replace(/\s+/g, ' ');
    const key = query ? normalizeQuestion(query) : '';
    if (!isGap || !query || !key) continue;
    let group = byKey.get(key);
    if (!group) {
      const grams = trigrams(key);
      group = groups.find((g) => jaccard(g.grams, grams) >= threshold);
      if (!group) {
        const gap: Gap = {
          text: query,
          count: 0,
          unanswered: 0,
          thumbsDown: 0,
          articleIds: [],
          langs: [],
          examples: [],
          firstAsked: r.createdAt,
          lastAsked: r.createdAt,
        };
        group = { grams, phrasings: new Map(), articles: new Map(), gap };
        groups.push(group);
      }
      byKey.set(key, group);
    }
    const g = group.gap;
    g.count++;
    if (r.kind === 'unanswered') g.unanswered++;
    else {
      g.thumbsDown++;
      if (r.articleId) group.articles.set(r.articleId, (group.articles.get(r.articleId) ?? 0) + 1);
    }
    if (r.lang && !g.langs.includes(r.lang)) g.langs.push(r.lang);
    if (g.examples.length < 5 && !g.examples.includes(query)) g.examples.push(query);
    if (r.createdAt < g.firstAsked) g.firstAsked = r.createdAt;
    if (r.createdAt > g.lastAsked) g.lastAsked = r.createdAt;
    group.phrasings.set(query, (group.phrasings.get(query) ?? 0) + 1);
  }
  for (const { gap, phrasings, articles } of groups) {
    gap.text = byCount(phrasings)[0] ?? gap.text;
    gap.articleIds = byCount(articles);
  }
  return groups
    .map((g) => g.gap)
    .sort((a, b) => b.count - a.count || b.lastAsked.getTime() - a.lastAsked.getTime())
    .slice(0, options.limit ?? 50);
}

/** CSAT ratings of `maxRating` or less (1–5 scale), most recent first. */
export function lowRatings(records: readonly FeedbackRecord[], maxRating = 2): LowRating[] {
  return records
    .filter((r) => r.kind === 'csat' && typeof r.rating === 'number' && r.rating <= maxRating)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
    .map((r) => ({
      rating: r.rating ?? 0,
      ...(r.comment?.trim() ? { comment: r.comment.trim() } : {}),
      ...(r.lang ? { lang: r.lang } : {}),
      ...(r.channel ? { channel: r.channel } : {}),
      ...(r.ticketId ? { ticketId: r.ticketId } : {}),
      conversationId: r.conversationId,
      createdAt: r.createdAt,
    }));
}
