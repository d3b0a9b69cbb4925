import type { Activity } from 'botbuilder';
import { entriesToItems, toTranscriptItem } from '../relay/index.js';
import { toTicketView, type Ticket } from '../tickets/index.js';
import type { HandoffDeps } from './deps.js';

/** Publishes ticket changes and transcript lines to consoles (every instance) and to the webhook. */
export class TicketEvents {
  constructor(private readonly deps: HandoffDeps) {}

  /** Queue positions, 1-based, in the order agents work the queue. */
  async positions(queue: string): Promise<Map<string, number>> {
    const queued = await this.deps.tickets.list({ states: ['queued'], queues: [queue] });
    return new Map(queued.map((t, i) => [t.id, i + 1]));
  }

  async view(ticket: Ticket) {
    const position = ticket.state === 'queued' ? await this.deps.tickets.queuePosition(ticket.id) : undefined;
    return toTicketView(ticket, this.deps.clock.now(), position);
  }

  async ticketChanged(ticket: Ticket, options: { created?: boolean } = {}): Promise<void> {
    const view = await this.view(ticket);
    await this.publish({ type: 'ticket', ticket: view });
    const webhook = this.deps.webhook;
    if (!webhook) return;
    const payload = options.created
      ? { ticket: view, transcript: entriesToItems(await this.deps.transcripts.list(ticket.conversationId)) }
      : { ticket: view };
    // Fire and forget: the customer's turn must not wait for a slow receiver; retries log themselves.
    void webhook.send(options.created ? 'ticket.created' : 'ticket.updated', payload);
  }

  /** A line on a ticket (customer, bot, agent or system) for the consoles that can see it. */
  async line(ticket: Ticket, activity: Partial<Activity>, direction: 'in' | 'out'): Promise<void> {
    const item = toTranscriptItem(activity, direction, this.deps.clock.now(), `live-${Date.now()}`);
    if (!item) return;
    await this.publish({ type: 'message', ticketId: ticket.id, audience: audienceOf(ticket), message: item });
  }

  async customerTyping(ticket: Ticket): Promise<void> {
    await this.publish({
      type: 'typing',
      ticketId: ticket.id,
      audience: audienceOf(ticket),
      from: 'customer',
    });
  }

  async publish(event: Parameters<HandoffDeps['bus']['publish']>[0]): Promise<void> {
    try {
      await this.deps.bus.publish(event);
    } catch (err) {
      // Consoles re-read tickets on reconnect; a lost live event must not fail the customer's turn.
      this.deps.logger.error({ err, type: event.type }, 'handoff: publishing an event failed');
    }
  }
}

export function audienceOf(ticket: Ticket) {
  return {
    queue: ticket.queue,
    ...(ticket.assignedAgentId ? { assignedAgentId: ticket.assignedAgentId } : {}),
  };
}
