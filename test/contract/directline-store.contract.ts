import { describe, expect, it } from 'vitest';
import type { StorageBundle } from '../../src/storage/index.js';

/** One contract for every DirectLineStore implementation. `open` returns a fresh, empty bundle. */
export function directLineStoreContract(
  name: string,
  open: () => Promise<StorageBundle>,
  skip = false,
): void {
  describe.skipIf(skip)(`directline store contract: ${name}`, () => {
    const withStore = (fn: (b: StorageBundle) => Promise<void>) => async () => {
      const b = await open();
      try {
        await fn(b);
      } finally {
        await b.close();
      }
    };

    it(
      'creates a conversation once and returns the existing one afterwards',
      withStore(async ({ directLine }) => {
        const first = await directLine.createConversation({ id: 'c1', userId: 'dl_u1', locale: 'fil-PH' });
        expect(first.created).toBe(true);
        expect(first.conversation).toMatchObject({ id: 'c1', userId: 'dl_u1', locale: 'fil-PH' });
        expect(first.conversation.createdAt).toBeInstanceOf(Date);
        const again = await directLine.createConversation({ id: 'c1', userId: 'dl_other' });
        expect(again.created).toBe(false);
        expect(again.conversation.userId).toBe('dl_u1');
        expect(await directLine.getConversation('c1')).toMatchObject({ id: 'c1', userId: 'dl_u1' });
        expect(await directLine.getConversation('missing')).toBeUndefined();
      }),
    );

    it(
      'numbers activities 1, 2, … per conversation and lists after a watermark',
      withStore(async ({ directLine }) => {
        await directLine.createConversation({ id: 'a', userId: 'dl_a' });
        await directLine.createConversation({ id: 'b', userId: 'dl_b' });
        const a1 = await directLine.append('a', { type: 'message', text: 'kumusta' });
        const b1 = await directLine.append('b', { type: 'message', text: 'other' });
        const a2 = await directLine.append('a', {
          type: 'message',
          text: 'سلام',
          attachments: [
            { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } },
          ],
        });
        expect([a1.seq, a2.seq, b1.seq]).toEqual([1, 2, 1]);
        const all = await directLine.list('a');
        expect(all.map((r) => r.activity.text)).toEqual(['kumusta', 'سلام']);
        expect(all[1]?.activity.attachments?.[0]?.contentType).toBe(
          'application/vnd.microsoft.card.adaptive',
        );
        expect(all[0]?.createdAt).toBeInstanceOf(Date);
        expect((await directLine.list('a', { afterSeq: 1 })).map((r) => r.seq)).toEqual([2]);
        expect(await directLine.list('a', { afterSeq: 2 })).toEqual([]);
        expect((await directLine.list('a', { limit: 1 })).map((r) => r.seq)).toEqual([1]);
      }),
    );

    it(
      'gives concurrent appends distinct, gap-free sequence numbers',
      withStore(async ({ directLine }) => {
        await directLine.createConversation({ id: 'busy', userId: 'dl_busy' });
        const records = await Promise.all(
          Array.from({ length: 20 }, (_, i) => directLine.append('busy', { type: 'message', text: `m${i}` })),
        );
        expect(records.map((r) => r.seq).sort((x, y) => x - y)).toEqual(
          Array.from({ length: 20 }, (_, i) => i + 1),
        );
        expect(await directLine.list('busy')).toHaveLength(20);
      }),
    );

    it(
      'rejects an append to a conversation that does not exist',
      withStore(async ({ directLine }) => {
        await expect(directLine.append('nope', { type: 'message' })).rejects.toThrow(/nope.*does not exist/);
      }),
    );

    it(
      'tells watchers which conversation changed, until they unsubscribe',
      withStore(async ({ directLine }) => {
        await directLine.createConversation({ id: 'w', userId: 'dl_w' });
        const heard: (string | undefined)[] = [];
        const stop = await directLine.watch((id) => heard.push(id));
        await directLine.append('w', { type: 'message', text: 'one' });
        await expect.poll(() => heard.includes('w')).toBe(true);
        await stop();
        const count = heard.length;
        await directLine.append('w', { type: 'message', text: 'two' });
        await new Promise((r) => setTimeout(r, 100));
        expect(heard.length).toBe(count);
      }),
    );
  });
}
