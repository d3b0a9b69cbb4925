import pg from 'pg';
import type { Logger } from 'pino';
import type { EventBus, HandoffEvent, HandoffListener } from './ports.js';

const CHANNEL = 'tulay_handoff';
/** NOTIFY payloads must stay under 8000 bytes; bigger events go through handoff_event by id. */
const MAX_INLINE_BYTES = 7000;
type Envelope = { e: HandoffEvent } | { ref: number };

/**
 * LISTEN/NOTIFY between instances. Publishing goes through one dedicated connection so that one
 * instance's events arrive in the order it sent them; listening has its own connection, re-opened
 * with backoff when it drops.
 */
export class PostgresEventBus implements EventBus {
  readonly kind = 'postgres';
  private readonly listeners = new Set<HandoffListener>();
  private listener: pg.Client | undefined;
  private publisher: Promise<pg.Client> | undefined;
  private publisherClient: pg.Client | undefined;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private delivering: Promise<void> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.listen();
  }

  async publish(event: HandoffEvent): Promise<void> {
    const json = JSON.stringify({ e: event } satisfies Envelope);
    this.publisher ??= this.connect('publisher').catch((err: unknown) => {
      this.publisher = undefined;
      throw err;
    });
    const client = await this.publisher;
    if (Buffer.byteLength(json) <= MAX_INLINE_BYTES) {
      await client.query('SELECT pg_notify($1, $2)', [CHANNEL, json]);
      return;
    }
    const { rows } = await client.query<{ id: number }>(
      'INSERT INTO handoff_event (payload) VALUES ($1) RETURNING id',
      [JSON.stringify(event)],
    );
    const ref = rows[0]?.id;
    if (ref === undefined) throw new Error('handoff bus: storing a large event returned no id');
    await client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ ref } satisfies Envelope)]);
  }

  subscribe(listener: HandoffListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stored payloads are only needed until every instance has read them. */
  async prune(olderThanSeconds = 600): Promise<void> {
    await this.pool.query('DELETE FROM handoff_event WHERE created_at < now() - make_interval(secs => $1)', [
      olderThanSeconds,
    ]);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.listeners.clear();
    const publisher = await this.publisher?.catch(() => undefined);
    for (const client of [this.listener, publisher]) await client?.end().catch(() => undefined);
  }

  private async connect(role: 'publisher' | 'listener'): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('error', (err) => {
      this.logger.warn({ err: err.message, role }, 'handoff bus: connection lost');
      if (role === 'publisher' && this.publisherClient === client) this.publisher = undefined;
      if (role === 'listener' && this.listener === client) this.relisten(1000);
    });
    await client.connect();
    if (role === 'publisher') this.publisherClient = client;
    return client;
  }

  private async listen(): Promise<void> {
    const client = await this.connect('listener');
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      const payload = msg.payload;
      // Chained so that an event fetched from handoff_event does not overtake the ones after it.
      this.delivering = this.delivering.then(() => this.deliver(payload));
    });
    client.on('end', () => {
      if (this.listener === client) this.relisten(1000);
    });
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  private relisten(delayMs: number): void {
    if (this.closed || this.retryTimer) return;
    this.listener = undefined;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.listen().catch((err: unknown) => {
        this.logger.warn({ err: (err as Error).message }, 'handoff bus: re-listen failed; retrying');
        this.relisten(Math.min(delayMs * 2, 30_000));
      });
    }, delayMs);
  }

  private async deliver(payload: string): Promise<void> {
    try {
      const envelope = JSON.parse(payload) as Envelope;
      let event: HandoffEvent | undefined;
      if ('e' in envelope) event = envelope.e;
      else {
        const { rows } = await this.pool.query<{ payload: HandoffEvent }>(
          'SELECT payload FROM handoff_event WHERE id = $1',
          [envelope.ref],
        );
        event = rows[0]?.payload;
      }
      if (!event) return;
      for (const listener of this.listeners) listener(event);
    } catch (err) {
      this.logger.error({ err }, 'handoff bus: could not deliver an event');
    }
  }
}
