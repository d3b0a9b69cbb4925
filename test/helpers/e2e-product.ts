// The whole Tulay product for browser e2e tests: startApp (knowledge base, dialogs, handoff with
// the agent console, local Direct Line, widget and demo page), agents added through the storage,
// and the customer's side driven through the real Web Chat in Chromium.
import { readFileSync, rmSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Next, Request, Response } from 'restify';
import type { TicketView } from '../../src/handoff/index.js';
import { AgentClient, type WsEvent } from './agent-client.js';
import { startApp, type RunningApp } from './app.js';
import { addAgent } from './handoff-app.js';

export const UI_TIMEOUT = 20_000;

/** The demo store page as the product ships it. */
const STORE_PAGE = readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8');

/**
 * Path of the demo page with its one-line embed set to `data-websocket="false"` (Web Chat polls).
 * It is served by the product's own server: chromium's local-network-access checks block requests
 * to 127.0.0.1 from a document that Playwright fulfilled itself.
 */
export const POLLING_PAGE = '/e2e/store-polling.html';

export interface Product extends RunningApp {
  /** Adds an agent straight into the store; returns the credentials. */
  addAgent(
    username: string,
    options?: { queues?: string[]; displayName?: string },
  ): Promise<{ username: string; password: string }>;
  /** Logs an agent in over the console API, opens /agent/ws and sets the presence. */
  agent(
    credentials: { username: string; password: string },
    presence?: 'available' | 'away',
  ): Promise<AgentClient>;
}

/** Starts the real Tulay (startApp) and adds the polling variant of the demo page to its server. */
export async function startProduct(env: Record<string, string> = {}): Promise<Product> {
  const running = await startApp(env);
  const pollingPage = STORE_PAGE.replace(
    '<script src="/widget.js"',
    '<script src="/widget.js" data-websocket="false"',
  );
  if (pollingPage === STORE_PAGE) throw new Error('e2e-product: the demo page no longer embeds /widget.js');
  running.app.server.get(POLLING_PAGE, (_req: Request, res: Response, next: Next) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.sendRaw(200, pollingPage);
    next();
  });
  const agents: AgentClient[] = [];
  return {
    ...running,
    addAgent: (username, options = {}) =>
      addAgent(running.app.storage, username, options.queues ?? ['*'], {
        ...(options.displayName ? { displayName: options.displayName } : {}),
      }),
    async agent(credentials, presence = 'available') {
      const client = await new AgentClient(running.url).login(credentials.username, credentials.password);
      agents.push(client);
      return client.connect(presence);
    },
    async stop() {
      await Promise.all(agents.map((a) => a.disconnect()));
      await running.stop();
      rmSync(running.dataDir, { recursive: true, force: true });
    },
  };
}

/** The first `ticket` event about this conversation on the agent's socket. */
export async function ticketFor(
  agent: AgentClient,
  conversationId: string,
  state = 'queued',
  timeoutMs = UI_TIMEOUT,
): Promise<TicketView> {
  const event = await agent.waitFor((e: WsEvent) => {
    const t = e.ticket as TicketView | undefined;
    return e.type === 'ticket' && t?.conversationId === conversationId && t.state === state;
  }, timeoutMs);
  return event.ticket as TicketView;
}

export interface StorePage {
  context: BrowserContext;
  page: Page;
  /** URLs of the WebSockets the page opened. */
  sockets: string[];
  /** How many Direct Line polls (GET …/activities?watermark=) the page made. */
  polls(): number;
  /** Errors thrown in the page. */
  errors: string[];
}

/** Opens the demo store page (or a variant path) of a running product in a fresh browser context. */
export async function openStore(browser: Browser, baseUrl: string, path = '/'): Promise<StorePage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sockets: string[] = [];
  const errors: string[] = [];
  let polls = 0;
  page.on('websocket', (ws) => sockets.push(ws.url()));
  page.on('request', (r) => {
    if (r.method() === 'GET' && /\/activities\?watermark=/.test(r.url())) polls++;
  });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${baseUrl}${path}`);
  return { context, page, sockets, polls: () => polls, errors };
}

/** The Web Chat of the demo page: open it, type, read. */
export class WebChat {
  constructor(readonly page: Page) {}

  get sendBox(): Locator {
    return this.page.locator('[data-id="webchat-sendbox-input"]');
  }

  /** Clicks the chat bubble and waits until Web Chat's send box is ready. */
  async open(): Promise<void> {
    await this.page.click('#tulay-chat-button');
    await this.sendBox.waitFor({ timeout: UI_TIMEOUT });
  }

  async say(text: string): Promise<void> {
    await this.sendBox.fill(text);
    await this.sendBox.press('Enter');
    await this.see(text);
  }

  /**
   * Waits until the transcript shows this text (a message bubble or a card). Web Chat renders
   * markdown with typographic quotes, so an apostrophe in `text` also matches ’.
   */
  async see(text: string | RegExp, timeout = UI_TIMEOUT): Promise<Locator> {
    const found = this.transcript.getByText(typographic(text)).last();
    await found.waitFor({ timeout });
    return found;
  }

  get transcript(): Locator {
    return this.page.locator('.webchat__basic-transcript').first();
  }

  /** The last Adaptive Card whose text contains `text`. */
  card(text: string | RegExp): Locator {
    return this.page
      .locator('.ac-adaptiveCard')
      .filter({ hasText: typographic(text) })
      .last();
  }

  /** Clicks a button (Action.Submit) of the last card containing `cardText`. */
  async press(cardText: string | RegExp, buttonTitle: string): Promise<void> {
    const card = this.card(cardText);
    await card.waitFor({ timeout: UI_TIMEOUT });
    await card.locator(`.ac-pushButton[title="${buttonTitle}"]`).click();
  }

  /** The conversation id the widget keeps in sessionStorage for this origin. */
  conversationId(): Promise<string> {
    return this.page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('tulay-webchat:'));
      const saved = JSON.parse(sessionStorage.getItem(key ?? '') ?? '{}') as { conversationId?: string };
      if (!saved.conversationId) throw new Error('the widget has no conversation yet');
      return saved.conversationId;
    });
  }

  /** Messages Web Chat could not deliver (it marks a post it never sees echoed as failed). */
  failedSends(): Promise<number> {
    return this.page.getByText('Send failed').count();
  }
}

/** A plain string as a pattern in which ' also matches the typographic ’ Web Chat's markdown makes. */
export function typographic(text: string | RegExp): string | RegExp {
  if (typeof text !== 'string' || !text.includes("'")) return text;
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/'/g, "['’]"));
}
