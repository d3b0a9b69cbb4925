import type { TurnContext } from 'botbuilder';
import { AppError } from '../../errors/index.js';
import type { Lang } from '../../knowledge/types.js';
import { answerBy } from '../availability/index.js';
import { buildSummary, type EvidenceInput } from '../summary/index.js';
import type { Ticket } from '../tickets/index.js';
import { parseContact } from './contact.js';
import type { HandoffDeps } from './deps.js';
import type { TicketEvents } from './events.js';
import { conversationOf, newTicket } from './new-ticket.js';
import type { QueueWatch } from './queue.js';

export interface OfflineRequest {
  contact: { name?: string; email?: string; phone?: string; callback?: boolean };
  message: string;
  /** Needed when the conversation has no queued ticket to turn into the offline one. */
  summary?: EvidenceInput;
  /** Language of the customer when there is no summary. */
  lang?: Lang;
}

export interface OfflineResult {
  ticket: Ticket;
  /** When to expect an answer: offlineAnswerHours of the queue's opening hours from now. */
  answerBy: Date;
  /** The queue's time zone, to say answerBy in (undefined when the queue is always open). */
  timeZone?: string;
}

/**
 * Message/callback tickets for when nobody can come: a waiting customer's queued ticket turns
 * offline (keeping its evidence), otherwise a new offline ticket is opened.
 */
export async function createOfflineTicket(
  deps: HandoffDeps,
  events: TicketEvents,
  queue: QueueWatch,
  context: TurnContext,
  input: OfflineRequest,
): Promise<OfflineResult> {
  const contact = parseContact(input.contact, input.message);
  const now = deps.clock.now();
  const open = await deps.tickets.openFor(conversationOf(context));
  if (open?.state === 'assigned')
    throw new AppError('CONFLICT', 'handoff: a person is already with this customer');
  let ticket: Ticket;
  if (open) {
    ticket = (await deps.tickets.transition(open.id, { to: 'offline', from: ['queued'], at: now, contact }))
      .ticket;
    queue.refreshSoon(open.queue);
  } else {
    const fallback = {
      question: input.message.slice(0, 4000),
      lang: input.lang ?? 'en',
      escalatedBecause: 'customer left a message',
    };
    const summary = await buildSummary(context, input.summary ?? fallback, deps);
    ticket = await deps.tickets.create({ ...newTicket(context, summary, 'offline', now), contact });
  }
  deps.logger.info({ ticketId: ticket.id, queue: ticket.queue }, 'handoff: offline ticket');
  await events.ticketChanged(ticket, { created: !open });
  const hours = deps.availability.hoursFor(ticket.queue);
  return {
    ticket,
    answerBy: answerBy(hours, now, deps.options.offlineAnswerHours),
    ...(hours !== 'always' ? { timeZone: hours.timeZone } : {}),
  };
}
