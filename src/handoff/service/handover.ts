import { AppError } from '../../errors/index.js';
import type { Agent } from '../agents/ports.js';
import type { TicketView } from '../tickets/index.js';
import type { TicketAccess } from './access.js';
import type { HandoffDeps } from './deps.js';
import type { TicketEvents } from './events.js';
import type { CustomerNotifier } from './notifier.js';
import type { QueueWatch } from './queue.js';

export type TransferTarget = { queue: string } | { agentId: string };

/** An agent letting go of a conversation: to another queue, to a colleague, or resolved. */
export class AgentHandover {
  constructor(
    private readonly deps: HandoffDeps,
    private readonly events: TicketEvents,
    private readonly notifier: CustomerNotifier,
    private readonly queue: QueueWatch,
    private readonly access: TicketAccess,
  ) {}

  async transfer(agent: Agent, id: string, target: TransferTarget): Promise<TicketView> {
    const ticket = await this.access.load(agent, id);
    this.access.mayHandOver(agent, ticket);
    if ('queue' in target) {
      if (!this.deps.options.queues.some((q) => q.id === target.queue)) {
        throw new AppError('BAD_REQUEST', `tickets: unknown queue "${target.queue}"`);
      }
      const change = {
        to: 'queued' as const,
        from: ['queued' as const, 'assigned' as const],
        queue: target.queue,
      };
      const { ticket: moved, changed } = await this.access.move(
        ticket,
        change,
        'the ticket changed meanwhile',
      );
      if (changed) {
        await this.notifier.transferred(moved);
        await this.events.ticketChanged(moved);
        for (const q of new Set([ticket.queue, moved.queue])) this.queue.refreshSoon(q);
      }
      return this.events.view(moved);
    }
    const to = await this.deps.agents.get(target.agentId);
    if (!to) throw new AppError('BAD_REQUEST', `tickets: no agent ${target.agentId}`);
    const change = {
      to: 'assigned' as const,
      from: ['queued' as const, 'assigned' as const],
      agentId: to.id,
    };
    const { ticket: moved, changed } = await this.access.move(ticket, change, 'the ticket changed meanwhile');
    if (changed) {
      await this.notifier.agentJoined(moved, to.displayName);
      await this.events.ticketChanged(moved);
      this.queue.refreshSoon(moved.queue);
    }
    return this.events.view(moved);
  }

  /** Live tickets: the bot takes over again and asks "solved?"; offline ones just close. */
  async resolve(agent: Agent, id: string, note?: string): Promise<TicketView> {
    const ticket = await this.access.load(agent, id);
    if (ticket.state === 'assigned') this.access.mayHandOver(agent, ticket);
    const change = { to: 'resolved' as const, ...(note ? { resolutionNote: note } : {}) };
    const { ticket: done, changed } = await this.access.move(
      ticket,
      change,
      `a ${ticket.state} ticket cannot be resolved`,
    );
    if (changed) {
      this.deps.logger.info({ ticketId: id, agentId: agent.id }, 'handoff: resolved');
      if (ticket.state === 'assigned') await this.notifier.resolved(done, agent.displayName);
      await this.events.ticketChanged(done);
    }
    return this.events.view(done);
  }
}
