// The agent console (web/agent) in headless Chromium.
// 1. Against an in-memory fake of API.md (fast, covers every UI feature and failure path).
// 2. Against the full product (startApp: knowledge base, MainDialog, handoff, console routes and
//    WebSocket hub); customers speak through POST /api/messages (expectReplies), and what the bot
//    sends them outside their turns goes to a fake connector.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alerts,
  browserSkipReason,
  launchChromium,
  loginThroughUi,
  newConsolePage,
  until,
  xssFlag,
} from '../helpers/console-browser.js';
import {
  startFakeConsoleServer,
  WEB_AGENT_DIR,
  type FakeConsoleServer,
} from '../helpers/console-fake-server.js';
import { replyTexts, startRealConsoleApp, type RealConsoleApp } from '../helpers/console-real-app.js';
import { CARD_ACTIONS } from '../../src/handoff/index.js';

const skipReason = browserSkipReason(); // browser.ts has printed why, or thrown when browsers are required

const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '<script>window.__xss=2</script>';

describe('agent console source', () => {
  it('never feeds data to the HTML parser (no innerHTML & co. in web/agent)', () => {
    const files = [
      path.join(WEB_AGENT_DIR, 'index.html'),
      ...readdirSync(path.join(WEB_AGENT_DIR, 'assets')).map((f) => path.join(WEB_AGENT_DIR, 'assets', f)),
    ];
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(
        /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|\beval\(|new Function\(/,
      );
    }
    const html = readFileSync(path.join(WEB_AGENT_DIR, 'index.html'), 'utf8');
    expect(html).toMatch(/Content-Security-Policy/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//); // no CDN
  });
});

describe.skipIf(Boolean(skipReason))('agent console UI against a fake backend', () => {
  let fake: FakeConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    fake = await startFakeConsoleServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });

  it('shows clear errors for wrong credentials and for too many attempts', async () => {
    const { context, page } = await newConsolePage(browser);
    try {
      await page.goto(`${fake.url}/agent`);
      await page.locator('#login-username').fill('omar');
      await page.locator('#login-password').fill('wrong');
      await page.locator('#login-submit').click();
      await until('401 message', async () =>
        (await page.locator('#login-error').textContent())?.includes('Wrong username or password'),
      );
      for (let i = 0; i < 5; i++) await page.locator('#login-submit').click();
      await until('429 message', async () =>
        (await page.locator('#login-error').textContent())?.includes('Too many sign-in attempts'),
      );
      expect(await page.locator('#console-view').isHidden()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('runs the whole shift: queue, live alerts, accept, chat both ways, notes, canned, transfer, resolve', async () => {
    const old = fake.addTicket({
      question: 'My order 1234 arrived broken, I want a refund',
      queue: 'billing',
      priority: 'normal',
      customer: { name: 'Ana Reyes', email: 'ana@example.com' },
      createdAt: new Date(Date.now() - 240_000),
    });
    const urgent = fake.addTicket({
      question: 'Someone charged my card twice!',
      queue: 'general',
      priority: 'urgent',
      customer: { name: 'Ben Cruz' },
      createdAt: new Date(Date.now() - 30_000),
    });
    const { context, page, errors } = await newConsolePage(browser);
    try {
      await loginThroughUi(page, fake.url, 'maria', 'correct horse');
      // The login click was the first gesture: notification permission was asked once.
      expect((await alerts(page)).permissionRequests).toBe(1);
      expect(await page.locator('#agent-name').textContent()).toBe('Maria Santos');
      await until(
        'live socket',
        async () => (await page.locator('#conn-status').getAttribute('data-state')) === 'live',
      );

      // Queue: urgent first even though it is newer; badges, waiting time, position.
      const cards = page.locator('#ticket-list .ticket-card');
      await until('two queued tickets', async () => (await cards.count()) === 2);
      expect(await cards.nth(0).getAttribute('data-id')).toBe(urgent.id);
      const oldCard = page.locator(`.ticket-card[data-id="${old.id}"]`);
      const oldText = await oldCard.innerText();
      for (const part of [
        'NORMAL',
        'billing',
        'English',
        'webchat',
        'Ana Reyes',
        'arrived broken',
        '#1 in queue',
      ])
        expect(oldText).toContain(part);
      const wait1 = await oldCard.locator('.wait').textContent();
      expect(wait1).toMatch(/Waiting 4m \d\ds/);
      await until(
        'waiting time ticks',
        async () => (await oldCard.locator('.wait').textContent()) !== wait1,
        3000,
      );

      // Presence.
      await page.locator('#presence-toggle').click();
      await until(
        'available',
        async () => (await page.locator('#presence-toggle').getAttribute('aria-checked')) === 'true',
      );
      expect(fake.presence.get('a-maria')).toBe('available');

      // A new ticket arrives over the WebSocket: it appears, with a notification and a beep.
      const tonesBefore = (await alerts(page)).tones;
      const fresh = fake.addTicket({
        question: 'میرا آرڈر کہاں ہے؟',
        lang: 'ur',
        queue: 'general',
        priority: 'high',
        customer: { name: 'Ali Khan' },
      });
      await page.locator(`.ticket-card[data-id="${fresh.id}"]`).waitFor();
      const probe = await until('notification', async () => {
        const a = await alerts(page);
        return a.notifications.length > 0 ? a : undefined;
      });
      expect(probe.notifications[0]!.title).toContain('general');
      expect(probe.notifications[0]!.body).toBe('میرا آرڈر کہاں ہے؟');
      expect(probe.tones).toBeGreaterThan(tonesBefore);
      expect(await page.locator('#announcer').textContent()).toContain('Ali Khan');
      expect(
        await page.locator(`.ticket-card[data-id="${fresh.id}"] .ticket-question`).getAttribute('dir'),
      ).toBe('auto');
      expect(await page.title()).toMatch(/^\(3\)/);

      // Open to preview the evidence, then accept.
      await oldCard.locator('.ticket-open').click();
      await page.locator('#accept-bar').waitFor({ state: 'visible' });
      const evidence = await page.locator('#evidence').innerText();
      for (const part of [
        'My order 1234 arrived broken',
        'How to return an item',
        'score 0.62',
        'low confidence',
        'turn 2',
        'asked for human',
        'turn 3',
        'billing',
        'ana@example.com',
        'asked for a person',
      ]) {
        expect(evidence).toContain(part);
      }
      const transcript = page.locator('#transcript');
      const transcriptText = (await transcript.textContent()) ?? '';
      // Adaptive Card summarised as text: TextBlocks, a fact, the action titles.
      for (const part of [
        'Adaptive Card',
        'Items can be returned within 7 days',
        'Article: kb-returns-01',
        'This helped',
        'Talk to a person',
        'agent please',
      ]) {
        expect(transcriptText).toContain(part);
      }
      await page.locator('#btn-accept').click();
      await page.locator('#composer').waitFor({ state: 'visible' });
      expect(fake.tickets.get(old.id)!.assignedAgentId).toBe('a-maria');
      await until('in My chats', async () => (await page.locator('#count-mine').textContent()) === '1');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('composer-input');

      // Customer → agent, with an XSS payload that must stay text.
      fake.customerTyping(old.id);
      await until(
        'customer typing shown',
        async () => (await page.locator('#typing-indicator').textContent()) === 'Customer is typing…',
      );
      const evil = `Hello? ${XSS_IMG} ${XSS_SCRIPT}`;
      fake.customerSays(old.id, evil);
      const customerLines = page.locator('#chat-log .msg-customer .msg-text');
      await until('customer line', async () => (await customerLines.count()) === 1);
      expect(await customerLines.first().textContent()).toBe(evil);
      expect(await page.locator('#chat-log img, #transcript img, #chat-log script').count()).toBe(0);
      expect(await xssFlag(page)).toBeUndefined();
      expect(await page.locator('#typing-indicator').textContent()).toBe('');
      expect(await page.locator('#chat-log').getAttribute('aria-live')).toBe('polite');

      // Agent → customer: typing is sent (throttled), then the message.
      const input = page.locator('#composer-input');
      await input.pressSequentially('Hi Ana', { delay: 20 });
      await until('agent typing sent', () => fake.agentTyping.includes(old.id));
      expect(fake.agentTyping.filter((id) => id === old.id).length).toBe(1);
      await input.press('Enter');
      await until('delivered', () =>
        fake.delivered.some((d) => d.ticketId === old.id && d.text === 'Hi Ana'),
      );
      await until('agent line', async () => (await page.locator('#chat-log .msg-agent').count()) === 1);
      expect(await input.inputValue()).toBe('');

      // Canned reply inserts into the input.
      await page.locator('#canned-toggle').click();
      await page.locator('#canned-filter').fill('refund');
      await page.locator('#canned-list [data-canned="refund-en"]').click();
      expect(await input.inputValue()).toBe('Refunds reach your card within 5 to 7 working days.');
      await page.locator('#composer-send').click();
      await until('canned delivered', () => fake.delivered.some((d) => d.text.startsWith('Refunds reach')));

      // A failed delivery keeps the text and says so.
      fake.failDelivery = true;
      await input.fill('This one will not arrive');
      await input.press('Enter');
      await until('failure toast', async () =>
        (await page.locator('#toasts').innerText()).includes('Message not sent'),
      );
      expect(await input.inputValue()).toBe('This one will not arrive');
      fake.failDelivery = false;
      await input.fill('');

      // Internal note.
      await page.locator('#note-input').fill('Customer has a photo of the damage. <b>not bold</b>');
      await page.locator('#note-form button[type="submit"]').click();
      await until('note listed', async () =>
        (await page.locator('#notes').innerText()).includes('<b>not bold</b>'),
      );

      // Right-to-left text in the chat.
      fake.customerSays(old.id, 'شکریہ');
      await until('urdu line', async () => (await customerLines.count()) === 2);
      expect(await customerLines.nth(1).getAttribute('dir')).toBe('auto');

      await page.locator('#context').evaluate((el) => el.scrollTo(0, 0));
      await page.screenshot({ path: '/tmp/agent-console-fake.png' });

      // Transfer to another queue: it leaves My chats and shows up in the queue again.
      await page.locator('#btn-transfer').click();
      await page.locator('#transfer-dialog').waitFor({ state: 'visible' });
      await page.locator('#transfer-queue').fill('technical');
      await page.locator('#transfer-form button[type="submit"]').click();
      await until(
        'transferred',
        () => fake.tickets.get(old.id)!.queue === 'technical' && fake.tickets.get(old.id)!.state === 'queued',
      );
      await until('banner', async () =>
        (await page.locator('#chat-banner').textContent())?.includes('Transferred to the technical queue'),
      );
      expect(await page.locator('#composer').isHidden()).toBe(true);

      // Accept the urgent one straight from the list and resolve it with a note.
      await page.locator('#tab-queue').click();
      await page.locator(`[data-action="accept"][data-id="${urgent.id}"]`).click();
      await page.locator('#composer').waitFor({ state: 'visible' });
      await until(
        'urgent open',
        async () => (await page.locator('#chat-customer').textContent()) === 'Ben Cruz',
      );
      await page.locator('#btn-resolve').click();
      await page.locator('#resolve-form button[type="submit"]').click();
      expect(await page.locator('#resolve-error').textContent()).toContain('resolution note');
      await page.locator('#resolve-note').fill('Duplicate charge reversed.');
      await page.locator('#resolve-form button[type="submit"]').click();
      await until('resolved', () => fake.tickets.get(urgent.id)!.state === 'resolved');
      expect(fake.tickets.get(urgent.id)!.resolutionNote).toBe('Duplicate charge reversed.');
      await until('resolved banner', async () =>
        (await page.locator('#chat-banner').textContent())?.includes('Resolved'),
      );
      expect(await page.locator(`.ticket-card[data-id="${urgent.id}"]`).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says "Another agent took this conversation" on a 409', async () => {
    const t = fake.addTicket({ question: 'Is the X200 in stock?', customer: { name: 'Carla' } });
    const { context, page } = await newConsolePage(browser);
    try {
      await loginThroughUi(page, fake.url, 'maria', 'correct horse');
      await page.locator(`[data-action="accept"][data-id="${t.id}"]`).waitFor();
      fake.acceptAs(t.id, 'a-omar'); // without telling the console
      await page.locator(`[data-action="accept"][data-id="${t.id}"]`).click();
      await until('409 toast', async () =>
        (await page.locator('#toasts').innerText()).includes('Another agent took this conversation'),
      );
      await until(
        'gone from queue',
        async () => (await page.locator(`.ticket-card[data-id="${t.id}"]`).count()) === 0,
      );
    } finally {
      await context.close();
    }
  });

  it('reconnects the WebSocket with backoff and refetches what it missed', async () => {
    const { context, page } = await newConsolePage(browser);
    try {
      await loginThroughUi(page, fake.url, 'maria', 'correct horse');
      await until(
        'live',
        async () => (await page.locator('#conn-status').getAttribute('data-state')) === 'live',
      );
      fake.refuseSockets = true;
      fake.dropSockets();
      await until(
        'reconnecting',
        async () => (await page.locator('#conn-status').getAttribute('data-state')) === 'reconnecting',
      );
      const missed = fake.addTicket({
        question: 'Asked while the socket was down',
        customer: { name: 'Dina' },
        broadcast: false,
      });
      await new Promise((r) => setTimeout(r, 1200)); // at least one refused attempt
      fake.refuseSockets = false;
      await until(
        'live again',
        async () => (await page.locator('#conn-status').getAttribute('data-state')) === 'live',
        10_000,
      );
      await page.locator(`.ticket-card[data-id="${missed.id}"]`).waitFor({ timeout: 5000 });
    } finally {
      await context.close();
    }
  });

  it('lists offline requests with contact details and shows analytics by period', async () => {
    fake.addTicket({
      question: 'TV remote not pairing',
      state: 'offline',
      customer: { name: 'Jose Santos' },
      contact: {
        name: 'Jose Santos',
        email: 'jose@example.com',
        phone: '+63 912 345 6789',
        message: 'Please call after 5pm',
        callback: true,
      },
    });
    const { context, page } = await newConsolePage(browser, { width: 820, height: 900 });
    try {
      await loginThroughUi(page, fake.url, 'maria', 'correct horse');
      await page.locator('#tab-offline').click();
      const card = page.locator('.ticket-card[data-state="offline"]').first();
      await card.waitFor();
      expect(await card.innerText()).toContain('Call back');
      await card.locator('.ticket-open').click();
      await until('contact details', async () =>
        (await page.locator('#evidence').innerText()).includes('+63 912 345 6789'),
      );
      const details = await page.locator('#evidence').innerText();
      for (const part of ['jose@example.com', 'A call back', 'Please call after 5pm'])
        expect(details).toContain(part);
      expect(await page.locator('#evidence a[href^="mailto:"]').getAttribute('href')).toBe(
        'mailto:jose@example.com',
      );

      await page.locator('.nav-btn[data-view="analytics"]').click();
      await until('analytics', async () =>
        (await page.locator('#analytics-body').innerText()).includes('Conversations'),
      );
      const body = await page.locator('#analytics-body').innerText();
      for (const part of [
        '128',
        '75%',
        '25%',
        '42s',
        '3m 00s',
        '4.3 / 5',
        'asked for human',
        'Can I pay with GCash in instalments?',
        '<b>warranty</b>',
      ])
        expect(body).toContain(part);
      const before = fake.analyticsQueries.length;
      await page.locator('.period label', { hasText: '30 days' }).click();
      await until('30-day query', () => fake.analyticsQueries.length > before);
      const q = fake.analyticsQueries.at(-1)!;
      const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
      expect(days).toBeCloseTo(30, 1);

      await page.locator('#logout').click();
      await page.locator('#login-view').waitFor({ state: 'visible' });
      expect(await page.locator('#login-info').textContent()).toContain('signed out');
    } finally {
      await context.close();
    }
  });
});

describe.skipIf(Boolean(skipReason))('agent console end to end on the full product (startApp)', () => {
  let app: RealConsoleApp;
  let browser: Browser;
  const MARIA = { username: 'maria', password: 'maria-secret-pw', name: 'Maria Santos', queues: ['*'] };
  const OMAR = { username: 'omar', password: 'omar-secret-pw', name: 'Omar Qureshi', queues: ['*'] };

  beforeAll(async () => {
    app = await startRealConsoleApp();
    await app.addAgent(MARIA);
    await app.addAgent(OMAR);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** Logs in over HTTP (no browser): the session cookie and a fetch bound to it. */
  async function apiSession(username: string, password: string) {
    const login = await fetch(`${app.url}/agent/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken, agent } = (await login.json()) as { csrfToken: string; agent: { id: string } };
    return {
      cookie,
      agentId: agent.id,
      call: (method: string, route: string, body?: unknown) =>
        fetch(`${app.url}/agent/api${route}`, {
          method,
          headers: {
            cookie,
            'x-csrf-token': csrfToken,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
    };
  }

  /** Switches the console to "available" unless it already is. */
  async function beAvailable(page: Page): Promise<void> {
    await until(
      'live socket',
      async () => (await page.locator('#conn-status').getAttribute('data-state')) === 'live',
    );
    if ((await page.locator('#presence-toggle').getAttribute('aria-checked')) !== 'true')
      await page.locator('#presence-toggle').click();
    await until(
      'available',
      async () => (await page.locator('#presence-toggle').getAttribute('aria-checked')) === 'true',
    );
  }

  /** A customer asks the bot something, then asks for a person: the ticket MainDialog queued. */
  async function escalate(conv: string, question: string, name?: string) {
    const asked = await app.customer(conv, { text: question, ...(name ? { name } : {}) });
    expect(asked.status).toBe(200);
    const handoff = await app.customer(conv, {
      text: 'I want to talk to a person',
      ...(name ? { name } : {}),
    });
    expect(handoff.status).toBe(200);
    const replies = replyTexts(handoff).join('\n');
    expect(replies).toContain("I'm connecting you with a person from our team.");
    expect(replies).toMatch(/You're number \d+ in line/);
    const ticket = await until('ticket created', () => app.openTicketFor(conv));
    expect(ticket.state).toBe('queued');
    return { asked, handoff, ticket };
  }

  it('logs in, sees a customer escalate live, accepts, chats both ways (XSS inert), notes and resolves', async () => {
    const { context, page, errors } = await newConsolePage(browser);
    const conv = `e2e-${Date.now()}`;
    try {
      // Wrong password first: the real 401 is shown as such.
      await page.goto(`${app.url}/agent`);
      await page.locator('#login-username').fill(MARIA.username);
      await page.locator('#login-password').fill('not the password');
      await page.locator('#login-submit').click();
      await until('401 message', async () =>
        (await page.locator('#login-error').textContent())?.includes('Wrong username or password'),
      );
      await page.locator('#login-password').fill(MARIA.password);
      await page.locator('#login-submit').click();
      await page.locator('#console-view').waitFor({ state: 'visible' });
      expect(await page.locator('#agent-name').textContent()).toBe('Maria Santos');
      await beAvailable(page);

      // The customer asks; the knowledge base answers with a card; then they ask for a person.
      const question = 'Where is my refund for order 1234?';
      const { asked, handoff, ticket } = await escalate(conv, question);
      expect(asked.replies[0]?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      const articleTitle = replyTexts(asked)[0]!;
      expect(ticket.summary.articles.map((a) => a.title)).toContain(articleTitle);
      expect(ticket.summary.reasons.map((r) => r.code)).toContain('explicit_request');

      // It shows up live in the queue, with a notification and a beep.
      const card = page.locator(`.ticket-card[data-id="${ticket.id}"]`);
      await card.waitFor({ timeout: 8000 });
      const cardText = await card.innerText();
      for (const part of ['Ana Reyes', question, 'English', 'webchat', '#1 in queue', 'Waiting'])
        expect(cardText).toContain(part);
      const probe = await until('notification', async () => {
        const a = await alerts(page);
        return a.notifications.length > 0 ? a : undefined;
      });
      expect(probe.notifications[0]!.body).toContain('Where is my refund');
      expect(probe.tones).toBeGreaterThan(0);

      // The evidence the bot gathered (articles tried with scores, signal reasons with turns) and
      // the full transcript, the bot's Adaptive Cards summarised as text.
      await card.locator('.ticket-open').click();
      await page.locator('#accept-bar').waitFor({ state: 'visible' });
      await until('evidence', async () =>
        (await page.locator('#evidence').innerText()).includes(articleTitle),
      );
      const evidence = await page.locator('#evidence').innerText();
      expect(evidence).toContain(question);
      expect(evidence).toContain(ticket.summary.escalatedBecause);
      expect(evidence).toContain(ticket.queue);
      for (const a of ticket.summary.articles) {
        expect(evidence).toContain(a.title);
        expect(evidence).toContain(`score ${a.score.toFixed(2)}`);
      }
      for (const r of ticket.summary.reasons) {
        expect(evidence).toContain(r.code.replace(/[_-]+/g, ' '));
        expect(evidence).toContain(`turn ${r.turn}`);
      }
      const botLines = [...replyTexts(asked), ...replyTexts(handoff)].filter(Boolean);
      await until('transcript', async () => {
        const text = (await page.locator('#transcript').textContent()) ?? '';
        return botLines.every((line) => text.includes(line));
      });
      const transcript = (await page.locator('#transcript').textContent()) ?? '';
      for (const part of [question, 'I want to talk to a person', 'Adaptive Card'])
        expect(transcript).toContain(part);
      // "turn N" of the explicit request jumps to the customer's line that asked.
      const request = ticket.summary.reasons.find((r) => r.code === 'explicit_request')!;
      await page.locator(`#evidence button.reason-turn[data-turn="${request.turn}"]`).first().click();
      const marked = page.locator('#transcript .msg-highlight');
      await until('highlighted turn', async () => (await marked.count()) === 1);
      expect(await marked.getAttribute('data-turn')).toBe(String(request.turn));
      expect(await marked.locator('.msg-text').textContent()).toContain('I want to talk to a person');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-turn'))).toBe(
        String(request.turn),
      );

      // Accept: the customer is told who joined.
      await page.locator('#btn-accept').click();
      await page.locator('#composer').waitFor({ state: 'visible' });
      await until('assigned in storage', async () => (await app.ticket(ticket.id))?.state === 'assigned');
      const maria = await app.storage.agents.findByUsername(MARIA.username);
      expect((await app.ticket(ticket.id))?.assignedAgentId).toBe(maria?.id);
      await until('joined message', () =>
        app.connector.texts(conv).includes('Maria Santos has joined the conversation.'),
      );

      // Customer typing, then an XSS payload: shown as inert text. The bot stays silent meanwhile.
      await app.customer(conv, { type: 'typing' });
      await until(
        'customer typing',
        async () => (await page.locator('#typing-indicator').textContent()) === 'Customer is typing…',
      );
      const evil = `Hello? ${XSS_IMG} ${XSS_SCRIPT}`;
      expect((await app.customer(conv, { text: evil })).replies).toEqual([]);
      const customerLines = page.locator('#chat-log .msg-customer .msg-text');
      await until('xss line in the chat', async () => (await customerLines.allTextContents()).includes(evil));
      await until('xss line in the transcript', async () =>
        ((await page.locator('#transcript').textContent()) ?? '').includes(evil),
      );
      await expect
        .poll(() => page.locator('#chat-log .msg-customer .msg-text', { hasText: XSS_IMG }).isVisible())
        .toBe(true);
      expect(
        await page.locator('#chat-log img, #transcript img, #chat-log script, #transcript script').count(),
      ).toBe(0);
      expect(await xssFlag(page)).toBeUndefined();

      // Agent typing and reply reach the customer through the bot.
      const input = page.locator('#composer-input');
      await input.pressSequentially('Hi Ana, I am checking your refund now.', { delay: 5 });
      await until('typing delivered', () =>
        app.connector.sent.some((s) => s.conversationId === conv && s.activity.type === 'typing'),
      );
      await input.press('Enter');
      await until('reply delivered', () =>
        app.connector.texts(conv).includes('Hi Ana, I am checking your refund now.'),
      );
      await until('agent line once', async () => (await page.locator('#chat-log .msg-agent').count()) === 1);
      await new Promise((r) => setTimeout(r, 300)); // the WS echo of the same line must not duplicate it
      expect(await page.locator('#chat-log .msg-agent').count()).toBe(1);

      // Canned reply (the backend's defaults).
      await page.locator('#canned-toggle').click();
      await page.locator('#canned-list [data-canned="order-en"]').click();
      expect(await input.inputValue()).toContain('order number');
      await page.locator('#composer-send').click();
      await until('canned delivered', () =>
        app.connector.texts(conv).some((t) => t.includes('order number')),
      );

      // The customer answers; an internal note.
      await app.customer(conv, { text: 'It is KE-1234' });
      await until('customer answer', async () =>
        (await customerLines.allTextContents()).includes('It is KE-1234'),
      );
      await page.locator('#note-input').fill('Refund approved by finance <b>today</b>');
      await page.locator('#note-form button[type="submit"]').click();
      await until('note listed', async () =>
        (await page.locator('#notes').innerText()).includes('Refund approved by finance <b>today</b>'),
      );
      expect(app.connector.texts(conv).some((t) => t.includes('Refund approved'))).toBe(false);

      await page.locator('#context').evaluate((el) => el.scrollTo(0, 0));
      await page.screenshot({ path: '/tmp/agent-console.png' });

      // Resolve: the bot takes over and asks the customer whether it is solved.
      await page.locator('#btn-resolve').click();
      await page.locator('#resolve-note').fill('Refund for KE-1234 confirmed.');
      await page.locator('#resolve-form button[type="submit"]').click();
      await until('resolved in storage', async () => (await app.ticket(ticket.id))?.state === 'resolved');
      expect((await app.ticket(ticket.id))?.resolutionNote).toBe('Refund for KE-1234 confirmed.');
      await until('resolved banner', async () =>
        (await page.locator('#chat-banner').textContent())?.includes('Resolved'),
      );
      await until('customer told', () =>
        app.connector.texts(conv).includes('Maria Santos has closed the conversation.'),
      );
      const solved = await until('"is it solved?" card', () =>
        app.connector.sent.find(
          (s) => s.conversationId === conv && JSON.stringify(s.activity).includes('Is your problem solved?'),
        ),
      );
      expect(JSON.stringify(solved.activity.attachments)).toContain(CARD_ACTIONS.solved);
      expect(await page.locator(`.ticket-card[data-id="${ticket.id}"]`).count()).toBe(0);
      // With the ticket closed the bot answers the customer again.
      const back = await app.customer(conv, { text: 'Thanks! What are your store hours?' });
      expect(back.replies.length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the real 409 when another agent accepted first', async () => {
    const { context, page } = await newConsolePage(browser);
    const conv = `e2e-409-${Date.now()}`;
    // Hold back live updates about this ticket so Maria clicks a stale "Accept", as two agents would race.
    const held = new Set<string>();
    await page.routeWebSocket(/\/agent\/ws$/, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((message) => {
        if (
          typeof message === 'string' &&
          message.includes('"type":"ticket"') &&
          [...held].some((id) => message.includes(id))
        )
          return;
        ws.send(message);
      });
    });
    const omar = await apiSession(OMAR.username, OMAR.password);
    // Omar's console is connected too, so his ticket is not requeued as "agent gone".
    const omarSocket = new WebSocket(`${app.url.replace('http', 'ws')}/agent/ws`, {
      headers: { cookie: omar.cookie },
    });
    try {
      await loginThroughUi(page, app.url, MARIA.username, MARIA.password);
      await beAvailable(page);
      const { ticket } = await escalate(conv, 'Is the AeroBook 14 in stock?', 'Carla');
      const accept = page.locator(`[data-action="accept"][data-id="${ticket.id}"]`);
      await accept.waitFor();
      held.add(ticket.id);
      expect((await omar.call('POST', `/tickets/${ticket.id}/accept`)).status).toBe(200);
      await accept.click();
      await until('409 toast', async () =>
        (await page.locator('#toasts').innerText()).includes('Another agent took this conversation'),
      );
      await until(
        'gone from the queue',
        async () => (await page.locator(`.ticket-card[data-id="${ticket.id}"]`).count()) === 0,
      );
      const stored = await app.ticket(ticket.id);
      expect(stored?.state).toBe('assigned');
      expect(stored?.assignedAgentId).toBe(omar.agentId);
    } finally {
      omarSocket.close();
      await context.close();
    }
  });

  it('shows offline requests with contact details, transfers to a queue, loads analytics and signs out', async () => {
    const offlineConv = `e2e-offline-${Date.now()}`;
    const chatConv = `e2e-transfer-${Date.now()}`;
    // The customer leaves a message through the offline card (what Web Chat posts on submit).
    await app.customer(offlineConv, {
      name: 'Jose Santos',
      value: {
        action: CARD_ACTIONS.offline,
        lang: 'en',
        name: 'Jose Santos',
        email: 'jose@example.com',
        phone: '+63 912 345 6789',
        message: 'My TV remote does not pair. Please call after 5pm.',
        callback: true,
      },
    });
    const offline = await until('offline ticket', async () =>
      (await app.storage.tickets.list({ states: ['offline'] })).find((t) => t.conversationId === offlineConv),
    );

    const { context, page, errors } = await newConsolePage(browser, { width: 1280, height: 800 });
    try {
      await loginThroughUi(page, app.url, MARIA.username, MARIA.password);
      await page.locator('#tab-offline').click();
      const card = page.locator(`.ticket-card[data-id="${offline.id}"]`);
      await card.waitFor();
      expect(await card.innerText()).toContain('Call back');
      await card.locator('.ticket-open').click();
      await until('contact details', async () =>
        (await page.locator('#evidence').innerText()).includes('+63 912 345 6789'),
      );
      const details = await page.locator('#evidence').innerText();
      for (const part of ['Jose Santos', 'jose@example.com', 'A call back', 'Please call after 5pm'])
        expect(details).toContain(part);

      // A live chat, transferred to another queue.
      await beAvailable(page);
      const { ticket } = await escalate(chatConv, 'My invoice shows the wrong amount', 'Lito');
      const target = ticket.queue === 'billing' ? 'orders' : 'billing';
      await page.locator('#tab-queue').click();
      await page.locator(`[data-action="accept"][data-id="${ticket.id}"]`).click();
      await page.locator('#composer').waitFor({ state: 'visible' });
      await page.locator('#btn-transfer').click();
      await page.locator('#transfer-queue').fill(target);
      await page.locator('#transfer-form button[type="submit"]').click();
      await until('transferred', async () => {
        const t = await app.ticket(ticket.id);
        return t?.state === 'queued' && t.queue === target;
      });
      await until('banner', async () =>
        (await page.locator('#chat-banner').textContent())?.includes(`Transferred to the ${target} queue`),
      );
      await until(
        'back in the queue',
        async () => (await page.locator(`.ticket-card[data-id="${ticket.id}"]`).count()) === 1,
      );
      await until('customer told', () =>
        app.connector.texts(chatConv).some((t) => t.includes(`our ${target} team`)),
      );

      // Analytics from GET /api/analytics.
      await page.locator('.nav-btn[data-view="analytics"]').click();
      await until('analytics', async () => (await page.locator('#analytics-body .stat').count()) === 5);
      const body = await page.locator('#analytics-body').innerText();
      expect(body).not.toContain('Could not load analytics');
      expect(body).toContain('Handoff rate');
      await page.locator('.period label', { hasText: '7 days' }).click();
      await until('7 days reloaded', async () => (await page.locator('#analytics-body .stat').count()) === 5);

      await page.locator('#logout').click();
      await page.locator('#login-view').waitFor({ state: 'visible' });
      const me = await page.evaluate(async () => (await fetch('/agent/api/me')).status);
      expect(me).toBe(401);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
