// An in-memory stand-in for the agent console backend (src/handoff/API.md), for fast UI tests of
// web/agent/ without the bot: node:http + ws, static files from web/agent, REST under /agent/api,
// live events on /agent/ws, plus test controls (customer says/types, drop sockets, seed tickets).
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Priority, TicketView, TranscriptItem } from '../../src/handoff/index.js';

export type { Priority, TranscriptItem };

export const WEB_AGENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/agent');

export type Presence = 'available' | 'away';

export interface FakeAgent {
  id: string;
  username: string;
  password: string;
  displayName: string;
  queues: string[];
  role: 'agent' | 'admin';
}

export interface Note {
  id: string;
  at: string;
  agentId: string;
  text: string;
}

/** The console's view of a ticket as the fake keeps it; waiting time and position are computed per view. */
export type Ticket = Omit<TicketView, 'waitingSeconds' | 'position'>;

export interface NewTicket {
  question: string;
  queue?: string;
  priority?: Priority;
  lang?: 'en' | 'fil' | 'ur';
  channel?: string;
  customer?: { id?: string; name?: string; email?: string };
  state?: 'queued' | 'offline';
  createdAt?: Date;
  contact?: Ticket['contact'];
  transcript?: Omit<TranscriptItem, 'id'>[];
  /** false: do not announce over the WebSocket (as if it happened while sockets were down) */
  broadcast?: boolean;
}

export interface FakeConsoleServer {
  url: string;
  agents: FakeAgent[];
  tickets: Map<string, Ticket>;
  /** Agent replies the "bot" delivered to customers. */
  delivered: { ticketId: string; text: string }[];
  /** Ticket ids for which an agent typing indicator was sent to the customer. */
  agentTyping: string[];
  analyticsQueries: { from: string; to: string }[];
  presence: Map<string, Presence>;
  addTicket(input: NewTicket): Ticket;
  customerSays(ticketId: string, text: string, attachments?: TranscriptItem['attachments']): TranscriptItem;
  customerTyping(ticketId: string): void;
  /** Another agent accepts (as if from a second console). */
  acceptAs(ticketId: string, agentId: string): void;
  /** Closes every WebSocket (network blip); clients are expected to reconnect. */
  dropSockets(): void;
  /** While true, WebSocket upgrades are refused so that a reconnect has to back off. */
  refuseSockets: boolean;
  /** While true, agent messages fail like an unreachable channel (502 BAD_GATEWAY). */
  failDelivery: boolean;
  socketCount(): number;
  close(): Promise<void>;
}

const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };
const COOKIE = 'tulay_agent';
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export const DEFAULT_AGENTS: FakeAgent[] = [
  {
    id: 'a-maria',
    username: 'maria',
    password: 'correct horse',
    displayName: 'Maria Santos',
    queues: ['general', 'billing'],
    role: 'agent',
  },
  {
    id: 'a-omar',
    username: 'omar',
    password: 'battery staple',
    displayName: 'Omar Qureshi',
    queues: ['general', 'technical'],
    role: 'agent',
  },
];

export const CANNED = [
  {
    id: 'greet-en',
    title: 'Greeting',
    text: 'Hi, this is Maria from Kidlat Electronics. I am looking at your question now.',
    lang: 'en',
  },
  {
    id: 'refund-en',
    title: 'Refund timeline',
    text: 'Refunds reach your card within 5 to 7 working days.',
    lang: 'en',
  },
  { id: 'greet-ur', title: 'سلام', text: 'السلام علیکم، میں آپ کی مدد کے لیے حاضر ہوں۔', lang: 'ur' },
];

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > 64 * 1024) throw new HttpError(400, 'BAD_REQUEST', 'body too large');
    chunks.push(buf);
  }
  if (size === 0) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'body must be a JSON object');
  }
}

