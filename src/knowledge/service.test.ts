import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { SMALL_KB, tempDir, writeMarkdownKb } from '../../test/helpers/knowledge-kb.js';
import { createKnowledgeService } from './service.js';

const logger = pino({ level: 'silent' });

async function setup() {
  const root = await tempDir();
  const kbPath = path.join(root, 'kb');
  await writeMarkdownKb(kbPath, SMALL_KB);
  return {
    kbPath,
    dataDir: path.join(root, 'data', 'kb'),
    thresholdsFile: path.join(root, 'thresholds.json'),
  };
}

describe('createKnowledgeService', () => {
  it('answers, serves articles by language and audience, and reloads only on change', async () => {
    const opts = await setup();
    const kb = await createKnowledgeService(opts, logger);
    const d = await kb.decide('forgot my password', { lang: 'fil', audience: 'external' });
    expect(d).toMatchObject({
      kind: 'answer',
      article: { id: 'password-reset', lang: 'fil' },
      fallbackLanguage: false,
    });
    expect(kb.getArticle('vpn-setup', 'en', 'external')).toBeUndefined();
    const before = kb.status();
    expect(before).toMatchObject({ articles: SMALL_KB.length, stale: false, issues: 0 });
    expect((await kb.reload()).hash).toBe(before.hash);
    await writeFile(
      path.join(opts.kbPath, 'en', 'gift-cards.md'),
      '---\nid: gift-cards\nlang: en\ntitle: Gift cards\naudience: all\nquestions: [buy a gift card, gift voucher balance]\n---\nGift cards are sold in store.\n',
    );
    const after = await kb.reload();
    expect(after.hash).not.toBe(before.hash);
    expect((await kb.decide('gift voucher balance', { lang: 'en', audience: 'external' })).article?.id).toBe(
      'gift-cards',
    );
  });

  it('keeps serving the previous index when a reload fails, and reports issues', async () => {
    const opts = await setup();
    const kb = await createKnowledgeService(opts, logger);
    await rm(opts.kbPath, { recursive: true });
    const status = await kb.reload();
    expect(status.stale).toBe(true);
    expect((await kb.decide('forgot my password', { lang: 'en', audience: 'external' })).article?.id).toBe(
      'password-reset',
    );
  });

  it('starts from the last good index when the KB cannot be built', async () => {
    const opts = await setup();
    await createKnowledgeService(opts, logger);
    await rm(opts.kbPath, { recursive: true });
    const kb = await createKnowledgeService(opts, logger);
    expect(kb.status().stale).toBe(true);
    expect((await kb.decide('store closing time', { lang: 'en', audience: 'external' })).article?.id).toBe(
      'store-hours',
    );
  });

  it('fails to start with neither a KB nor an earlier index, naming both', async () => {
    const opts = await setup();
    await rm(opts.kbPath, { recursive: true });
    await expect(createKnowledgeService(opts, logger)).rejects.toThrow(
      /cannot build .*kb and no earlier index/,
    );
  });

  it('loads thresholds written by kb calibrate', async () => {
    const opts = await setup();
    await writeFile(opts.thresholdsFile, JSON.stringify({ createdAt: 'x', options: { answer: 0.9999 } }));
    const kb = await createKnowledgeService(opts, logger);
    expect((await kb.decide('forgot my password', { lang: 'en', audience: 'external' })).kind).not.toBe(
      'answer',
    );
    await writeFile(opts.thresholdsFile, JSON.stringify({ options: { answer: 'high' } }));
    await expect(createKnowledgeService(opts, logger)).rejects.toThrow(/thresholds/);
  });
});
