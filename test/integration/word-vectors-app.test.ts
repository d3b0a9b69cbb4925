import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp } from '../helpers/app.js';
import { SMALL_KB, tempDir, writeMarkdownKb } from '../helpers/knowledge-kb.js';
import { writeTextVectors } from '../helpers/word-vectors.js';

describe('KB_WORD_VECTORS in the running app', () => {
  it('builds the index with the configured word vectors', async () => {
    const dir = await tempDir('tulay-wv-app-');
    await writeMarkdownKb(path.join(dir, 'kb'), SMALL_KB);
    const vectors = await writeTextVectors(dir, true);
    const t = await startApp({ KB_PATH: path.join(dir, 'kb'), KB_WORD_VECTORS: vectors });
    try {
      const kbDir = path.join(t.dataDir, 'kb');
      const current = (await readFile(path.join(kbDir, 'CURRENT'), 'utf8')).trim();
      const manifest = JSON.parse(await readFile(path.join(kbDir, current, 'manifest.json'), 'utf8')) as {
        wordVectors?: string;
      };
      expect(manifest.wordVectors).toMatch(/^vectors\.vec:\d+:[0-9a-f]{12}$/);
      expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('refuses to start with word vectors that cannot be found, and says what to do', async () => {
    const dir = await tempDir('tulay-wv-app-');
    await writeMarkdownKb(path.join(dir, 'kb'), SMALL_KB);
    await expect(
      startApp({ KB_PATH: path.join(dir, 'kb'), KB_WORD_VECTORS: 'no-such-vectors-package' }),
    ).rejects.toThrow(/word vectors: "no-such-vectors-package" is neither a file nor an installed package/);
  });
});
