import { Answerer } from './answer/answerer.js';
import {
  readThresholdsFile,
  resolveAnswerOptions,
  thresholdsMismatch,
  type AnswerOptionsInput,
} from './answer/options.js';
import { loadKnowledge } from './ingest/index.js';
import type { DenseEmbeddings } from './search/dense.js';
import { buildOrLoadIndex, modelLabels, type LoadedIndex } from './search/index-store.js';
import type { Progress } from './search/knowledge-index.js';
import { parseIndexOptions, type IndexOptionsInput } from './search/options.js';
import type { Article, IngestIssue } from './types.js';
import type { WordVectors } from './words/index.js';

export interface OpenKnowledgeOptions {
  kbPath: string;
  /** Folder that holds built indexes (e.g. ./data/kb); created when missing. */
  dataDir: string;
  /** A `kb calibrate` output; read when it exists. */
  thresholdsFile?: string;
  /** Overrides the defaults and the thresholds file. */
  answer?: AnswerOptionsInput;
  index?: IndexOptionsInput;
  /**
   * Embedding provider for the vector search (e.g. from createEmbeddingProvider); the offline
   * hashed n-gram embeddings when absent. Part of the index hash: switching rebuilds.
   */
  embeddings?: DenseEmbeddings | undefined;
  /** Pre-trained word vectors for the classifier (loadWordVectors); part of the index hash. */
  wordVectors?: WordVectors | undefined;
  progress?: Progress;
}

export interface OpenedKnowledge {
  answerer: Answerer;
  loaded: LoadedIndex;
  articles: Article[];
  issues: IngestIssue[];
  /** Problems that do not stop the KB from answering, e.g. thresholds calibrated on other models. */
  warnings: string[];
}

/** Ingest, then build or load the index, then set up the answerer: what the service and CLIs share. */
export async function openKnowledge(options: OpenKnowledgeOptions): Promise<OpenedKnowledge> {
  const { articles, issues } = await loadKnowledge(options.kbPath);
  if (articles.length === 0) throw new Error(`knowledge: no articles could be read from ${options.kbPath}`);
  const indexOptions = parseIndexOptions(options.index);
  const loaded = await buildOrLoadIndex(articles, indexOptions, options.dataDir, options.progress, {
    dense: options.embeddings,
    words: options.wordVectors,
  });
  return { ...(await answererFor(loaded, options)), loaded, articles, issues };
}

/** The answerer for a loaded index: defaults, then the thresholds file, then `options.answer`. */
export async function answererFor(
  loaded: LoadedIndex,
  options: Pick<OpenKnowledgeOptions, 'thresholdsFile' | 'answer'>,
): Promise<{ answerer: Answerer; warnings: string[] }> {
  const { thresholdsFile } = options;
  const file = thresholdsFile ? await readThresholdsFile(thresholdsFile) : undefined;
  const answerer = new Answerer(loaded.index, resolveAnswerOptions(file?.options, options.answer));
  const mismatch = file && thresholdsMismatch(thresholdsFile ?? '', file, modelLabels(loaded.manifest));
  return { answerer, warnings: mismatch ? [mismatch] : [] };
}
