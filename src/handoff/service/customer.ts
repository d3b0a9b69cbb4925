import type { TurnContext } from 'botbuilder';
import { AppError } from '../../errors/index.js';
import { buildHandoffInitiation } from '../protocol/index.js';
import { buildSummary, HandoffInputError, type EvidenceInput } from '../summary/index.js';
import { OpenTicketExistsError, type Ticket } from '../tickets/index.js';
import type { HandoffDeps } from './deps.js';
import type { TicketEvents } from './events.js';
import { conversationOf, newTicket } from './new-ticket.js';
import { createOfflineTicket, type OfflineRequest, type OfflineResult } from './offline.js';
import type { QueueStanding, QueueWatch } from './queue.js';

export type HandoffRequestResult =
  | { kind: 'queued'; ticket: Ticket; position: number; etaSeconds: number }
  | {
      kind: 'offline';
      reason: 'closed' | 'no-agents';
      queue: string;
      nextOpen?: Date;
      timeZone?: string;
      ticket?: Ticket;
    };

export type { OfflineRequest, OfflineResult } from './offline.js';

/** The customer side of a handoff, for the lead's dialogs: ask for a person, cancel, leave a message. */
export class CustomerHandoff {
  constructor(
    private readonly deps: HandoffDeps,
    private readonly events: TicketEvents,
    private readonly queue: QueueWatch,
  ) {}

  /** Queues the conversation for a person, or says why nobody can come (then offer createOffline). */
  async request(context: TurnContext, input: { summary: EvidenceInput }): Promise<HandoffRequestResult> {
    const conversationId = conversationOf(context);
    const open = await this.deps.tickets.openFor(conversationId);
    if (open) return this.queuedResult(open);
    const summary = await buildSummary(context, input.summary, this.deps);
    const available = await this.deps.availability.check(summary.queue);
    if (!available.ok) {
      const hours = this.deps.availability.hoursFor(summary.queue);
      const pending = await this.deps.tickets.list({ conversationId, states: ['offline'], limit: 1 });
      return {
        kind: 'offline',
        reason: available.reason,
        queue: summary.queue,
        ...(available.reason === 'closed' && available.nextOpen ? { nextOpen: available.nextOpen } : {}),
        ...(hours !== 'always' ? { timeZone: hours.timeZone } : {}),
        ...(pending[0] ? { ticket: pending[0] } : {}),
      };
    }
    let ticket: Ticket;
    try {
      ticket = await this.deps.tickets.create(newTicket(context, summary, 'queued', this.deps.clock.now()));
    } catch (err) {
      // Two turns of one conversation raced; the database kept one ticket and that is the answer.
      const raced =
        err instanceof OpenTicketExistsError ? await this.deps.tickets.openFor(conversationId) : undefined;
      if (!raced) throw err;
      return this.queuedResult(raced);
    }
    this.deps.logger.info(
      { ticketId: ticket.id, queue: ticket.queue, priority: ticket.priority },
      'handoff: queued',
    );
    await this.initiate(context, ticket);
    const result = await this.queuedResult(ticket);
    await this.deps.tickets.markNotifiedPosition(ticket.id, result.position);
    await this.events.ticketChanged(ticket, { created: true });
    this.queue.refreshSoon(ticket.queue);
    return result;
  }

  /** Customer back to the bot. Returns the cancelled ticket, or undefined when none was open. */
  async cancel(conversationId: string): Promise<Ticket | undefined> {
    return this.close(conversationId, 'cancelled');
  }

  /** The customer left (conversation ended). */
  async abandon(conversationId: string): Promise<Ticket | undefined> {
    return this.close(conversationId, 'abandoned');
  }

  /** A message/callback ticket: turns the queued ticket offline, or opens a new offline ticket. */
  createOffline(context: TurnContext, input: OfflineRequest): Promise<OfflineResult> {
    return createOfflineTicket(this.deps, this.events, this.queue, context, input);
  }

  ticket(ticketId: string): Promise<Ticket | undefined> {
    return this.deps.tickets.get(ticketId);
  }

  openTicketFor(conversationId: string): Promise<Ticket | undefined> {
    return this.deps.tickets.openFor(conversationId);
  }

  async positionOf(ticketId: string): Promise<QueueStanding | undefined> {
    const ticket = await this.deps.tickets.get(ticketId);
    return ticket && this.queue.standing(ticket);
  }

  /** Stores the rating on the ticket and as CSAT feedback (analytics); the first rating counts. */
  async recordCsat(ticketId: string, rating: number, comment?: string): Promise<Ticket> {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5)
      throw new HandoffInputError('rating', 'a whole number from 1 to 5');
    const ticket = await this.deps.tickets.get(ticketId);
    if (!ticket) throw new AppError('NOT_FOUND', `handoff: no ticket ${ticketId}`);
    if (ticket.csat) return ticket;
    const text = comment?.trim().slice(0, 1000) || undefined;
    const csat = { rating, ...(text ? { comment: text } : {}) };
    await this.deps.feedback.add({
      kind: 'csat',
      conversationId: ticket.conversationId,
      ticketId,
      rating,
      lang: ticket.lang,
      channel: ticket.channel,
      ...(text ? { comment: text } : {}),
    });
    const updated = (await this.deps.tickets.update(ticketId, { csat })) ?? ticket;
    await this.events.ticketChanged(updated);
    return updated;
  }

  private async close(conversationId: string, to: 'cancelled' | 'abandoned'): Promise<Ticket | undefined> {
    const open = await this.deps.tickets.openFor(conversationId);
    if (!open) return undefined;
    const { ticket, changed } = await this.deps.tickets.transition(open.id, {
      to,
      at: this.deps.clock.now(),
    });
    if (changed) {
      this.deps.logger.info({ ticketId: ticket.id }, `handoff: ${to}`);
      await this.events.ticketChanged(ticket);
      this.queue.refreshSoon(ticket.queue);
    }
    return ticket;
  }

  private async queuedResult(ticket: Ticket): Promise<HandoffRequestResult & { kind: 'queued' }> {
    const standing = (await this.queue.standing(ticket)) ?? { position: 0, etaSeconds: 0 };
    return { kind: 'queued', ticket, ...standing };
  }

  /** Always sent; HandoffMiddleware lets it through only to channels configured for it. */
  private async initiate(context: TurnContext, ticket: Ticket): Promise<void> {
    await context.sendActivity(await buildHandoffInitiation(context, ticket, this.deps.transcripts));
  }
}
