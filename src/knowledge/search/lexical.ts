import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { normalizeText, tokenize } from '../text/normalize.js';

/** One searchable text: a question (or title) of an article version, or its answer. */
export interface LexicalDoc {
  id: number;
  /** Index of the article version the text belongs to. */
  owner: number;
  kind: 'question' | 'answer';
  text: string;
}

const terms = (text: string): string[] => tokenize(normalizeText(text));

const OPTIONS: Options<LexicalDoc> = {
  fields: ['question', 'answer'],
  storeFields: ['owner'],
  extractField: (doc, field) => {
    if (field === 'id') return String(doc.id);
    if (field === 'owner') return String(doc.owner);
    return field === doc.kind ? doc.text : '';
  },
  // Same normalisation as the vector side, so both agree on what a word is in every script.
  tokenize: terms,
  processTerm: (term) => term,
};

/** Terms in more than this share of questions carry almost no BM25 weight but cost a scan each. */
const COMMON_SHARE = 0.04;

/**
 * BM25 over questions and titles, with answers at a low boost: answers are long and written in
 * the KB's voice, so they help recall for rare terms but should not outrank a matching question.
 */
export class LexicalIndex {
  private readonly common: Set<string>;

  private constructor(
    private readonly search: MiniSearch<LexicalDoc>,
    /** Document frequency of each term over questions, for IDF-weighted query coverage. */
    private readonly df: Map<string, number>,
    private readonly questions: number,
  ) {
    const limit = Math.max(20, COMMON_SHARE * questions);
    this.common = new Set([...df].filter(([, n]) => n > limit).map(([t]) => t));
  }

  static build(docs: readonly LexicalDoc[]): LexicalIndex {
    const ms = new MiniSearch<LexicalDoc>(OPTIONS);
    ms.addAll(docs);
    const df = new Map<string, number>();
    const questions = docs.filter((d) => d.kind === 'question');
    for (const d of questions) for (const t of new Set(terms(d.text))) df.set(t, (df.get(t) ?? 0) + 1);
    return new LexicalIndex(ms, df, questions.length);
  }

  static load(json: string): LexicalIndex {
    const { index, df, questions } = JSON.parse(json) as {
      index: unknown;
      df: [string, number][];
      questions: number;
    };
    return new LexicalIndex(
      MiniSearch.loadJSON<LexicalDoc>(JSON.stringify(index), OPTIONS),
      new Map(df),
      questions,
    );
  }

  toJSON(): unknown {
    return { index: this.search.toJSON(), df: [...this.df], questions: this.questions };
  }

  private idf(term: string): number {
    const n = this.df.get(term) ?? 0;
    return Math.log(1 + (this.questions - n + 0.5) / (n + 0.5));
  }

  /**
   * Per article version, the best of its texts: BM25 relative to the query's best text, times the
   * IDF-weighted share of query terms that text matched. Relative BM25 alone says 1 for the best
   * match even when it shares one stray word; the coverage factor keeps junk queries low.
   */
  scores(query: string, answerBoost = 0.3): Map<number, number> {
    const all = [...new Set(terms(query))];
    const totalIdf = all.reduce((s, t) => s + this.idf(t), 0);
    const rare = all.filter((t) => !this.common.has(t));
    const results: SearchResult[] = this.search.search((rare.length > 0 ? rare : all).join(' '), {
      boost: { question: 1, answer: answerBoost },
      combineWith: 'OR',
      // Typos in longer words only; short words would match too much.
      fuzzy: (term) => (term.length > 6 ? 0.15 : false),
      maxFuzzy: 1,
    });
    const best = new Map<number, number>();
    const top = results[0]?.score ?? 0;
    for (const r of results) {
      const owner = Number(r.owner);
      const covered = r.queryTerms.reduce((s, t) => s + this.idf(t), 0);
      const value = top > 0 && totalIdf > 0 ? (r.score / top) * Math.min(1, covered / totalIdf) : 0;
      if (value > (best.get(owner) ?? 0)) best.set(owner, value);
    }
    return best;
  }
}
