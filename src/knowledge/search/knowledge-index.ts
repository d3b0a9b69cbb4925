import { Document } from '@langchain/core/documents';
import type { Article } from '../types.js';
import { LinearClassifier } from './classifier.js';
import { QueryVectors, type DenseEmbeddings } from './dense.js';
import { HashedNgramEmbeddings } from './embeddings.js';
import { HnswVectorStore } from './hnsw-store.js';
import { LexicalIndex, type LexicalDoc } from './lexical.js';
import type { IndexOptions } from './options.js';
import type { WordVectors } from '../words/index.js';
import type { SparseVec } from '../text/tfidf.js';

/** Raw retrieval evidence for one article id (all its language versions together). */
export interface Signals {
  cls: number;
  id: string;
  /** Classifier probability, renormalised over the visible articles. */
  clf: number;
  /** Best cosine similarity of the query to one of the article's questions (HNSW). */
  vec: number;
  /** Best BM25 over the article's texts relative to the query's best, times query-term coverage (LexicalIndex). */
  lex: number;
}

export type Progress = (stage: string, done: number, total: number) => void;

/** Models an index is built with besides its own; each is part of the content hash. */
export interface IndexModels {
  /** Embedding provider for the vector search, in place of the hashed projection. */
  dense?: DenseEmbeddings | undefined;
  /** Pre-trained word vectors appended to the classifier's input. */
  words?: WordVectors | undefined;
}

/** The word vectors of a built index and the weight their block has in the classifier input. */
export interface WordFeatures {
  vectors: WordVectors;
  weight: number;
}

/** The parts of a built or loaded index. */
export interface IndexParts {
  articles: readonly Article[];
  embeddings: HashedNgramEmbeddings;
  classifier: LinearClassifier | undefined;
  store: HnswVectorStore;
  lexical: LexicalIndex;
  /** The provider whose vectors `store` holds; undefined for the hashed projection. */
  dense?: DenseEmbeddings | undefined;
  words?: WordFeatures | undefined;
}

/** Questions and title of a version: what customers might type. */
const askable = (a: Article): string[] => [a.title, ...a.questions];

/**
 * All indexes over one KB. Classes are article ids, not (id, lang) pairs, so a Filipino question
 * can match the English phrasings of the same article and vice versa.
 */
export class KnowledgeIndex {
  readonly classes: string[];
  private readonly classIndex = new Map<string, number>();
  /** Query vectors of the embedding provider, when the store holds its vectors. */
  private readonly queryVectors: QueryVectors | undefined;

  readonly articles: readonly Article[];
  readonly embeddings: HashedNgramEmbeddings;
  readonly classifier: LinearClassifier | undefined;
  readonly store: HnswVectorStore;
  readonly lexical: LexicalIndex;
  readonly dense: DenseEmbeddings | undefined;
  readonly words: WordFeatures | undefined;

  /** Use `build`, or `loadIndex` (index-files.ts) for a saved one. */
  constructor(parts: IndexParts) {
    const { articles, dense, store } = parts;
    this.articles = articles;
    this.embeddings = parts.embeddings;
    this.classifier = parts.classifier;
    this.store = store;
    this.lexical = parts.lexical;
    this.dense = dense;
    this.words = parts.words;
    this.classes = [...new Set(articles.filter((a) => !a.contextOnly).map((a) => a.id))];
    this.classes.forEach((id, i) => this.classIndex.set(id, i));
    this.queryVectors = dense && new QueryVectors(dense, store.args.dimensions);
  }

