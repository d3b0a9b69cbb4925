import { AppError } from '../../errors/index.js';
import type { Agent } from '../agents/ports.js';
import { serves } from '../availability/index.js';
import {
  TicketTransitionError,
  type Ticket,
  type TicketChange,
  type TransitionResult,
} from '../tickets/index.js';
import type { HandoffDeps } from './deps.js';

/** Who may do what with a ticket, answered in the error taxonomy the console API speaks. */
export class TicketAccess {
  constructor(private readonly deps: HandoffDeps) {}

  canSee(agent: Agent, t: Pick<Ticket, 'queue' | 'assignedAgentId'>): boolean {
    return serves(agent, t.queue) || t.assignedAgentId === agent.id;
  }

  async load(agent: Agent, id: string): Promise<Ticket> {
    const ticket = await this.deps.tickets.get(id);
    if (!ticket) throw new AppError('NOT_FOUND', `tickets: no ticket ${id}`);
    if (!this.canSee(agent, ticket))
      throw new AppError('FORBIDDEN', `tickets: ticket ${id} is not in your queues`);
    return ticket;
  }

  /** Only the agent who accepted a live ticket writes to its customer. */
  assignedTo(agent: Agent, ticket: Ticket): Ticket {
    if (ticket.state !== 'assigned' || ticket.assignedAgentId !== agent.id) {
      throw new AppError(
        'CONFLICT',
        'tickets: only the agent who accepted the ticket can write to the customer',
      );
    }
    return ticket;
  }

  /** Someone else's live conversation is theirs to hand over, unless you are an admin. */
  mayHandOver(agent: Agent, ticket: Ticket): void {
    if (ticket.state === 'assigned' && ticket.assignedAgentId !== agent.id && agent.role !== 'admin') {
      throw new AppError('FORBIDDEN', 'tickets: the ticket is assigned to someone else');
    }
  }

  /** A state move; losing a race (another agent, another instance) is a 409 with `conflict`. */
  async move(ticket: Ticket, change: Omit<TicketChange, 'at'>, conflict: string): Promise<TransitionResult> {
    try {
      return await this.deps.tickets.transition(ticket.id, { ...change, at: this.deps.clock.now() });
    } catch (err) {
      if (err instanceof TicketTransitionError) throw new AppError('CONFLICT', `tickets: ${conflict}`);
      throw err;
    }
  }
}
