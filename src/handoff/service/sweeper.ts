import type { AgentRecord } from '../agents/ports.js';
import type { Ticket } from '../tickets/index.js';
import type { LocalConnections } from './connections.js';
import type { HandoffDeps } from './deps.js';
import type { TicketEvents } from './events.js';
import { EXTERNAL_AGENT_PREFIX } from './inbound.js';
import type { CustomerNotifier } from './notifier.js';
import type { QueueWatch } from './queue.js';

const HOUSEKEEPING_MS = 10 * 60_000;

/**
 * Time-driven duties, run on every instance; each change is a guarded database move, so when
 * several instances see the same ticket exactly one acts. Works from stored state only, so after
 * a restart nothing is forgotten: stale assignments requeue, long waits get the offline offer.
 */
export class Sweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastHousekeeping = 0;

  constructor(
    private readonly deps: HandoffDeps,
    private readonly events: TicketEvents,
    private readonly notifier: CustomerNotifier,
    private readonly queue: QueueWatch,
    private readonly connections: LocalConnections,
    private readonly housekeeping: () => Promise<void> = () => Promise.resolve(),
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.deps.options.sweepSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; overlapping passes are skipped. */
  tick(): Promise<void> {
    this.running ??= this.pass()
      .catch((err: unknown) => this.deps.logger.error({ err }, 'handoff: sweep failed'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** Requeues the tickets of an agent whose console has been gone for the grace period. */
  async requeueIfGone(agentId: string): Promise<number> {
    const [agent, tickets] = await Promise.all([
      this.deps.agents.get(agentId),
      this.deps.tickets.list({ states: ['assigned'], agentId }),
    ]);
    if (!this.isGone(agentId, agent)) return 0;
    let moved = 0;
    for (const t of tickets) moved += (await this.requeue(t, agent?.displayName)) ? 1 : 0;
    return moved;
  }

  private async pass(): Promise<void> {
    const now = this.deps.clock.now();
    const assigned = await this.deps.tickets.list({ states: ['assigned'] });
    const agents = new Map((await this.deps.agents.list()).map((a) => [a.id, a]));
    const agentIds = new Set(assigned.map((t) => t.assignedAgentId ?? ''));
    for (const id of agentIds) {
      if (id && !id.startsWith(EXTERNAL_AGENT_PREFIX) && this.isGone(id, agents.get(id)))
        await this.requeueIfGone(id);
    }
    const queued = await this.deps.tickets.list({ states: ['queued'] });
    const maxWaitMs = this.deps.options.maxWaitMinutes * 60_000;
    const silentMs = this.deps.options.abandonAfterMinutes * 60_000;
    for (const t of queued) {
      const lastHeard = (t.lastCustomerAt ?? t.createdAt).getTime();
      if (now.getTime() - lastHeard > silentMs) {
        const { ticket, changed } = await this.deps.tickets
          .transition(t.id, { to: 'abandoned', from: ['queued'], at: now })
          .catch(() => ({ ticket: t, changed: false }));
        if (changed) await this.events.ticketChanged(ticket);
      } else if (!t.offlineOfferedAt && now.getTime() - t.queuedAt.getTime() > maxWaitMs) {
        if (await this.deps.tickets.markOfflineOffered(t.id, now)) await this.notifier.waitingTooLong(t);
      }
    }
    for (const q of new Set(queued.map((t) => t.queue))) this.queue.refreshSoon(q);
    if (Date.now() - this.lastHousekeeping > HOUSEKEEPING_MS) {
      this.lastHousekeeping = Date.now();
      await this.deps.agents.deleteExpiredSessions(now);
      await this.housekeeping();
    }
  }

  private isGone(agentId: string, agent: AgentRecord | undefined): boolean {
    if (this.connections.has(agentId)) return false;
    const seen = agent?.presence.lastSeenAt?.getTime();
    return (
      seen === undefined ||
      this.deps.clock.now().getTime() - seen >= this.deps.options.requeueGraceSeconds * 1000
    );
  }

  private async requeue(ticket: Ticket, name: string | undefined): Promise<boolean> {
    const at = this.deps.clock.now();
    const moved = await this.deps.tickets
      .transition(ticket.id, { to: 'queued', from: ['assigned'], expectAgentId: ticket.assignedAgentId, at })
      .catch(() => undefined);
    if (!moved?.changed) return false;
    this.deps.logger.info(
      { ticketId: ticket.id, agentId: ticket.assignedAgentId },
      'handoff: agent gone, back to the queue',
    );
    await this.notifier.agentLeft(moved.ticket, name ?? '');
    await this.events.ticketChanged(moved.ticket);
    this.queue.refreshSoon(moved.ticket.queue);
    return true;
  }
}
