import { describe, expect, it } from 'vitest';
import type { StorageBundle } from '../../src/storage/index.js';

/**
 * One contract for every StorageBundle implementation. `open` returns a fresh, empty bundle.
 * The state part follows botbuilder's own Storage contract (MemoryStorage semantics).
 */
export function storageContract(name: string, open: () => Promise<StorageBundle>, skip = false): void {
  describe.skipIf(skip)(`storage contract: ${name}`, () => {
    const withBundle = (fn: (b: StorageBundle) => Promise<void>) => async () => {
      const b = await open();
      try {
        await fn(b);
      } finally {
        await b.close();
      }
    };

    it(
      'reads back what it wrote, with an eTag, and nothing for unknown keys',
      withBundle(async (b) => {
        await b.state.write({ a: { count: 1, nested: { x: 'ü' } } });
        const items = await b.state.read(['a', 'missing']);
        expect(items.a).toMatchObject({ count: 1, nested: { x: 'ü' } });
        expect(typeof items.a?.eTag).toBe('string');
        expect(items.missing).toBeUndefined();
      }),
    );

    it(
      'changes the eTag on every write and accepts the current eTag',
      withBundle(async (b) => {
        await b.state.write({ k: { v: 1 } });
        const first = (await b.state.read(['k'])).k as { eTag: string; v: number };
        await b.state.write({ k: { ...first, v: 2 } });
        const second = (await b.state.read(['k'])).k as { eTag: string; v: number };
        expect(second.v).toBe(2);
        expect(second.eTag).not.toBe(first.eTag);
      }),
    );

    it(
      'rejects a write with a stale eTag and keeps the newer data',
      withBundle(async (b) => {
        await b.state.write({ k: { v: 1 } });
        const stale = (await b.state.read(['k'])).k as { eTag: string };
        await b.state.write({ k: { ...stale, v: 2 } });
        await expect(b.state.write({ k: { ...stale, v: 3 } })).rejects.toThrow(/eTag conflict/);
        expect((await b.state.read(['k'])).k).toMatchObject({ v: 2 });
      }),
    );

    it(
      'lets exactly one of two concurrent writers with the same eTag win',
      withBundle(async (b) => {
        await b.state.write({ k: { v: 0 } });
        const base = (await b.state.read(['k'])).k as { eTag: string };
        const results = await Promise.allSettled([
          b.state.write({ k: { ...base, v: 'A' } }),
          b.state.write({ k: { ...base, v: 'B' } }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
      }),
    );

    it(
      "treats eTag '*' and a missing eTag as unconditional",
      withBundle(async (b) => {
        await b.state.write({ k: { v: 1 } });
        await b.state.write({ k: { v: 2, eTag: '*' } });
        await b.state.write({ k: { v: 3 } });
        expect((await b.state.read(['k'])).k).toMatchObject({ v: 3 });
      }),
    );

    it(
      'deletes keys',
      withBundle(async (b) => {
        await b.state.write({ a: { v: 1 }, b: { v: 2 } });
        await b.state.delete(['a']);
        const items = await b.state.read(['a', 'b']);
        expect(items.a).toBeUndefined();
        expect(items.b).toMatchObject({ v: 2 });
      }),
    );

    it(
      'appends transcript entries in order per conversation and pages after an id',
      withBundle(async (b) => {
        const e1 = await b.transcripts.append('c1', 'in', { type: 'message', text: 'hello' });
        await b.transcripts.append('c2', 'in', { type: 'message', text: 'other' });
        const e2 = await b.transcripts.append('c1', 'out', {
          type: 'message',
          attachments: [
            { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } },
          ],
        });
        expect(e2.id).toBeGreaterThan(e1.id);
        const all = await b.transcripts.list('c1');
        expect(all.map((e) => e.direction)).toEqual(['in', 'out']);
        expect(all[1]?.activity.attachments?.[0]?.contentType).toBe(
          'application/vnd.microsoft.card.adaptive',
        );
        expect(all[0]?.createdAt).toBeInstanceOf(Date);
        expect(await b.transcripts.list('c1', { afterId: e1.id })).toHaveLength(1);
      }),
    );

    it(
      'stores feedback and filters it by kind and period',
      withBundle(async (b) => {
        await b.feedback.add({
          kind: 'answer',
          conversationId: 'c',
          query: 'refund?',
          articleId: 'r',
          helpful: false,
        });
        await b.feedback.add({
          kind: 'unanswered',
          conversationId: 'c',
          query: 'do you sell drones',
          lang: 'en',
        });
        await b.feedback.add({ kind: 'csat', conversationId: 'c', rating: 5, comment: 'great' });
        expect(await b.feedback.list()).toHaveLength(3);
        const answers = await b.feedback.list({ kind: 'answer' });
        expect(answers).toHaveLength(1);
        expect(answers[0]).toMatchObject({ helpful: false, articleId: 'r' });
        expect(await b.feedback.list({ since: new Date(Date.now() + 60_000) })).toHaveLength(0);
        expect((await b.feedback.list({ limit: 2 })).map((r) => r.kind)).toEqual(['answer', 'unanswered']);
        expect((await b.feedback.list({ limit: 2, order: 'newest' })).map((r) => r.kind)).toEqual([
          'csat',
          'unanswered',
        ]);
      }),
    );

    it(
      'answers ping while open',
      withBundle(async (b) => {
        await expect(b.ping()).resolves.toBeUndefined();
      }),
    );
  });
}
