import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../../config/index.js';
import { openKnowledge, type OpenedKnowledge } from '../open.js';
import type { DenseEmbeddings } from '../search/dense.js';
import { AUDIENCES, LANGS, type Audience, type Lang } from '../types.js';
import { stageProgress } from './progress.js';
import { loadWordVectors, type WordVectors } from '../words/index.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Options every command understands. */
export const COMMON = {
  kb: { type: 'string', default: './knowledge-base' },
  data: { type: 'string', default: './data' },
  lang: { type: 'string', default: 'en' },
  audience: { type: 'string', default: 'external' },
  thresholds: { type: 'string' },
  'word-vectors': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function langOf(value: string): Lang {
  if (!(LANGS as readonly string[]).includes(value))
    throw new UsageError(`--lang must be one of ${LANGS.join(', ')}`);
  return value as Lang;
}

export function audienceOf(value: string): Audience {
  if (!(AUDIENCES as readonly string[]).includes(value))
    throw new UsageError(`--audience must be one of ${AUDIENCES.join(', ')}`);
  return value as Audience;
}

/** Where the service keeps its index (`<data>/kb`), and where evaluation KBs go so they never displace it. */
export const indexDir = (data: string, purpose: 'service' | 'eval'): string =>
  path.join(data, purpose === 'service' ? 'kb' : 'kb-eval');

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

/**
 * The embedding provider the configuration selects (EMBEDDINGS_PROVIDER in the environment or
 * `.env`), as the service uses it; undefined for the offline hashed default.
 */
export async function configuredEmbeddings(): Promise<DenseEmbeddings | undefined> {
  const { embeddings } = loadConfig();
  if (!embeddings) return undefined;
  // Imported only when configured: the provider SDKs take a while to load.
  const { createEmbeddingProvider } = await import('../providers/index.js');
  return createEmbeddingProvider(embeddings);
}

/** Word vectors from `--word-vectors`, else KB_WORD_VECTORS; undefined when neither is set. */
async function wordVectorsFor(flag: string | undefined, data: string): Promise<WordVectors | undefined> {
  const source = flag ?? loadConfig().knowledge.wordVectors;
  return source ? loadWordVectors(source, path.join(data, 'word-vectors')) : undefined;
}

/** Opens the KB as every command does: the configured models, progress bars while it builds. */
export async function openForCommand(o: {
  kb: string;
  data: string;
  purpose: 'service' | 'eval';
  thresholdsFile?: string | undefined;
  wordVectors?: string | undefined;
}): Promise<OpenedKnowledge & { embeddings: DenseEmbeddings | undefined }> {
  const embeddings = await configuredEmbeddings();
  const wordVectors = await wordVectorsFor(o.wordVectors, o.data);
  const bars = stageProgress();
  const opened = await openKnowledge({
    kbPath: o.kb,
    dataDir: indexDir(o.data, o.purpose),
    thresholdsFile: o.thresholdsFile,
    embeddings,
    wordVectors,
    progress: bars.progress,
  }).finally(bars.stop);
  for (const warning of opened.warnings) console.warn(`warning: ${warning}`);
  return { ...opened, embeddings };
}
