import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { Answerer } from '../answer/answerer.js';
import type { Audience, Lang } from '../types.js';

export interface KnowledgeRetrieverInput extends BaseRetrieverInput {
  answerer: Answerer;
  lang: Lang;
  audience: Audience;
  /** Articles returned; default 4. */
  k?: number;
}

/**
 * The fused KB search as a LangChain retriever: one Document per article (answer as content, in
 * the customer's language when translated), with score and calibrated confidence in metadata.
 */
export class KnowledgeRetriever extends BaseRetriever {
  lc_namespace = ['tulay', 'knowledge'];
  private readonly answerer: Answerer;
  private readonly lang: Lang;
  private readonly audience: Audience;
  private readonly k: number;

  constructor(fields: KnowledgeRetrieverInput) {
    super(fields);
    this.answerer = fields.answerer;
    this.lang = fields.lang;
    this.audience = fields.audience;
    this.k = fields.k ?? 4;
  }

  override async _getRelevantDocuments(
    query: string,
    _runManager?: CallbackManagerForRetrieverRun,
  ): Promise<Document[]> {
    await this.answerer.prepare([query]);
    const docs: Document[] = [];
    for (const r of this.answerer.rank(query, { audience: this.audience }).slice(0, this.k)) {
      const found = this.answerer.getArticle(r.id, this.lang, this.audience);
      if (!found) continue;
      const { article, fallbackLanguage } = found;
      docs.push(
        new Document({
          pageContent: article.answer,
          metadata: {
            id: article.id,
            lang: article.lang,
            title: article.title,
            score: r.fused,
            confidence: r.confidence,
            fallbackLanguage,
          },
        }),
      );
    }
    return docs;
  }
}
