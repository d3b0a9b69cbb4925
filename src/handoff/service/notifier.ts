import type { Activity } from 'botbuilder';
import { csatCard, offlineCard, solvedCard } from '../cards.js';
import { formatWait, handoffText, type HandoffMessageKey } from '../messages.js';
import { relayedMessage, type Speaker } from '../relay/index.js';
import type { Ticket } from '../tickets/index.js';
import type { HandoffDeps } from './deps.js';
import type { TicketEvents } from './events.js';

const SYSTEM: Speaker = { role: 'system' };

/**
 * What the customer is told outside their own turns (agent joined or left, queue moves, resolved,
 * waiting too long), in the ticket's language. A customer who cannot be reached (conversation gone)
 * is logged, never an error for the agent's action that caused the message.
 */
export class CustomerNotifier {
  constructor(
    private readonly deps: HandoffDeps,
    private readonly events: TicketEvents,
  ) {}

  async send(ticket: Ticket, activities: Partial<Activity>[]): Promise<boolean> {
    try {
      await this.deps.relay.send(ticket, activities);
    } catch (err) {
      this.deps.logger.warn(
        { err: (err as Error).message, ticketId: ticket.id },
        'handoff: could not reach the customer',
      );
      return false;
    }
    for (const a of activities) await this.events.line(ticket, a, 'out');
    return true;
  }

  say(
    ticket: Ticket,
    key: HandoffMessageKey,
    params: Record<string, string | number> = {},
    extra: Partial<Activity> = {},
  ) {
    return this.send(ticket, [relayedMessage(ticket, SYSTEM, handoffText(key, ticket.lang, params), extra)]);
  }

  agentJoined(ticket: Ticket, name: string) {
    return this.say(ticket, 'agentJoined', { name });
  }

  agentLeft(ticket: Ticket, name: string) {
    return this.say(ticket, 'agentLeft', { name: name || handoffText('teamMember', ticket.lang) });
  }

  transferred(ticket: Ticket) {
    return this.say(ticket, 'transferred', { queue: ticket.queue });
  }

  positionChanged(ticket: Ticket, position: number, etaSeconds: number) {
    return this.say(ticket, 'positionChanged', { position, wait: formatWait(etaSeconds, ticket.lang) });
  }

  /** The bot takes over again: who closed it, then "is your problem solved?". */
  resolved(ticket: Ticket, name: string) {
    return this.send(ticket, [
      relayedMessage(ticket, SYSTEM, handoffText('resolved', ticket.lang, { name })),
      relayedMessage(ticket, SYSTEM, '', {
        attachments: [solvedCard({ lang: ticket.lang, ticketId: ticket.id })],
      }),
    ]);
  }

  csat(ticket: Ticket) {
    return this.send(ticket, [
      relayedMessage(ticket, SYSTEM, '', {
        attachments: [csatCard({ lang: ticket.lang, ticketId: ticket.id, channel: ticket.channel })],
      }),
    ]);
  }

  waitingTooLong(ticket: Ticket) {
    const card = offlineCard({ lang: ticket.lang, reason: 'waiting', ticketId: ticket.id });
    return this.send(ticket, [relayedMessage(ticket, SYSTEM, '', { attachments: [card] })]);
  }
}
