import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { DirectLineStore } from '../../../storage/index.js';
import { activitySet } from './render.js';

const BATCH = 100;
const PING_MS = 30_000;

/** One customer WebSocket: sends what was stored after its watermark, never twice, in order. */
class StreamSession {
  private busy = false;
  private again = false;
  alive = true;

  constructor(
    readonly conversationId: string,
    readonly socket: WebSocket,
    private sentSeq: number,
    private readonly store: DirectLineStore,
    private readonly logger: Logger,
  ) {}

  /** Coalesces wake-ups: one reader at a time, re-reading if woken meanwhile. */
  async flush(): Promise<void> {
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    try {
      do {
        // A wake-up during the read below may concern a row the read did not see: loop again.
        this.again = false;
        if (this.socket.readyState !== this.socket.OPEN) break;
        const records = await this.store.list(this.conversationId, { afterSeq: this.sentSeq, limit: BATCH });
        if (records.length === 0) continue;
        const set = activitySet(records, this.sentSeq);
        this.sentSeq = records.at(-1)?.seq ?? this.sentSeq;
        if (set.activities.length > 0) this.socket.send(JSON.stringify(set));
        if (records.length === BATCH) this.again = true;
      } while (this.again);
    } catch (err) {
      this.logger.error({ err, conversationId: this.conversationId }, 'web channel: stream flush failed');
      this.socket.close(1011, 'stream error');
    } finally {
      this.busy = false;
    }
  }
}

/**
 * The WebSockets this instance holds, by conversation. Store notifications (local, or from other
 * instances through PostgreSQL) wake the sockets of that conversation.
 */
export class StreamHub {
  private readonly sessions = new Map<string, Set<StreamSession>>();
  private unwatch: (() => Promise<void>) | undefined;
  private pinger: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: DirectLineStore,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.unwatch ??= await this.store.watch((id) => (id ? this.wake(id) : this.wakeAll()));
    // Protocol pings find half-open connections that would otherwise hold a session forever.
    this.pinger ??= setInterval(() => this.ping(), PING_MS);
    this.pinger.unref();
  }

  add(conversationId: string, socket: WebSocket, afterSeq: number): void {
    const session = new StreamSession(conversationId, socket, afterSeq, this.store, this.logger);
    const set = this.sessions.get(conversationId) ?? new Set();
    set.add(session);
    this.sessions.set(conversationId, set);
    socket.on('pong', () => (session.alive = true));
    // DirectLineJS sends "" as a keep-alive; the stream is receive-only, so all input is ignored.
    socket.on('message', () => (session.alive = true));
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      set.delete(session);
      if (set.size === 0 && this.sessions.get(conversationId) === set) this.sessions.delete(conversationId);
    });
    void session.flush();
  }

  /** Open sockets of one conversation (a customer rarely has more than a few tabs). */
  count(conversationId: string): number {
    return this.sessions.get(conversationId)?.size ?? 0;
  }

  get size(): number {
    let n = 0;
    for (const set of this.sessions.values()) n += set.size;
    return n;
  }

  async stop(): Promise<void> {
    clearInterval(this.pinger);
    this.pinger = undefined;
    await this.unwatch?.();
    this.unwatch = undefined;
    for (const set of this.sessions.values())
      for (const s of set) s.socket.close(1001, 'server shutting down');
    this.sessions.clear();
  }

  private wake(conversationId: string): void {
    for (const session of this.sessions.get(conversationId) ?? []) void session.flush();
  }

  private wakeAll(): void {
    for (const set of this.sessions.values()) for (const session of set) void session.flush();
  }

  private ping(): void {
    for (const set of this.sessions.values()) {
      for (const session of set) {
        if (!session.alive) {
          session.socket.terminate();
          continue;
        }
        session.alive = false;
        session.socket.ping();
      }
    }
  }
}
