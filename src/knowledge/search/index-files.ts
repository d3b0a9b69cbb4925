import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../types.js';
import { Tfidf, type TfidfOptions } from '../text/tfidf.js';
import { readFloat32, readInt32, writeTyped } from './binary.js';
import { LinearClassifier } from './classifier.js';
import { sameIdentity, type DenseEmbeddings, type DenseManifest } from './dense.js';
import { HashedNgramEmbeddings } from './embeddings.js';
import { HnswVectorStore } from './hnsw-store.js';
import { KnowledgeIndex, type IndexModels, type WordFeatures } from './knowledge-index.js';
import { LexicalIndex } from './lexical.js';

/** Large numeric arrays go to raw binary files, everything else to JSON, all in one folder. */
export async function saveIndex(index: KnowledgeIndex, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { tfidf, dimensions } = index.embeddings;
  await writeFile(path.join(dir, 'articles.json'), JSON.stringify(index.articles));
  await writeFile(path.join(dir, 'tfidf.json'), JSON.stringify({ options: tfidf.state.options, dimensions }));
  await writeTyped(path.join(dir, 'tfidf-vocab.bin'), tfidf.state.vocab);
  await writeTyped(path.join(dir, 'tfidf-idf.bin'), tfidf.state.idf);
  if (index.classifier) {
    await writeTyped(path.join(dir, 'classifier-weights.bin'), index.classifier.state.weights);
    await writeTyped(path.join(dir, 'classifier-bias.bin'), index.classifier.state.bias);
  }
  await index.store.save(dir);
  await writeFile(path.join(dir, 'lexical.json'), JSON.stringify(index.lexical.toJSON()));
  if (index.words) {
    const { vectors, weight } = index.words;
    const words: WordsManifest = { identity: vectors.identity, dimensions: vectors.dimensions, weight };
    await writeFile(path.join(dir, WORDS_FILE), JSON.stringify(words, null, 2));
  }
  if (index.dense) {
    const { label, identity } = index.dense;
    const dense: DenseManifest = { label, identity, dimensions: index.store.args.dimensions };
    await writeFile(path.join(dir, DENSE_FILE), JSON.stringify(dense, null, 2));
  }
}

/** Written only when the vectors come from an embedding provider. */
const DENSE_FILE = 'embeddings.json';
/** Written only when the classifier was trained with word vectors. */
const WORDS_FILE = 'word-vectors.json';

interface WordsManifest {
  identity: string;
  dimensions: number;
  weight: number;
}

async function readOptionalJson<T>(file: string): Promise<T | undefined> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

/** The embedding provider an index in `dir` was built with; undefined for the hashed default. */
export const readDenseManifest = (dir: string): Promise<DenseManifest | undefined> =>
  readOptionalJson<DenseManifest>(path.join(dir, DENSE_FILE));

/** The classifier's input layout depends on the word vectors: another set cannot be swapped in. */
function checkWords(
  dir: string,
  built: WordsManifest | undefined,
  models: IndexModels,
): WordFeatures | undefined {
  const { words } = models;
  if (!built && !words) return undefined;
  if (built && words?.identity === built.identity) return { vectors: words, weight: built.weight };
  const was = built ? `word vectors ${built.identity}` : 'no word vectors';
  const now = words ? `word vectors ${words.identity}` : 'none';
  throw new Error(`knowledge: the index in ${dir} was built with ${was}, not ${now}; rebuild it`);
}

/** Vectors of one model cannot be searched with another's: refuse rather than answer badly. */
function checkDense(dir: string, built: DenseManifest | undefined, dense: DenseEmbeddings | undefined): void {
  if (!built && !dense) return;
  if (built && dense && sameIdentity(built.identity, dense.identity)) return;
  const was = built ? built.label : 'the hashed n-gram embeddings';
  const now = dense ? dense.label : 'the hashed n-gram embeddings';
  throw new Error(`knowledge: the index in ${dir} was built with ${was}, not ${now}; rebuild it`);
}

/** `models` must be the ones the index was built with (none for the offline default). */
export async function loadIndex(dir: string, models: IndexModels = {}): Promise<KnowledgeIndex> {
  const { dense } = models;
  checkDense(dir, await readDenseManifest(dir), dense);
  const words = checkWords(dir, await readOptionalJson<WordsManifest>(path.join(dir, WORDS_FILE)), models);
  const json = async <T>(name: string) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as T;
  const articles = await json<Article[]>('articles.json');
  const meta = await json<{ options: TfidfOptions; dimensions: number }>('tfidf.json');
  const tfidf = new Tfidf({
    options: meta.options,
    vocab: await readInt32(path.join(dir, 'tfidf-vocab.bin')),
    idf: await readFloat32(path.join(dir, 'tfidf-idf.bin')),
  });
  const embeddings = new HashedNgramEmbeddings({ dimensions: meta.dimensions, tfidf });
  let classifier: LinearClassifier | undefined;
  // A KB with a single topic has no classifier, hence no weight files.
  const bias = await readFloat32(path.join(dir, 'classifier-bias.bin')).catch(() => undefined);
  if (bias) {
    const weights = await readFloat32(path.join(dir, 'classifier-weights.bin'));
    const features = tfidf.size + (words?.vectors.dimensions ?? 0);
    classifier = new LinearClassifier({ classes: bias.length, features, weights, bias });
  }
  const store = await HnswVectorStore.load(dir, dense ?? embeddings);
  const lexical = LexicalIndex.load(await readFile(path.join(dir, 'lexical.json'), 'utf8'));
  return new KnowledgeIndex({ articles, embeddings, classifier, store, lexical, dense, words });
}
