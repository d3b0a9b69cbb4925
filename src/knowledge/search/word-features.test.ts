import { describe, expect, it } from 'vitest';
import { SMALL_KB, tempDir } from '../../../test/helpers/knowledge-kb.js';
import { topicWordVectors } from '../../../test/helpers/word-vectors.js';
import { WordVectors } from '../words/index.js';
import { buildOrLoadIndex, contentHash, loadLastGood } from './index-store.js';
import { KnowledgeIndex } from './knowledge-index.js';
import { parseIndexOptions } from './options.js';

const options = parseIndexOptions();
const words = topicWordVectors();

/** The classifier's probability for `id`, and whether it ranks first. */
function clf(index: KnowledgeIndex, query: string, id: string): { p: number; top: boolean } {
  const ranked = index.signals(query, () => true).sort((a, b) => b.clf - a.clf);
  return { p: ranked.find((s) => s.id === id)?.clf ?? 0, top: ranked[0]?.id === id };
}

describe('word-vector features in the classifier', () => {
  it('recognise a topic from words the KB never uses', async () => {
    const plain = await KnowledgeIndex.build(SMALL_KB, options);
    const withWords = await KnowledgeIndex.build(SMALL_KB, options, undefined, { words });
    for (const [query, id] of [
      ['any news on my reimbursement', 'refund-status'],
      ['the courier has not come', 'delivery-time'],
    ] as const) {
      const a = clf(plain, query, id);
      const b = clf(withWords, query, id);
      expect(b.top, query).toBe(true);
      expect(b.p, query).toBeGreaterThan(a.p);
    }
  });

  it('are saved with the index, and an index is refused with other word vectors', async () => {
    const dir = await tempDir();
    const built = await buildOrLoadIndex(SMALL_KB, options, dir, undefined, { words });
    expect(built.manifest.wordVectors).toBe('topics:test');
    const again = await buildOrLoadIndex(SMALL_KB, options, dir, undefined, { words });
    expect(again.built).toBe(false);
    expect(clf(again.index, 'reimbursement', 'refund-status')).toEqual(
      clf(built.index, 'reimbursement', 'refund-status'),
    );
    await expect(loadLastGood(dir)).rejects.toThrow(
      /built with word vectors topics:test, not none; rebuild it/,
    );
    const other = new WordVectors('other:test', ['car'], new Float32Array(4), 4);
    await expect(loadLastGood(dir, { words: other })).rejects.toThrow(/not word vectors other:test/);
  });

  it('change the content hash, as does their weight', () => {
    const plain = contentHash(SMALL_KB, options);
    const withWords = contentHash(SMALL_KB, options, { words });
    expect(withWords).not.toBe(plain);
    expect(contentHash(SMALL_KB, parseIndexOptions({ wordVectorWeight: 2 }), { words })).not.toBe(withWords);
  });
});
