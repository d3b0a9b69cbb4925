import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SMALL_KB, tempDir } from '../../../test/helpers/knowledge-kb.js';
import { buildOrLoadIndex, contentHash, loadLastGood } from './index-store.js';
import { HnswVectorStore } from './hnsw-store.js';
import { KnowledgeIndex } from './knowledge-index.js';
import { parseIndexOptions } from './options.js';

const options = parseIndexOptions();

afterEach(() => vi.restoreAllMocks());

describe('buildOrLoadIndex', () => {
  it('builds once, then loads the same content from disk without rebuilding', async () => {
    const dir = await tempDir();
    const first = await buildOrLoadIndex(SMALL_KB, options, dir);
    expect(first.built).toBe(true);
    const build = vi.spyOn(KnowledgeIndex, 'build');
    const second = await buildOrLoadIndex(SMALL_KB, options, dir);
    expect(second.built).toBe(false);
    expect(build).not.toHaveBeenCalled();
    expect(second.manifest.hash).toBe(first.manifest.hash);
    // The loaded index answers like the built one.
    const q = (i: KnowledgeIndex) =>
      i.signals('forgot my password', () => true).sort((a, b) => b.clf - a.clf)[0]?.id;
    expect(q(second.index)).toBe('password-reset');
    expect(q(second.index)).toBe(q(first.index));
  });

  it('rebuilds when the content changes, and the hash ignores where articles came from', async () => {
    const changed = SMALL_KB.map((a, i) =>
      i === 0 ? { ...a, questions: [...a.questions, 'password expired'] } : a,
    );
    expect(contentHash(changed, options)).not.toBe(contentHash(SMALL_KB, options));
    expect(
      contentHash(
        SMALL_KB.map((a) => ({ ...a, source: 'elsewhere.md' })),
        options,
      ),
    ).toBe(contentHash(SMALL_KB, options));
    expect(contentHash(SMALL_KB, parseIndexOptions({ dimensions: 256 }))).not.toBe(
      contentHash(SMALL_KB, options),
    );
    const dir = await tempDir();
    await buildOrLoadIndex(SMALL_KB, options, dir);
    expect((await buildOrLoadIndex(changed, options, dir)).built).toBe(true);
  });

  it('keeps the last good index when a build fails', async () => {
    const dir = await tempDir();
    const good = await buildOrLoadIndex(SMALL_KB, options, dir);
    vi.spyOn(HnswVectorStore.prototype, 'save').mockRejectedValueOnce(new Error('disk full'));
    const changed = SMALL_KB.slice(1);
    await expect(buildOrLoadIndex(changed, options, dir)).rejects.toThrow('disk full');
    expect((await readFile(path.join(dir, 'CURRENT'), 'utf8')).trim()).toBe(path.basename(good.dir));
    const last = await loadLastGood(dir);
    expect(last?.manifest.hash).toBe(good.manifest.hash);
    expect(last?.index.classes).toContain('password-reset');
  });

  it('has no last good index in an empty folder', async () => {
    expect(await loadLastGood(await tempDir())).toBeUndefined();
  });
});
