// The whole product in headless Chromium: the demo store page served by Tulay, the real Web Chat
// through the widget and the local Direct Line endpoint, the knowledge base, the dialogs and the
// handoff to an agent on the console API — over WebSocket streaming and over polling.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TranscriptItem } from '../../src/handoff/index.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import {
  openStore,
  POLLING_PAGE,
  startProduct,
  ticketFor,
  UI_TIMEOUT,
  WebChat,
  type Product,
} from '../helpers/e2e-product.js';

let product: Product;
let browser: Browser;
let lea: { username: string; password: string };

describe.skipIf(!browserAvailable)('Tulay in the browser: the demo page, Web Chat and a live agent', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // A fresh product (own data folder) per transport, so one run's ticket cannot change the other's queue.
  beforeEach(async () => {
    product = await startProduct();
    lea = await product.addAgent('lea', { displayName: 'Lea Bautista' });
  });
  afterEach(async () => {
    await product?.stop();
  });

  it.each([
    { transport: 'WebSocket', path: '/' },
    { transport: 'polling', path: POLLING_PAGE },
  ])(
    'answers from the KB, takes 👍, queues for a person, relays the agent, resolves and records CSAT ($transport)',
    async ({ transport, path }) => {
      // Lea's console is connected and available, so the customer is queued rather than offered
      // the leave-a-message form.
      const agent = await product.agent(lea, 'available');
      const store = await openStore(browser, product.url, path);
      const { page } = store;
      try {
        expect(await page.title()).toContain('Kidlat Electronics');
        const chat = new WebChat(page);
        await chat.open();
        await chat.see("Hi, I'm Tulay, Kidlat Electronics' assistant.");

        // A routine question: the knowledge base answers with an Adaptive Card titled by the
        // article about order status (knowledge-base/en/order-status.md).
        const article = product.app.knowledge?.getArticle('order-status', 'en', 'external')?.article;
        expect(article?.title).toBeTruthy();
        await chat.say('How do I see where my order is?');
        const answer = chat.card(article!.title);
        await answer.waitFor({ timeout: UI_TIMEOUT });
        const answerText = await answer.innerText();
        expect(answerText.split('\n')[0]).toBe(article!.title);
        expect(answerText).toContain('My Account > My Orders');
        expect(answerText).toContain('Did this help?');

        // 👍 is an Action.Submit: Web Chat posts its data, the dialog stores the feedback and thanks.
        await chat.press(article!.title, '👍');
        await chat.see('Thanks for the feedback!');
        const conversationId = await chat.conversationId();
        await expect
          .poll(async () =>
            (await product.app.storage.feedback.list({ limit: 1000 })).filter(
              (f) => f.conversationId === conversationId,
            ),
          )
          .toEqual([expect.objectContaining({ kind: 'answer', articleId: 'order-status', helpful: true })]);

        // Asking for a person while Lea is available: queued, with the place in line.
        await chat.say('I want to talk to a human');
        await chat.see("I'm connecting you with a person from our team.");
        await chat.see(/^You['’]re number 1 in line\. Estimated wait: /);
        const status = chat.card('A person is coming');
        await status.waitFor({ timeout: UI_TIMEOUT });
        expect(await status.innerText()).toMatch(/Your place in line\s*1/);

        // Lea sees the ticket live (with the question and the article tried), accepts and writes.
        const queued = await ticketFor(agent, conversationId);
        expect(queued.summary.question).toContain('How do I see where my order is?');
        expect(queued.summary.articles.map((a) => a.id)).toContain('order-status');
        expect(queued.channel).toBe('directline'); // the local Direct Line endpoint's channel id
        await agent.ok('POST', `/agent/api/tickets/${queued.id}/accept`);
        await chat.see('Lea Bautista has joined the conversation.');
        const reply = `Hi! This is Lea. Your order KE-${transport === 'polling' ? 2002 : 1001} is with the courier.`;
        await agent.ok('POST', `/agent/api/tickets/${queued.id}/messages`, { text: reply });
        await chat.see(reply);

        // The customer answers in Web Chat: the bot stays silent, the agent gets it live.
        await chat.say('Great, thank you so much!');
        await agent.waitFor(
          (e) =>
            e.type === 'message' &&
            e.ticketId === queued.id &&
            (e.message as TranscriptItem).from === 'customer' &&
            (e.message as TranscriptItem).text === 'Great, thank you so much!',
          UI_TIMEOUT,
        );

        // Lea resolves: the bot is back and asks whether the problem is solved.
        await agent.ok('POST', `/agent/api/tickets/${queued.id}/resolve`, { note: 'Tracking shared.' });
        await chat.see('Lea Bautista has closed the conversation.');
        await chat.press('Is your problem solved?', 'Yes');

        // "Yes" → the CSAT card; four stars and a comment are stored on the ticket.
        const csat = chat.card('How would you rate the help you got?');
        await csat.waitFor({ timeout: UI_TIMEOUT });
        await csat.locator('textarea, input[type="text"]').first().fill('Quick and friendly');
        await chat.press('How would you rate the help you got?', '★★★★');
        await chat.see('Thank you for your feedback!');
        await expect
          .poll(async () => (await product.app.storage.tickets.get(queued.id))?.csat, {
            timeout: UI_TIMEOUT,
          })
          .toEqual({ rating: 4, comment: 'Quick and friendly' });
        const stored = await product.app.storage.tickets.get(queued.id);
        expect(stored?.state).toBe('resolved');
        expect(stored?.resolutionNote).toBe('Tracking shared.');
        const from = new Date(Date.now() - 3_600_000).toISOString();
        const to = new Date(Date.now() + 60_000).toISOString();
        const analytics = await agent.ok('GET', `/api/analytics?from=${from}&to=${to}`);
        expect(analytics.csat.count).toBeGreaterThanOrEqual(1);
        expect(analytics.handoffs).toBeGreaterThanOrEqual(1);

        // Every post was echoed back, and the transport is the one this run is about.
        expect(await chat.failedSends()).toBe(0);
        const streams = store.sockets.filter((u) => u.includes('/v3/directline/conversations/'));
        if (transport === 'WebSocket') {
          expect(streams.length).toBeGreaterThan(0);
          expect(store.polls()).toBe(0);
        } else {
          expect(streams).toEqual([]);
          expect(store.polls()).toBeGreaterThan(0);
        }
        expect(store.errors).toEqual([]);
      } finally {
        await store.context.close();
        await agent.disconnect();
      }
    },
    60_000,
  );
});
