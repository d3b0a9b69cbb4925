import pg from 'pg';
import type { DirectLineListener } from '../directline.js';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * One dedicated LISTEN connection (a pooled one would be handed to other queries), opened while
 * anyone watches. After a dropped connection it reconnects with backoff and tells every listener
 * "anything may have changed", because notifications sent meanwhile are lost.
 */
export class DirectLineNotifications {
  private readonly listeners = new Set<DirectLineListener>();
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = RETRY_MIN_MS;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
  ) {}

  emit(conversationId: string | undefined): void {
    for (const listener of this.listeners) {
      try {
        listener(conversationId);
      } catch {
        // A failing listener must not stop the others from hearing about the change.
      }
    }
  }

  async add(listener: DirectLineListener): Promise<() => Promise<void>> {
    this.listeners.add(listener);
    this.closed = false;
    if (!this.client) await (this.connecting ??= this.connect(false));
    return async () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) await this.close();
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(reconnected: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (msg) => {
      if (msg.channel === this.channel) this.emit(msg.payload);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      this.client = client;
      this.retryMs = RETRY_MIN_MS;
      if (reconnected) this.emit(undefined);
    } catch (err) {
      await client.end().catch(() => undefined);
      if (!reconnected)
        throw new Error(`directline store: LISTEN ${this.channel} failed: ${(err as Error).message}`);
      this.scheduleRetry();
    } finally {
      this.connecting = undefined;
    }
    if (this.closed) await this.close();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client || this.closed) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.closed && !this.client) this.connecting ??= this.connect(true);
    }, delay);
    this.retryTimer.unref();
  }
}
