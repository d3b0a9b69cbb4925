import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../types.js';
import { loadIndex, saveIndex } from './index-files.js';
import { KnowledgeIndex, type IndexModels, type Progress } from './knowledge-index.js';
import type { IndexOptions } from './options.js';

/** Bump when the on-disk layout or the meaning of a built index changes. */
export const INDEX_FORMAT = 5;
const CURRENT = 'CURRENT';
const MANIFEST = 'manifest.json';

export interface Manifest {
  format: number;
  hash: string;
  createdAt: string;
  articles: number;
  buildMs: number;
  /** The embedding provider of the vectors (`embeddings.json` has the details); absent when hashed. */
  embeddings?: string;
  /** The word vectors the classifier was trained with; absent without. */
  wordVectors?: string;
}

/** How thresholds files and messages name the models of an index. */
export const modelLabels = (m: Manifest): { embeddings: string; wordVectors: string } => ({
  embeddings: m.embeddings ?? 'hashed n-grams',
  wordVectors: m.wordVectors ?? 'none',
});

export interface LoadedIndex {
  index: KnowledgeIndex;
  manifest: Manifest;
  /** False when an index with the same content hash was already on disk. */
  built: boolean;
  dir: string;
}

/**
 * Hash of everything a build depends on: KB content, index options, format version, and the
 * identities of the embedding provider and word vectors (absent when not used).
 */
export function contentHash(
  articles: readonly Article[],
  options: IndexOptions,
  models: IndexModels = {},
): string {
  const h = createHash('sha256');
  const { dense, words } = models;
  h.update(
    JSON.stringify({ format: INDEX_FORMAT, options, embeddings: dense?.identity, words: words?.identity }),
  );
  for (const a of articles) h.update(JSON.stringify({ ...a, source: undefined }));
  return h.digest('hex').slice(0, 20);
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * Loads the index for this KB content from `dataDir`, building it only when no index with the
 * same content hash exists. Builds go to a temporary folder that is renamed into place only after
 * everything is written (manifest last), so a failed or interrupted build never replaces the last
 * good index; `CURRENT` names the last good one for `loadLastGood`.
 */
export async function buildOrLoadIndex(
  articles: readonly Article[],
  options: IndexOptions,
  dataDir: string,
  progress?: Progress,
  models: IndexModels = {},
): Promise<LoadedIndex> {
  const { dense, words } = models;
  const hash = contentHash(articles, options, models);
  const name = `index-${hash}`;
  const dir = path.join(dataDir, name);
  const existing = await readManifest(dir);
  if (existing?.hash === hash && existing.format === INDEX_FORMAT) {
    const index = await loadIndex(dir, models);
    await pointCurrent(dataDir, name);
    return { index, manifest: existing, built: false, dir };
  }
  await mkdir(dataDir, { recursive: true });
  const tmp = path.join(dataDir, `.tmp-${hash}-${process.pid}-${Date.now()}`);
  try {
    const started = performance.now();
    const index = await KnowledgeIndex.build(articles, options, progress, models);
    await saveIndex(index, tmp);
    const manifest: Manifest = {
      format: INDEX_FORMAT,
      hash,
      createdAt: new Date().toISOString(),
      articles: articles.length,
      buildMs: Math.round(performance.now() - started),
      ...(dense ? { embeddings: dense.label } : {}),
      ...(words ? { wordVectors: words.identity } : {}),
    };
    await writeFile(path.join(tmp, MANIFEST), JSON.stringify(manifest, null, 2));
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
    await pointCurrent(dataDir, name);
    await prune(dataDir, name);
    return { index, manifest, built: true, dir };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * The index `CURRENT` names, whatever KB content it was built from (a stale answer beats none).
 * Throws when it was built with other models than `models`.
 */
export async function loadLastGood(
  dataDir: string,
  models: IndexModels = {},
): Promise<LoadedIndex | undefined> {
  const name = (await readFile(path.join(dataDir, CURRENT), 'utf8').catch(() => '')).trim();
  if (!name) return undefined;
  const dir = path.join(dataDir, name);
  const manifest = await readManifest(dir);
  if (!manifest) return undefined;
  return { index: await loadIndex(dir, models), manifest, built: false, dir };
}

async function pointCurrent(dataDir: string, name: string): Promise<void> {
  const tmp = path.join(dataDir, `${CURRENT}.${process.pid}.tmp`);
  await writeFile(tmp, name);
  await rename(tmp, path.join(dataDir, CURRENT)); // atomic on POSIX: readers see old or new
}

/** Keeps the new index and the two most recent others, so a rollback stays cheap. */
async function prune(dataDir: string, keep: string): Promise<void> {
  const entries = await readdir(dataDir, { withFileTypes: true });
  const others: { name: string; createdAt: string }[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || !e.name.startsWith('index-') || e.name === keep) continue;
    others.push({
      name: e.name,
      createdAt: (await readManifest(path.join(dataDir, e.name)))?.createdAt ?? '',
    });
  }
  others.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const old of others.slice(2)) await rm(path.join(dataDir, old.name), { recursive: true, force: true });
}
