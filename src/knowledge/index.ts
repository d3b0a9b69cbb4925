/** Public surface of the knowledge module: what the bot, the CLIs and the benches use. */
export { loadKnowledge, type LoadedKnowledge } from './ingest/index.js';
export {
  createKnowledgeService,
  type KnowledgeService,
  type KnowledgeServiceOptions,
  type KnowledgeStatus,
} from './service.js';
export { openKnowledge, type OpenKnowledgeOptions, type OpenedKnowledge } from './open.js';
export {
  Answerer,
  visibleTo,
  type Candidate,
  type Decision,
  type DecideContext,
  type Ranked,
} from './answer/answerer.js';
export {
  answerOptionsSchema,
  readThresholdsFile,
  resolveAnswerOptions,
  type AnswerOptions,
  type AnswerOptionsInput,
} from './answer/options.js';
export { calibrate, type CalibrationResult, type CalibrationRow } from './answer/calibrate.js';
export { HashedNgramEmbeddings, type HashedNgramEmbeddingsParams } from './search/embeddings.js';
export { HnswVectorStore, type HnswStoreArgs } from './search/hnsw-store.js';
export { KnowledgeRetriever, type KnowledgeRetrieverInput } from './search/retriever.js';
export { KnowledgeIndex, type IndexModels, type Signals, type Progress } from './search/knowledge-index.js';
export { buildOrLoadIndex, loadLastGood, contentHash } from './search/index-store.js';
export type { DenseEmbeddings } from './search/dense.js';
export { loadIndex, saveIndex } from './search/index-files.js';
export {
  indexOptionsSchema,
  parseIndexOptions,
  type IndexOptions,
  type IndexOptionsInput,
} from './search/options.js';
export { normalizeText } from './text/normalize.js';
export { WordVectors, loadWordVectors } from './words/index.js';
export { summarize, type Prediction, type Summary } from './eval/metrics.js';
export {
  AUDIENCES,
  LANGS,
  formatIssue,
  type Article,
  type Audience,
  type IngestIssue,
  type Lang,
} from './types.js';
