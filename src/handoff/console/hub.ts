import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AgentRecord } from '../agents/ports.js';
import type { EventBus, HandoffEvent } from '../bus/index.js';
import type { LocalConnections } from '../service/connections.js';
import type { AgentDesk } from '../service/desk.js';
import type { PresenceKeeper } from '../service/presence.js';
import type { Sweeper } from '../service/sweeper.js';
import { agentView, assertSameOrigin, type ConsoleAuth } from './auth.js';

export const WS_PATH = '/agent/ws';
const MAX_MESSAGE_BYTES = 16 * 1024;

interface Connection {
  agent: AgentRecord;
  alive: boolean;
}

/**
 * The consoles' WebSocket: pushes bus events (from any instance) to the agents who may see them,
 * takes typing and pings, and starts the requeue grace period when an agent's last console closes.
 */
export class AgentHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly meta = new Map<WebSocket, Connection>();
  private readonly graceTimers = new Set<NodeJS.Timeout>();
  private unsubscribe: (() => void) | undefined;
  private pinger: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(
    private readonly parts: {
      auth: ConsoleAuth;
      desk: AgentDesk;
      presence: PresenceKeeper;
      sweeper: Sweeper;
      connections: LocalConnections<WebSocket>;
      bus: EventBus;
      logger: Logger;
      publicUrl?: string;
      graceMs: number;
    },
  ) {}

  attach(server: HttpServer): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(req.url ?? '/', 'http://local').pathname !== WS_PATH) {
        // Another feature may own this path; if nobody does, do not leave the socket hanging.
        if (server.listenerCount('upgrade') === 1) socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => void this.connect(ws, req));
    });
    this.unsubscribe = this.parts.bus.subscribe((event) => this.fanOut(event));
    // Protocol pings find consoles whose network vanished without a close frame.
    this.pinger = setInterval(() => {
      for (const [ws, c] of this.meta) {
        if (!c.alive) ws.terminate();
        c.alive = false;
        ws.ping();
      }
    }, 30_000);
    this.pinger.unref();
  }

  close(): void {
    this.closing = true;
    this.unsubscribe?.();
    clearInterval(this.pinger);
    for (const t of this.graceTimers) clearTimeout(t);
    for (const ws of this.meta.keys()) ws.close(1001, 'server shutting down');
    this.wss.close();
  }

  private async connect(ws: WebSocket, req: IncomingMessage): Promise<void> {
    const { auth, presence, connections, logger } = this.parts;
    try {
      assertSameOrigin(req.headers, this.parts.publicUrl);
    } catch {
      return ws.close(4403, 'cross-origin');
    }
    const session = await auth.current(req.headers).catch(() => undefined);
    if (!session) return ws.close(4401, 'not logged in');
    const { agent } = session;
    this.meta.set(ws, { agent, alive: true });
    connections.add(agent.id, ws);
    ws.on('pong', () => this.mark(ws));
    ws.on('message', (data: Buffer) => void this.receive(ws, agent, data.toString('utf8')));
    ws.on('close', () => void this.disconnect(ws, agent));
    ws.on('error', (err) => logger.debug({ err: err.message, agentId: agent.id }, 'agent hub: socket error'));
    const view = await presence.connected(agent.id);
    send(ws, { type: 'hello', agent: agentView(agent), presence: view ?? presence.view(agent) });
  }

  private async receive(ws: WebSocket, agent: AgentRecord, raw: string): Promise<void> {
    this.mark(ws);
    let msg: { type?: unknown; ticketId?: unknown };
    try {
      msg = JSON.parse(raw) as typeof msg;
    } catch {
      return;
    }
    try {
      await this.parts.presence.touch(agent.id);
      if (msg.type === 'ping') send(ws, { type: 'pong' });
      else if (msg.type === 'typing' && typeof msg.ticketId === 'string')
        await this.parts.desk.typing(agent, msg.ticketId);
    } catch (err) {
      this.parts.logger.debug(
        { err: (err as Error).message, agentId: agent.id },
        'agent hub: message ignored',
      );
    }
  }

  private async disconnect(ws: WebSocket, agent: AgentRecord): Promise<void> {
    this.meta.delete(ws);
    if (!this.parts.connections.remove(agent.id, ws)) return;
    // On shutdown the consoles reconnect to the next instance; the sweepers there decide.
    if (this.closing) return;
    await this.parts.presence.disconnected(agent.id).catch(() => undefined);
    const timer = setTimeout(() => {
      this.graceTimers.delete(timer);
      void this.parts.sweeper.requeueIfGone(agent.id).catch((err: unknown) => {
        this.parts.logger.error({ err, agentId: agent.id }, 'agent hub: requeue after disconnect failed');
      });
    }, this.parts.graceMs + 50);
    timer.unref();
    this.graceTimers.add(timer);
  }

  private mark(ws: WebSocket): void {
    const c = this.meta.get(ws);
    if (c) c.alive = true;
  }

  private fanOut(event: HandoffEvent): void {
    for (const [ws, { agent }] of this.meta) {
      if (!this.visible(agent, event)) continue;
      if (event.type === 'message' || event.type === 'typing') {
        const { audience: _audience, ...rest } = event;
        send(ws, rest);
      } else send(ws, event);
    }
  }

  private visible(agent: AgentRecord, event: HandoffEvent): boolean {
    if (event.type === 'presence') return true;
    const audience = event.type === 'ticket' ? event.ticket : event.audience;
    return this.parts.desk.canSee(agent, audience);
  }
}

function send(ws: WebSocket, payload: object): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
}