  /**
   * `models.dense` embeds the questions for the vector search instead of the hashed projection;
   * `models.words` adds word-vector features to the classifier. BM25 is the same either way.
   */
  static async build(
    articles: readonly Article[],
    options: IndexOptions,
    progress?: Progress,
    models: IndexModels = {},
  ): Promise<KnowledgeIndex> {
    const { dense } = models;
    const words = models.words && { vectors: models.words, weight: options.wordVectorWeight };
    const { features } = options;
    const retrievable = articles.map((a, owner) => ({ a, owner })).filter(({ a }) => !a.contextOnly);
    const classes = [...new Set(retrievable.map(({ a }) => a.id))];
    const texts = retrievable.flatMap(({ a, owner }) =>
      askable(a).map((text) => ({ text, owner, cls: classes.indexOf(a.id) })),
    );
    progress?.('features', 0, 1);
    const embeddings = new HashedNgramEmbeddings({ dimensions: options.dimensions, tfidfOptions: features });
    embeddings.fit(texts.map((t) => t.text));
    const sparse = texts.map((t) => embeddings.sparse(t.text));
    progress?.('features', 1, 1);

    let classifier: LinearClassifier | undefined;
    if (options.classifier.enabled && classes.length > 1) {
      const ys = Int32Array.from(texts, (t) => t.cls);
      const epochs = options.classifier.epochs;
      const size = embeddings.tfidf.size;
      classifier = LinearClassifier.train(
        sparse.map((x, i) => classifierInput(x, texts[i]?.text ?? '', size, words)),
        ys,
        classes.length,
        size + (words?.vectors.dimensions ?? 0),
        options.classifier,
        (e) => progress?.('classifier', e, epochs || e),
      );
    }

    // A provider's dimensions are known from its first vectors.
    let store = dense
      ? undefined
      : new HnswVectorStore(embeddings, { dimensions: options.dimensions, ...options.hnsw });
    const chunk = dense ? 1000 : 2000;
    for (let i = 0; i < texts.length; i += chunk) {
      const part = texts.slice(i, i + chunk);
      const docs = part.map((t) => new Document({ pageContent: t.text, metadata: { owner: t.owner } }));
      const vectors = dense
        ? await dense.embedDocuments(part.map((t) => t.text))
        : part.map((_, k) =>
            embeddings.project(sparse[i + k] ?? { idx: new Int32Array(), val: new Float32Array() }),
          );
      store ??= new HnswVectorStore(dense ?? embeddings, {
        dimensions: vectors[0]?.length ?? options.dimensions,
        ...options.hnsw,
      });
      await store.addVectors(vectors, docs);
      progress?.('vectors', Math.min(texts.length, i + chunk), texts.length);
    }
    store ??= new HnswVectorStore(dense ?? embeddings, { dimensions: options.dimensions, ...options.hnsw });

    const lexDocs: LexicalDoc[] = texts.map((t, id) => ({
      id,
      owner: t.owner,
      kind: 'question',
      text: t.text,
    }));
    retrievable.forEach(({ a, owner }) =>
      lexDocs.push({ id: lexDocs.length, owner, kind: 'answer', text: a.answer }),
    );
    const lexical = LexicalIndex.build(lexDocs);
    progress?.('lexical', 1, 1);
    return new KnowledgeIndex({ articles, embeddings, classifier, store, lexical, dense, words });
  }

  /**
   * Embeds queries with the index's embedding provider, briefly cached; `signals` needs them
   * first. A no-op for the hashed projection, which is computed in `signals` itself.
   */
  prepareQueries(queries: readonly string[]): Promise<void> {
    return this.queryVectors && this.store.size > 0 ? this.queryVectors.prepare(queries) : Promise.resolve();
  }

  classOf(id: string): number | undefined {
    return this.classIndex.get(id);
  }

  /** Evidence for every article id that has a visible version, unsorted. */
  signals(query: string, visible: (a: Article) => boolean, neighbours = 50): Signals[] {
    const ok = this.articles.map((a) => !a.contextOnly && visible(a));
    const classOk = new Array<boolean>(this.classes.length).fill(false);
    this.articles.forEach((a, i) => {
      const c = this.classIndex.get(a.id);
      if (ok[i] && c !== undefined) classOk[c] = true;
    });
    const out: Signals[] = this.classes.map((id, cls) => ({ cls, id, clf: 0, vec: 0, lex: 0 }));
    const x = this.embeddings.sparse(query);
    if (this.classifier)
      this.classifier
        .probabilities(
          classifierInput(x, query, this.embeddings.tfidf.size, this.words),
          (c) => classOk[c] ?? false,
        )
        .forEach((p, c) => out[c] && (out[c].clf = p));
    const allVisible = ok.every(Boolean);
    const ownerOf = (label: number) => Number(this.store.documentAt(label)?.metadata.owner ?? -1);
    const vector =
      this.queryVectors && this.store.size > 0 ? this.queryVectors.get(query) : this.embeddings.project(x);
    // No vector: the embedding provider failed for this query; classifier and BM25 still answer.
    const hits = vector
      ? this.store.searchLabels(vector, neighbours, allVisible ? undefined : (l) => ok[ownerOf(l)] ?? false)
      : [];
    for (const [label, sim] of hits) {
      const s = out[this.classIndex.get(this.articles[ownerOf(label)]?.id ?? '') ?? -1];
      if (s && sim > s.vec) s.vec = sim;
    }
    for (const [owner, score] of this.lexical.scores(query)) {
      const s = ok[owner] ? out[this.classIndex.get(this.articles[owner]?.id ?? '') ?? -1] : undefined;
      if (s) s.lex = Math.max(s.lex, score);
    }
    return out.filter((s) => classOk[s.cls]);
  }
}

/** The classifier sees the TF-IDF features, then the word-vector block when the index has one. */
function classifierInput(
  x: SparseVec,
  text: string,
  offset: number,
  words: WordFeatures | undefined,
): SparseVec {
  return words ? words.vectors.extend(x, text, offset, words.weight) : x;
}
