import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../test/helpers/knowledge-kb.js';
import { writeTextVectors } from '../../../test/helpers/word-vectors.js';
import * as parse from './parse.js';
import { loadWordVectors, resolveWordVectors } from './load.js';

describe('loadWordVectors', () => {
  it('parses the file once, then reads the binary copy it kept', async () => {
    const dir = await tempDir();
    const file = await writeTextVectors(dir, true);
    const cache = path.join(dir, 'cache');
    const first = await loadWordVectors(file, cache);
    expect(first.size).toBe(17);
    expect((await readdir(cache)).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/\.bin$/), expect.stringMatching(/\.words$/)]),
    );
    const spy = vi.spyOn(parse, 'parseTextVectors');
    const second = await loadWordVectors(file, cache);
    expect(spy).not.toHaveBeenCalled();
    expect(second.identity).toBe(first.identity);
    expect(Array.from(second.embed('courier'))).toEqual(Array.from(first.embed('courier')));
    spy.mockRestore();
  });

  it('identifies a changed file as other vectors (the index hash depends on it)', async () => {
    const dir = await tempDir();
    const file = await writeTextVectors(dir, false);
    const before = await loadWordVectors(file, dir);
    await writeFile(file, 'car 1 0\n');
    const after = await loadWordVectors(file, dir);
    expect(after.identity).not.toBe(before.identity);
    expect(after.size).toBe(1);
  });

  it('explains a source that is neither a file nor an installed package', () => {
    expect(() => resolveWordVectors('no-such-vectors-package')).toThrow(
      'word vectors: "no-such-vectors-package" is neither a file nor an installed package (npm install no-such-vectors-package)',
    );
  });
});