export async function startFakeConsoleServer(
  options: { agents?: FakeAgent[] } = {},
): Promise<FakeConsoleServer> {
  const agents = options.agents ?? DEFAULT_AGENTS;
  const tickets = new Map<string, Ticket>();
  const transcripts = new Map<string, TranscriptItem[]>();
  const notes = new Map<string, Note[]>();
  const sessions = new Map<string, { agentId: string; csrf: string }>();
  const failures = new Map<string, number[]>();
  const presence = new Map<string, Presence>(agents.map((a) => [a.id, 'away']));
  const sockets = new Map<WebSocket, string>();
  const delivered: FakeConsoleServer['delivered'] = [];
  const agentTyping: string[] = [];
  const analyticsQueries: FakeConsoleServer['analyticsQueries'] = [];
  let refuseSockets = false;
  let failDelivery = false;

  const agentById = (id: string) => agents.find((a) => a.id === id);
  const canSee = (agent: FakeAgent, t: Ticket) =>
    agent.role === 'admin' || agent.queues.includes(t.queue) || t.assignedAgentId === agent.id;

  function view(t: Ticket) {
    const waitingSeconds = Math.max(0, Math.round((Date.now() - Date.parse(t.createdAt)) / 1000));
    let position: number | undefined;
    if (t.state === 'queued') {
      const same = [...tickets.values()]
        .filter((o) => o.state === 'queued' && o.queue === t.queue)
        .sort(
          (a, b) =>
            PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.createdAt.localeCompare(b.createdAt),
        );
      position = same.findIndex((o) => o.id === t.id) + 1;
    }
    return { ...t, waitingSeconds, ...(position ? { position } : {}) };
  }

  function broadcast(t: Ticket, event: Record<string, unknown>) {
    const data = JSON.stringify(event);
    for (const [ws, agentId] of sockets) {
      const agent = agentById(agentId);
      if (agent && canSee(agent, t) && ws.readyState === ws.OPEN) ws.send(data);
    }
  }
  const ticketEvent = (t: Ticket) => broadcast(t, { type: 'ticket', ticket: view(t) });

  function addItem(
    ticketId: string,
    item: Omit<TranscriptItem, 'id' | 'at'> & { at?: string },
    announce = true,
  ) {
    const full: TranscriptItem = { id: randomUUID(), at: item.at ?? new Date().toISOString(), ...item };
    transcripts.get(ticketId)?.push(full);
    const t = tickets.get(ticketId);
    if (t && announce) broadcast(t, { type: 'message', ticketId, message: full });
    return full;
  }

  function auth(req: IncomingMessage, needCsrf: boolean): FakeAgent {
    const token = parseCookies(req.headers.cookie)[COOKIE];
    const session = token ? sessions.get(token) : undefined;
    const agent = session && agentById(session.agentId);
    if (!session || !agent) throw new HttpError(401, 'UNAUTHORIZED', 'not logged in');
    if (needCsrf && req.headers['x-csrf-token'] !== session.csrf)
      throw new HttpError(403, 'FORBIDDEN', 'missing or wrong CSRF token');
    return agent;
  }

  function ticketFor(agent: FakeAgent, id: string): Ticket {
    const t = tickets.get(id);
    if (!t || !canSee(agent, t)) throw new HttpError(404, 'NOT_FOUND', 'no such ticket');
    return t;
  }

  const publicAgent = (a: FakeAgent) => ({
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    queues: a.queues,
    role: a.role,
  });

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string | string[]> = {},
  ) {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    });
    res.end(JSON.stringify(body));
  }

  async function serveStatic(res: ServerResponse, rel: string) {
    const file = path.resolve(WEB_AGENT_DIR, rel);
    if (!file.startsWith(WEB_AGENT_DIR + path.sep)) throw new HttpError(404, 'NOT_FOUND', 'not found');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
    } catch {
      throw new HttpError(404, 'NOT_FOUND', 'not found');
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const p = url.pathname;

    if (method === 'GET' && (p === '/agent' || p === '/agent/')) return serveStatic(res, 'index.html');
    if (method === 'GET' && p.startsWith('/agent/assets/'))
      return serveStatic(res, path.join('assets', decodeURIComponent(p.slice('/agent/assets/'.length))));

    if (method === 'GET' && p === '/api/analytics') {
      auth(req, false);
      analyticsQueries.push({
        from: url.searchParams.get('from') ?? '',
        to: url.searchParams.get('to') ?? '',
      });
      return send(res, 200, {
        conversations: 128,
        answeredWithoutPerson: 96,
        deflectionRate: 0.75,
        handoffs: 32,
        handoffRate: 0.25,
        reasons: { asked_for_human: 14, low_confidence: 9, negative_sentiment: 5, repeated_question: 4 },
        timeToAcceptSeconds: { p50: 42, p90: 180 },
        csat: { average: 4.3, count: 57 },
        unanswered: [
          { text: 'Can I pay with GCash in instalments?', count: 6 },
          { text: '<b>warranty</b> for refurbished phones', count: 3 },
        ],
      });
    }

    if (!p.startsWith('/agent/api/')) throw new HttpError(404, 'NOT_FOUND', `${method} ${p} does not exist`);
    const route = p.slice('/agent/api'.length);

    if (method === 'POST' && route === '/login') {
      const body = await readJson(req);
      const username = typeof body.username === 'string' ? body.username : '';
      const password = typeof body.password === 'string' ? body.password : '';
      const key = `${req.socket.remoteAddress ?? ''}|${username}`;
      const recent = (failures.get(key) ?? []).filter((at) => Date.now() - at < 60_000);
      failures.set(key, recent);
      if (recent.length >= 5)
        throw new HttpError(429, 'TOO_MANY_REQUESTS', 'too many failed logins; wait a minute');
      const agent = agents.find((a) => a.username === username && a.password === password);
      if (!agent) {
        recent.push(Date.now());
        throw new HttpError(401, 'UNAUTHORIZED', 'wrong username or password');
      }
      const token = randomBytes(24).toString('base64url');
      const csrf = randomBytes(24).toString('base64url');
      sessions.set(token, { agentId: agent.id, csrf });
      return send(
        res,
        200,
        { agent: publicAgent(agent), csrfToken: csrf },
        { 'set-cookie': `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict` },
      );
    }
    if (method === 'GET' && route === '/me') {
      const agent = auth(req, false);
      const token = parseCookies(req.headers.cookie)[COOKIE]!;
      return send(res, 200, {
        agent: publicAgent(agent),
        csrfToken: sessions.get(token)!.csrf,
        presence: presence.get(agent.id),
      });
    }

    const mutating = method !== 'GET';
    const agent = auth(req, mutating);

    if (method === 'POST' && route === '/logout') {
      sessions.delete(parseCookies(req.headers.cookie)[COOKIE]!);
      for (const [ws, id] of sockets) if (id === agent.id) ws.close(4401, 'logged out');
      return send(
        res,
        200,
        { ok: true },
        { 'set-cookie': `${COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0` },
      );
    }
    if (method === 'PUT' && route === '/presence') {
      const body = await readJson(req);
      if (body.status !== 'available' && body.status !== 'away')
        throw new HttpError(400, 'BAD_REQUEST', 'status must be available or away');
      presence.set(agent.id, body.status);
      const data = JSON.stringify({ type: 'presence', agentId: agent.id, presence: body.status });
      for (const ws of sockets.keys()) if (ws.readyState === ws.OPEN) ws.send(data);
      return send(res, 200, { presence: body.status });
    }
    if (method === 'GET' && route === '/tickets') {
      const states = (url.searchParams.get('state') ?? 'queued,assigned,offline').split(',');
      const mine = url.searchParams.get('mine') === '1';
      const list = [...tickets.values()]
        .filter(
          (t) => canSee(agent, t) && states.includes(t.state) && (!mine || t.assignedAgentId === agent.id),
        )
        .sort(
          (a, b) =>
            PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.createdAt.localeCompare(b.createdAt),
        )
        .map(view);
      return send(res, 200, { tickets: list });
    }
    if (method === 'GET' && route === '/canned') return send(res, 200, { replies: CANNED });
    if (method === 'GET' && route === '/agents') {
      return send(res, 200, {
        agents: agents.map((a) => ({
          id: a.id,
          displayName: a.displayName,
          presence: presence.get(a.id),
          queues: a.queues,
        })),
      });
    }

    const m = /^\/tickets\/([^/]+)(?:\/(accept|messages|typing|notes|transfer|resolve))?$/.exec(route);
    if (!m) throw new HttpError(404, 'NOT_FOUND', `${method} ${p} does not exist`);
    const t = ticketFor(agent, decodeURIComponent(m[1]!));
    const action = m[2];

    if (method === 'GET' && !action)
      return send(res, 200, { ticket: view(t), transcript: transcripts.get(t.id), notes: notes.get(t.id) });
    if (method !== 'POST' || !action) throw new HttpError(404, 'NOT_FOUND', `${method} ${p} does not exist`);
    const body = await readJson(req);
    const text = typeof body.text === 'string' ? body.text.trim() : '';
    const mustOwn = () => {
      if (t.state !== 'assigned' || t.assignedAgentId !== agent.id)
        throw new HttpError(409, 'CONFLICT', 'this conversation is not yours');
    };

    switch (action) {
      case 'accept':
        if (t.state !== 'queued')
          throw new HttpError(409, 'CONFLICT', 'someone else already accepted this conversation');
        t.state = 'assigned';
        t.assignedAgentId = agent.id;
        t.acceptedAt = new Date().toISOString();
        addItem(t.id, { from: 'system', text: `${agent.displayName} joined the conversation` });
        ticketEvent(t);
        return send(res, 200, { ticket: view(t) });
      case 'messages': {
        mustOwn();
        if (!text) throw new HttpError(400, 'BAD_REQUEST', 'text is required');
        if (failDelivery)
          throw new HttpError(
            502,
            'BAD_GATEWAY',
            'the message could not be delivered to the customer; try again',
          );
        const message = addItem(t.id, { from: 'agent', text });
        delivered.push({ ticketId: t.id, text });
        return send(res, 200, { message });
      }
      case 'typing':
        mustOwn();
        agentTyping.push(t.id);
        return send(res, 200, { ok: true });
      case 'notes': {
        if (!text) throw new HttpError(400, 'BAD_REQUEST', 'text is required');
        const note: Note = { id: randomUUID(), at: new Date().toISOString(), agentId: agent.id, text };
        notes.get(t.id)?.push(note);
        return send(res, 200, { note });
      }
      case 'transfer':
        mustOwn();
        if (typeof body.queue === 'string' && body.queue) {
          t.state = 'queued';
          t.queue = body.queue;
          t.summary.queue = body.queue;
          delete t.assignedAgentId;
          delete t.acceptedAt;
        } else if (typeof body.agentId === 'string' && agentById(body.agentId)) {
          t.assignedAgentId = body.agentId;
        } else throw new HttpError(400, 'BAD_REQUEST', 'give queue or agentId');
        ticketEvent(t);
        return send(res, 200, { ticket: view(t) });
      case 'resolve': {
        if (t.state !== 'offline') mustOwn();
        t.state = 'resolved';
        t.resolvedAt = new Date().toISOString();
        t.resolutionNote = typeof body.note === 'string' ? body.note : '';
        addItem(t.id, { from: 'system', text: 'Conversation resolved; the bot is back' });
        ticketEvent(t);
        return send(res, 200, { ticket: view(t) });
      }
      default:
        throw new HttpError(404, 'NOT_FOUND', 'unknown action');
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const e = err instanceof HttpError ? err : new HttpError(500, 'INTERNAL', (err as Error).message);
      if (!res.headersSent) send(res, e.status, { error: { code: e.code, message: e.message } });
      else res.end();
    });
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://fake').pathname !== '/agent/ws' || refuseSockets) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      let agent: FakeAgent;
      try {
        agent = auth(req, false);
      } catch {
        ws.close(4401, 'not logged in');
        return;
      }
      sockets.set(ws, agent.id);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (raw: Buffer) => {
        let msg: { type?: unknown; ticketId?: unknown };
        try {
          msg = JSON.parse(raw.toString('utf8')) as typeof msg;
        } catch {
          return;
        }
        if (msg.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
        if (msg.type === 'typing' && typeof msg.ticketId === 'string') agentTyping.push(msg.ticketId);
      });
      ws.send(JSON.stringify({ type: 'hello', agent: publicAgent(agent), presence: presence.get(agent.id) }));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  let seq = 0;
  const fake: FakeConsoleServer = {
    url: `http://127.0.0.1:${port}`,
    agents,
    tickets,
    delivered,
    agentTyping,
    analyticsQueries,
    presence,
    get refuseSockets() {
      return refuseSockets;
    },
    set refuseSockets(v: boolean) {
      refuseSockets = v;
    },
    get failDelivery() {
      return failDelivery;
    },
    set failDelivery(v: boolean) {
      failDelivery = v;
    },
    addTicket(input) {
      seq += 1;
      const id = `t-${seq}-${randomBytes(3).toString('hex')}`;
      const createdAt = (input.createdAt ?? new Date()).toISOString();
      const queue = input.queue ?? 'general';
      const priority = input.priority ?? 'normal';
      const lang = input.lang ?? 'en';
      const channel = input.channel ?? 'webchat';
      const customer = { id: input.customer?.id ?? `c-${seq}`, ...input.customer };
      const ticket: Ticket = {
        id,
        conversationId: `conv-${seq}`,
        state: input.state ?? 'queued',
        queue,
        priority,
        createdAt,
        channel,
        summary: {
          question: input.question,
          lang,
          channel,
          customer,
          articles: [
            { id: 'kb-returns-01', title: 'How to return an item', score: 0.62, confidence: 0.41 },
            { id: 'kb-refund-03', title: 'Refund timelines', score: 0.55, confidence: 0.33 },
          ],
          reasons: [
            { code: 'low_confidence', turn: 2, score: 0.41, detail: 'best answer below threshold 0.55' },
            { code: 'asked_for_human', turn: 3, score: 1 },
          ],
          priority,
          queue,
          escalatedBecause: 'The customer asked for a person after two answers that did not help.',
        },
        ...(input.contact ? { contact: input.contact } : {}),
      };
      tickets.set(id, ticket);
      transcripts.set(id, []);
      notes.set(id, []);
      const base = Date.parse(createdAt);
      const history = input.transcript ?? [
        { from: 'customer', at: new Date(base - 60_000).toISOString(), text: input.question },
        {
          from: 'bot',
          at: new Date(base - 55_000).toISOString(),
          text: 'Here is what I found:',
          attachments: [
            {
              contentType: 'application/vnd.microsoft.card.adaptive',
              content: {
                type: 'AdaptiveCard',
                version: '1.5',
                body: [
                  { type: 'TextBlock', text: 'How to return an item', weight: 'Bolder' },
                  {
                    type: 'TextBlock',
                    text: 'Items can be returned within 7 days with the receipt.',
                    wrap: true,
                  },
                  { type: 'FactSet', facts: [{ title: 'Article', value: 'kb-returns-01' }] },
                ],
                actions: [
                  { type: 'Action.Submit', title: 'This helped' },
                  { type: 'Action.Submit', title: 'Talk to a person' },
                ],
              },
            },
          ],
        },
        { from: 'customer', at: new Date(base - 5_000).toISOString(), text: 'agent please' },
        { from: 'system', at: createdAt, text: 'Handed off to the general queue' },
      ];
      for (const item of history) addItem(id, item, false);
      if (input.broadcast !== false) ticketEvent(ticket);
      return ticket;
    },
    customerSays(ticketId, text, attachments) {
      return addItem(ticketId, { from: 'customer', text, ...(attachments ? { attachments } : {}) });
    },
    customerTyping(ticketId) {
      const t = tickets.get(ticketId);
      if (t) broadcast(t, { type: 'typing', ticketId, from: 'customer' });
    },
    acceptAs(ticketId, agentId) {
      const t = tickets.get(ticketId);
      if (!t || t.state !== 'queued') throw new Error(`fake: ${ticketId} is not queued`);
      t.state = 'assigned';
      t.assignedAgentId = agentId;
      t.acceptedAt = new Date().toISOString();
    },
    dropSockets() {
      for (const ws of sockets.keys()) ws.terminate();
      sockets.clear();
    },
    socketCount: () => [...sockets.keys()].filter((ws) => ws.readyState === ws.OPEN).length,
    async close() {
      for (const ws of sockets.keys()) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
