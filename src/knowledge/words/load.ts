import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readFloat32, writeTyped } from '../search/binary.js';
import { parseTextVectors, parseWinkVectors, type ParsedVectors } from './parse.js';
import { WordVectors } from './word-vectors.js';

/** A file path, or the name of an installed npm package that ships vectors (its main file). */
export function resolveWordVectors(source: string): string {
  const file = path.resolve(source);
  if (existsSync(file)) return file;
  try {
    return createRequire(import.meta.url).resolve(source);
  } catch {
    throw new Error(
      `word vectors: "${source}" is neither a file nor an installed package (npm install ${source})`,
    );
  }
}

/** Name, size and a digest of the first megabyte: cheap, and stable across reinstalls. */
async function identify(file: string): Promise<string> {
  const { size } = await stat(file);
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 1 << 20));
    await handle.read(head, 0, head.length, 0);
    const digest = createHash('sha256').update(head).digest('hex').slice(0, 12);
    return `${path.basename(file)}:${size}:${digest}`;
  } finally {
    await handle.close();
  }
}

const parse = (file: string): Promise<ParsedVectors> =>
  file.endsWith('.json') ? parseWinkVectors(file) : parseTextVectors(file);

/**
 * Loads word vectors from `source` (see resolveWordVectors). The first load parses the file and
 * keeps a binary copy in `cacheDir`, so later starts read raw floats instead of hundreds of MB of text.
 */
export async function loadWordVectors(source: string, cacheDir: string): Promise<WordVectors> {
  const file = resolveWordVectors(source);
  const identity = await identify(file);
  const key = createHash('sha256').update(identity).digest('hex').slice(0, 16);
  const base = path.join(cacheDir, `word-vectors-${key}`);
  const cached = await readFile(`${base}.json`, 'utf8').catch(() => undefined);
  if (cached !== undefined) {
    const { dimensions } = JSON.parse(cached) as { dimensions: number };
    const words = (await readFile(`${base}.words`, 'utf8')).split('\n');
    return new WordVectors(identity, words, await readFloat32(`${base}.bin`), dimensions);
  }
  const parsed = await parse(file);
  await mkdir(cacheDir, { recursive: true });
  const tmp = `${base}.${process.pid}.tmp`;
  await writeTyped(`${tmp}.bin`, parsed.vectors);
  await writeFile(`${tmp}.words`, parsed.words.join('\n'));
  await rename(`${tmp}.bin`, `${base}.bin`);
  await rename(`${tmp}.words`, `${base}.words`);
  // Written last: its presence means the other two are complete.
  await writeFile(`${base}.json`, JSON.stringify({ identity, dimensions: parsed.dimensions, source: file }));
  return new WordVectors(identity, parsed.words, parsed.vectors, parsed.dimensions);
}
