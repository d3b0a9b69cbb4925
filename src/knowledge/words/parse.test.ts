import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/knowledge-kb.js';
import { topicVectors, writeTextVectors } from '../../../test/helpers/word-vectors.js';
import { parseTextVectors, parseWinkVectors } from './parse.js';

describe('parseTextVectors', () => {
  it.each([true, false])('reads the word2vec text format (header line: %s)', async (header) => {
    const file = await writeTextVectors(await tempDir(), header);
    const parsed = await parseTextVectors(file);
    const expected = topicVectors();
    expect(parsed.dimensions).toBe(4);
    expect(parsed.words).toEqual(expected.words);
    expect(Array.from(parsed.vectors)).toEqual(Array.from(expected.vectors));
  });

  it('normalises words as queries are (case, accents)', async () => {
    const file = path.join(await tempDir(), 'v.txt');
    await writeFile(file, 'Café 1 0\nthe 0 1\n');
    expect((await parseTextVectors(file)).words).toEqual(['cafe', 'the']);
  });

  it('names the file and line of a row with the wrong number of values', async () => {
    const file = path.join(await tempDir(), 'v.txt');
    await writeFile(file, 'car 1 0 0\nauto 1 0\n');
    await expect(parseTextVectors(file)).rejects.toThrow(`${file}:2: expected 3 numbers, found 2`);
  });

  it('rejects values that are not numbers, and an empty file', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'nan.txt'), 'car 1 x\n');
    await expect(parseTextVectors(path.join(dir, 'nan.txt'))).rejects.toThrow('nan.txt:1: not a number');
    await writeFile(path.join(dir, 'empty.txt'), '\n');
    await expect(parseTextVectors(path.join(dir, 'empty.txt'))).rejects.toThrow('no word vectors found');
  });
});

describe('parseWinkVectors', () => {
  it("reads wink-nlp's JSON format, dropping the norm and rank that follow each vector", async () => {
    const file = path.join(await tempDir(), 'w.json');
    const json = {
      dimensions: 2,
      words: ['car', 'Auto'],
      vectors: { car: [1, 0, 1, 0], Auto: [0.6, 0.8, 1, 1] },
    };
    await writeFile(file, JSON.stringify(json));
    const parsed = await parseWinkVectors(file);
    expect(parsed.words).toEqual(['car', 'auto']);
    expect(Array.from(parsed.vectors)).toEqual([1, 0, Math.fround(0.6), Math.fround(0.8)]);
  });

  it('says what is missing from a file of another shape', async () => {
    const file = path.join(await tempDir(), 'w.json');
    await writeFile(file, JSON.stringify({ dimensions: 2, words: ['car'], vectors: {} }));
    await expect(parseWinkVectors(file)).rejects.toThrow(
      `${file}: not a wink word-vector file (no vector for word 1)`,
    );
    await writeFile(file, JSON.stringify({ words: [] }));
    await expect(parseWinkVectors(file)).rejects.toThrow('no words or vectors');
  });
});
