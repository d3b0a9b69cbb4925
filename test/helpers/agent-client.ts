import WebSocket from 'ws';
import type { Analytics } from '../../src/handoff/analytics/index.js';
import type { AgentView } from '../../src/handoff/console/index.js';
import type { TicketView, TranscriptItem } from '../../src/handoff/index.js';
import type { NoteView } from '../../src/handoff/service/desk.js';
import type { PresenceView } from '../../src/handoff/service/presence.js';

/** Every answer shape of the console API (API.md), merged: each test reads the fields of its call. */
export type ApiBody = {
  tickets: TicketView[];
  ticket: TicketView;
  transcript: TranscriptItem[];
  notes: NoteView[];
  note: NoteView;
  message: TranscriptItem;
  agent: AgentView;
  csrfToken: string;
  presence: PresenceView;
  ok: boolean;
  error: { code: string; message: string };
} & Analytics;

export interface WsEvent {
  type: string;
  [key: string]: unknown;
}

/** An agent's console: cookie + CSRF for the REST API, and the live WebSocket. */
export class AgentClient {
  cookie = '';
  csrf = '';
  agent: { id: string; displayName: string } | undefined;
  readonly events: WsEvent[] = [];
  private socket: WebSocket | undefined;

  constructor(readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<this> {
    const res = await fetch(`${this.baseUrl}/agent/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`AgentClient: login answered ${res.status}: ${await res.text()}`);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const body = (await res.json()) as { agent: { id: string; displayName: string }; csrfToken: string };
    this.csrf = body.csrfToken;
    this.agent = body.agent;
    return this;
  }

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: ApiBody }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as ApiBody };
  }

  async ok(method: string, path: string, body?: unknown): Promise<ApiBody> {
    const r = await this.call(method, path, body);
    if (r.status !== 200)
      throw new Error(`AgentClient: ${method} ${path} answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /** Opens the console WebSocket and waits for hello; then sets the presence. */
  async connect(presence: 'available' | 'away' = 'available'): Promise<this> {
    const url = `${this.baseUrl.replace(/^http/, 'ws')}/agent/ws`;
    this.socket = new WebSocket(url, { headers: { cookie: this.cookie } });
    // receivedAt: when the event arrived here (the relay benchmark measures with it).
    this.socket.on('message', (data: Buffer) =>
      this.events.push({ ...(JSON.parse(data.toString('utf8')) as WsEvent), receivedAt: performance.now() }),
    );
    await this.waitFor((e) => e.type === 'hello');
    await this.ok('PUT', '/agent/api/presence', { status: presence });
    return this;
  }

  send(payload: object): void {
    this.socket?.send(JSON.stringify(payload));
  }

  async waitFor(predicate: (e: WsEvent) => boolean, timeoutMs = 5000): Promise<WsEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(
          `AgentClient: timed out; events so far: ${JSON.stringify(this.events.map((e) => e.type))}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Closes the socket as a browser tab would and waits until the server saw it. */
  async disconnect(): Promise<void> {
    const ws = this.socket;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.close();
    });
  }

  closeCode(): Promise<number> {
    return new Promise((resolve) => this.socket?.once('close', (code) => resolve(code)));
  }
}
