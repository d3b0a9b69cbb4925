import { estimateWaitSeconds } from '../availability/index.js';
import { toTicketView, type Ticket } from '../tickets/index.js';
import type { HandoffDeps } from './deps.js';
import type { TicketEvents } from './events.js';
import type { CustomerNotifier } from './notifier.js';

export interface QueueStanding {
  position: number;
  etaSeconds: number;
}

/** Customers told about a move at once; a deep queue must not be told one by one. */
const NOTIFY_CONCURRENCY = 16;

/** Queue positions and waits, and telling waiting customers when they move up. */
export class QueueWatch {
  private readonly running = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly deps: HandoffDeps,
    private readonly events: TicketEvents,
    private readonly notifier: CustomerNotifier,
  ) {}

  /** Wait estimate for a position: one read of recent accept times and available agents. */
  async estimator(queue: string): Promise<(position: number) => number> {
    const [waits, agents] = await Promise.all([
      this.deps.tickets.acceptWaits(queue, this.deps.options.etaSamples),
      this.deps.availability.availableAgents(queue),
    ]);
    return (position) =>
      estimateWaitSeconds(waits, position, agents.length, this.deps.options.etaDefaultSeconds);
  }

  async standing(ticket: Ticket): Promise<QueueStanding | undefined> {
    if (ticket.state !== 'queued') return undefined;
    const position = await this.deps.tickets.queuePosition(ticket.id);
    if (position === undefined) return undefined;
    return { position, etaSeconds: (await this.estimator(ticket.queue))(position) };
  }

  /**
   * Refreshes a queue in the background, so an agent's accept does not wait for every waiting
   * customer to be told. Changes arriving during a refresh are coalesced into one more pass: a
   * burst of accepts becomes one "you're now number 3", not five messages.
   */
  refreshSoon(queue: string): void {
    if (this.running.has(queue)) {
      this.dirty.add(queue);
      return;
    }
    const run = async () => {
      do {
        this.dirty.delete(queue);
        await this.refresh(queue);
      } while (this.dirty.has(queue));
    };
    const done = run()
      .catch((err: unknown) => this.deps.logger.error({ err, queue }, 'handoff: queue refresh failed'))
      .finally(() => this.running.delete(queue));
    this.running.set(queue, done);
  }

  /** Resolves when no background refresh is running (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  /**
   * Re-reads a queue. Each new position is claimed with a compare-and-set, so with several
   * instances exactly one tells the customer. Customers hear only about moving up; a
   * higher-priority ticket slipping ahead is not news worth interrupting them for.
   */
  async refresh(queue: string): Promise<void> {
    const queued = await this.deps.tickets.list({ states: ['queued'], queues: [queue] });
    const now = this.deps.clock.now();
    const moved: { ticket: Ticket; position: number }[] = [];
    for (const [i, ticket] of queued.entries()) {
      const position = i + 1;
      if (ticket.notifiedPosition === position) continue;
      if (!(await this.deps.tickets.markNotifiedPosition(ticket.id, position))) continue;
      // Consoles show positions; the webhook hears about state changes only.
      await this.events.publish({ type: 'ticket', ticket: toTicketView(ticket, now, position) });
      if (ticket.notifiedPosition !== undefined && position < ticket.notifiedPosition)
        moved.push({ ticket, position });
    }
    if (moved.length === 0) return;
    const eta = await this.estimator(queue);
    for (let i = 0; i < moved.length; i += NOTIFY_CONCURRENCY) {
      await Promise.all(
        moved
          .slice(i, i + NOTIFY_CONCURRENCY)
          .map(({ ticket, position }) => this.notifier.positionChanged(ticket, position, eta(position))),
      );
    }
  }
}
