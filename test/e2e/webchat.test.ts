import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Next, Request, Response } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoutePlugin } from '../../src/server/index.js';
import { openSqliteBundle, type SqliteBundle } from '../../src/storage/index.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { startWebServer, tempDir, type WebServer } from '../helpers/web-server.js';

const UI_TIMEOUT = 20_000;
const STORE_PAGE = readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8');
/**
 * The demo page with its embed changed. Served by the same server rather than through
 * page.route: chromium's local-network-access checks block a WebSocket to 127.0.0.1 from a
 * document that Playwright fulfilled.
 */
const VARIANTS = {
  polling: (html: string) =>
    html.replace('data-title="Kidlat Support"', 'data-title="Kidlat Support" data-websocket="false"'),
  urdu: (html: string) => html.replace('data-title="Kidlat Support"', 'data-locale="ur"'),
  nolang: (html: string) => html.replace('<html lang="en">', '<html>'),
};
const variantPages: RoutePlugin = (server) => {
  server.get('/variant/:name', (req: Request, res: Response, next: Next) => {
    const name = String(req.params.name);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (name in VARIANTS) res.sendRaw(200, VARIANTS[name as keyof typeof VARIANTS](STORE_PAGE));
    else res.sendRaw(404, 'no such variant');
    next();
  });
};
let storage: SqliteBundle;
let web: WebServer;
let browser: Browser;

describe.skipIf(!browserAvailable)('the widget with the real Web Chat in chromium', () => {
  beforeAll(async () => {
    const dir = tempDir('tulay-e2e-');
    storage = openSqliteBundle(path.join(dir, 'tulay.db'));
    web = await startWebServer({ storage, dataDir: dir, routes: variantPages });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await storage?.close();
  });

  /** Opens the demo store page, optionally with the embed's <script> or <html> tag changed. */
  async function openStore(
    edit?: keyof typeof VARIANTS,
  ): Promise<{ page: Page; sockets: string[]; polls: () => number }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sockets: string[] = [];
    let polls = 0;
    page.on('websocket', (ws) => sockets.push(ws.url()));
    page.on('request', (r) => {
      if (/\/activities\?watermark=/.test(r.url())) polls++;
    });
    page.on('pageerror', (err) => console.error('[browser]', err.message));
    await page.goto(edit ? `${web.url}/variant/${edit}` : `${web.url}/`);
    expect(await page.title()).toContain('Kidlat Electronics');
    return { page, sockets, polls: () => polls };
  }

  const sendBox = (page: Page) => page.locator('[data-id="webchat-sendbox-input"]');
  const see = (page: Page, text: string) => page.getByText(text).first().waitFor({ timeout: UI_TIMEOUT });

  it.each([
    { transport: 'WebSocket', edit: undefined },
    { transport: 'polling', edit: 'polling' as const },
  ])(
    'asks, gets an answer card, clicks 👍 and sees the next message ($transport)',
    async ({ transport, edit }) => {
      const { page, sockets, polls } = await openStore(edit);
      await page.click('#tulay-chat-button');
      await expect.poll(() => page.locator('#tulay-chat-title').textContent()).toBe('Kidlat Support');
      await see(page, 'Welcome to Kidlat Electronics! [en-US]');

      await sendBox(page).fill('What are your opening hours?');
      await sendBox(page).press('Enter');
      await see(page, 'You asked: What are your opening hours? [en-US]');
      await see(page, 'Answer to: What are your opening hours?');

      // Action.Submit: Web Chat posts a message with `value`; the bot answers it.
      await page.locator('.ac-pushButton[title="👍 Helpful"]').click();
      await see(page, 'Thanks for your feedback: up');
      // Every post was echoed back (Web Chat marks a message it never sees again as failed).
      expect(await page.getByText('Send failed').count()).toBe(0);

      if (transport === 'WebSocket') {
        expect(sockets.some((u) => u.includes('/v3/directline/conversations/'))).toBe(true);
        expect(polls()).toBe(0);
      } else {
        expect(sockets).toEqual([]);
        expect(polls()).toBeGreaterThan(0);
      }
      await page.context().close();
    },
  );

  it('shows the same conversation again after the customer moves to another page', async () => {
    const { page } = await openStore();
    await page.click('#tulay-chat-button');
    await sendBox(page).fill('Do you deliver to Cebu?');
    await sendBox(page).press('Enter');
    await see(page, 'You asked: Do you deliver to Cebu? [en-US]');
    const conversation = () =>
      page.evaluate(() => {
        const key = Object.keys(sessionStorage).find((k) => k.startsWith('tulay-webchat:'));
        return (JSON.parse(sessionStorage.getItem(key ?? '') ?? '{}') as { conversationId?: string })
          .conversationId;
      });
    const before = await conversation();
    expect(before).toBeTruthy();
    await page.reload();
    await page.click('#tulay-chat-button');
    // The widget refreshed its token and resumed: the history comes back from the store.
    await see(page, 'You asked: Do you deliver to Cebu? [en-US]');
    await sendBox(page).fill('And to Davao?');
    await sendBox(page).press('Enter');
    await see(page, 'You asked: And to Davao? [en-US]');
    expect(await conversation()).toBe(before);
    await page.context().close();
  });

  it('speaks Urdu right-to-left when the embed says data-locale="ur"', async () => {
    const { page } = await openStore('urdu');
    await page.click('#tulay-chat-button');
    await see(page, 'Welcome to Kidlat Electronics! [ur-PK]');
    await expect.poll(() => sendBox(page).getAttribute('placeholder')).toBe('اپنا پیغام لکھیں');
    await expect
      .poll(() => page.locator('.webchat__basic-transcript').first().getAttribute('dir'))
      .toBe('rtl');
    await expect.poll(() => page.locator('#tulay-chat-panel').getAttribute('dir')).toBe('rtl');
    await sendBox(page).fill('دکان کب کھلتی ہے؟');
    await sendBox(page).press('Enter');
    await see(page, 'You asked: دکان کب کھلتی ہے؟ [ur-PK]');
    await page.context().close();
  });

  it('asks for a language when neither the embed nor the page names one', async () => {
    const { page } = await openStore('nolang');
    await page.click('#tulay-chat-button');
    await page.getByRole('button', { name: 'Filipino' }).click();
    await see(page, 'Welcome to Kidlat Electronics! [fil-PH]');
    await expect.poll(() => sendBox(page).getAttribute('placeholder')).toBe('I-type ang iyong mensahe');
    await page.context().close();
  });
});
