import type { KnowledgeIndex } from '../search/knowledge-index.js';
import type { Article, Audience, Lang } from '../types.js';
import type { AnswerOptions } from './options.js';
import { fuse, withConfidence, type Fused } from './fusion.js';

export interface Candidate {
  id: string;
  title: string;
  /** Fused retrieval score in [0,1]; comparable within one query only. */
  score: number;
  /** Calibrated probability that this article answers the query. */
  confidence: number;
}

export interface Decision {
  kind: 'answer' | 'clarify' | 'none';
  article?: Article;
  candidates: Candidate[];
  confidence: number;
  fallbackLanguage?: boolean;
}

export interface DecideContext {
  lang: Lang;
  audience: Audience;
}

export type Ranked = Fused;

export const visibleTo = (audience: Audience) => (a: Article) =>
  a.audience === 'all' || a.audience === audience;

/** Turns retrieval evidence into answer / clarify / abstain, and picks the customer's language. */
export class Answerer {
  private readonly versions = new Map<string, Article[]>();

  constructor(
    private readonly index: KnowledgeIndex,
    readonly options: AnswerOptions,
  ) {
    for (const a of index.articles) this.versions.set(a.id, [...(this.versions.get(a.id) ?? []), a]);
  }

  /**
   * Embeds queries with the index's embedding provider, if it has one; await it before `rank`,
   * `signals` or `decide` on the same texts. Resolves at once for the offline default.
   */
  prepare(queries: readonly string[]): Promise<void> {
    return this.index.prepareQueries(queries);
  }

  /** Every visible article id, best first, with its fused score and calibrated confidence. */
  rank(query: string, ctx: Pick<DecideContext, 'audience'>): Ranked[] {
    const { weights, neighbours, calibration } = this.options;
    const signals = this.index.signals(query, visibleTo(ctx.audience), neighbours);
    return withConfidence(fuse(signals, weights, this.index.classifier !== undefined), calibration);
  }

  /** Raw evidence, for calibration (which refits how it is fused). */
  signals(query: string, ctx: Pick<DecideContext, 'audience'>) {
    return this.index.signals(query, visibleTo(ctx.audience), this.options.neighbours);
  }

  get hasClassifier(): boolean {
    return this.index.classifier !== undefined;
  }

  decide(query: string, ctx: DecideContext): Decision {
    const ranked = query.trim() ? this.rank(query, ctx) : [];
    const top = ranked[0];
    const candidates = ranked.slice(0, this.options.candidates).map((r) => this.candidate(r, ctx));
    if (!top) return { kind: 'none', candidates: [], confidence: 0 };
    const { answer, clarify } = this.options;
    if (top.confidence >= answer) {
      const found = this.getArticle(top.id, ctx.lang, ctx.audience);
      if (found) return { kind: 'answer', ...found, candidates, confidence: top.confidence };
    }
    if (top.fused >= clarify.minScore) {
      const close = ranked.filter((r) => r.fused >= top.fused - clarify.gap).slice(0, clarify.max);
      if (close.length >= 2)
        return {
          kind: 'clarify',
          candidates: close.map((r) => this.candidate(r, ctx)),
          confidence: top.confidence,
        };
    }
    return { kind: 'none', candidates, confidence: top.confidence };
  }

  /** The version in `lang` if there is one for this audience, else English, else any visible one. */
  getArticle(
    id: string,
    lang: Lang,
    audience: Audience,
  ): { article: Article; fallbackLanguage: boolean } | undefined {
    const visible = (this.versions.get(id) ?? []).filter(visibleTo(audience));
    const article =
      visible.find((a) => a.lang === lang) ?? visible.find((a) => a.lang === 'en') ?? visible[0];
    return article ? { article, fallbackLanguage: article.lang !== lang } : undefined;
  }

  private candidate(r: Ranked, ctx: DecideContext): Candidate {
    const title = this.getArticle(r.id, ctx.lang, ctx.audience)?.article.title ?? r.id;
    return { id: r.id, title, score: r.fused, confidence: r.confidence };
  }
}
