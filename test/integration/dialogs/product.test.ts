/**
 * The product end to end: the real Tulay (composition root, storage, handoff, knowledge, signals)
 * on a throwaway port, questions POSTed to /api/messages with deliveryMode expectReplies. No agent
 * is signed in, so asking for a person gets the leave-a-message card.
 */
import { rm } from 'node:fs/promises';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffText } from '../../../src/handoff/index.js';
import type { Lang } from '../../../src/knowledge/index.js';
import { messageActivity, postActivity, startApp, type RunningApp } from '../../helpers/app.js';
import {
  answers,
  buildSampleKnowledge,
  cardButtons,
  cardTexts,
  kbArticle,
  showReplies,
} from '../../helpers/dialog-harness.js';

let running: RunningApp | undefined;
let kbDir: string | undefined;
beforeAll(async () => {
  const built = await buildSampleKnowledge();
  kbDir = built.dir;
  running = await startApp({}, { knowledge: built.knowledge });
});
afterAll(async () => {
  await running?.stop();
  if (running) await rm(running.dataDir, { recursive: true, force: true });
  if (kbDir) await rm(kbDir, { recursive: true, force: true });
});

async function ask(text: string): Promise<Partial<Activity>[]> {
  const res = await postActivity(running!.url, messageActivity(text));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.activities ?? []) as Partial<Activity>[];
}

describe('Tulay over HTTP', () => {
  it.each([
    [
      'English',
      'en',
      'my package says it was dropped off but nothing is at my door',
      'delivery-tracking-missing',
    ],
    [
      'Filipino',
      'fil',
      'hindi ko na maalala yung password para makapasok sa account ko',
      'password-reset-customer',
    ],
    ['Urdu (Arabic script)', 'ur', 'مجھے کمپنی کے نام سے رسید چاہیے', 'invoice-receipt'],
    ['Roman Urdu', 'ur', 'phone ki charging bohat aahista ho rahi hai', 'phone-charging-issue'],
  ] as const)('%s (%s): "%s" gets the %s answer card', async (_name, lang, text, id) => {
    const replies = await ask(text);
    expect(answers(replies), showReplies(replies)).toEqual([{ id, title: kbArticle(lang, id).title }]);
  });

  it.each([
    ['English', 'en', 'talk to a human please'],
    ['Filipino', 'fil', 'gusto kong makausap ang tao'],
    ['Urdu (Arabic script)', 'ur', 'انسان سے بات کرائیں'],
  ] as const)(
    '%s (%s): "%s" with no agent available gets the leave-a-message card',
    async (_name, lang: Lang, text) => {
      const replies = await ask(text);
      expect(answers(replies)).toEqual([]);
      const offline = replies.filter((r) => cardButtons(r).some((b) => b.data.action === 'handoff.offline'));
      expect(offline, showReplies(replies)).toHaveLength(1);
      expect(cardTexts(offline[0]!)[0]).toBe(handoffText('offlineNoAgents', lang));
      expect(cardButtons(offline[0]!)[0]!.data).toMatchObject({ action: 'handoff.offline', lang });
    },
  );
});
