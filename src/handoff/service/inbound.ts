import type { TurnContext } from 'botbuilder';
import { offlineCard, solvedCard } from '../cards.js';
import type { HandoffStatus } from '../protocol/index.js';
import { relayedMessage } from '../relay/index.js';
import type { Ticket } from '../tickets/index.js';
import type { HandoffDeps } from './deps.js';
import type { TicketEvents } from './events.js';
import type { QueueWatch } from './queue.js';

/** Agent id for tickets taken over by an external contact centre through handoff.status. */
export const EXTERNAL_AGENT_PREFIX = 'external:';

/** What arrives from the customer's side while a ticket is open: messages, typing, handoff.status. */
export class InboundHandoff {
  private readonly lastTyping = new Map<string, number>();

  constructor(
    private readonly deps: HandoffDeps,
    private readonly events: TicketEvents,
    private readonly queue: QueueWatch,
  ) {}

  /** The customer wrote while waiting or talking to an agent: to the consoles, live. */
  async message(ticket: Ticket, context: TurnContext): Promise<void> {
    await this.deps.tickets.update(ticket.id, { lastCustomerAt: this.deps.clock.now() });
    await this.events.line(ticket, context.activity, 'in');
  }

  async typing(ticket: Ticket): Promise<void> {
    const now = Date.now();
    if (now - (this.lastTyping.get(ticket.id) ?? 0) < 1000) return;
    this.lastTyping.set(ticket.id, now);
    await this.events.customerTyping(ticket);
  }

  /**
   * handoff.status from a contact centre behind the channel: accepted → assigned to it; failed →
   * the customer may leave a message instead (the ticket stays queued for Tulay's own agents);
   * completed → resolved, and the bot asks whether the problem is solved.
   */
  async status(context: TurnContext, ticket: Ticket, status: HandoffStatus): Promise<void> {
    const at = this.deps.clock.now();
    const system = { role: 'system' } as const;
    if (status.state === 'accepted') {
      const agentId = `${EXTERNAL_AGENT_PREFIX}${context.activity.channelId ?? 'unknown'}`;
      const moved = await this.deps.tickets
        .transition(ticket.id, { to: 'assigned', from: ['queued'], agentId, at })
        .catch(() => undefined);
      if (moved?.changed) {
        await this.events.ticketChanged(moved.ticket);
        this.queue.refreshSoon(ticket.queue);
      }
    } else if (status.state === 'failed') {
      this.deps.logger.warn(
        { ticketId: ticket.id },
        'handoff: the contact centre could not take the conversation',
      );
      const card = offlineCard({ lang: ticket.lang, reason: 'no-agents', ticketId: ticket.id });
      await context.sendActivity(relayedMessage(ticket, system, '', { attachments: [card] }));
    } else {
      const done = await this.deps.tickets
        .transition(ticket.id, { to: 'resolved', from: ['assigned'], at })
        .catch(() => undefined);
      if (!done?.changed) return;
      await this.events.ticketChanged(done.ticket);
      await context.sendActivity(
        relayedMessage(ticket, system, '', {
          attachments: [solvedCard({ lang: ticket.lang, ticketId: ticket.id })],
        }),
      );
    }
  }
}
