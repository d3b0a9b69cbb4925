import type { Contact, Csat, EvidenceSummary, Priority, Ticket, TicketState } from './model.js';

/** A ticket as the agent console sees it (API.md `TicketView`): ISO dates, no conversation reference. */
export interface TicketView {
  id: string;
  conversationId: string;
  state: TicketState;
  queue: string;
  priority: Priority;
  createdAt: string;
  acceptedAt?: string;
  resolvedAt?: string;
  waitingSeconds: number;
  position?: number;
  assignedAgentId?: string;
  channel: string;
  summary: EvidenceSummary;
  contact?: Contact;
  csat?: Csat;
  resolutionNote?: string;
}

/**
 * waitingSeconds counts from entering the current queue until accepted, closed, or now — so a
 * requeued customer's wait starts again, which is what the agent picking the next ticket needs.
 */
export function toTicketView(ticket: Ticket, now: Date, position?: number): TicketView {
  const end = ticket.acceptedAt ?? ticket.closedAt ?? now;
  return {
    id: ticket.id,
    conversationId: ticket.conversationId,
    state: ticket.state,
    queue: ticket.queue,
    priority: ticket.priority,
    createdAt: ticket.createdAt.toISOString(),
    ...(ticket.acceptedAt ? { acceptedAt: ticket.acceptedAt.toISOString() } : {}),
    ...(ticket.state === 'resolved' && ticket.closedAt ? { resolvedAt: ticket.closedAt.toISOString() } : {}),
    waitingSeconds: Math.max(0, Math.round((end.getTime() - ticket.queuedAt.getTime()) / 1000)),
    ...(position !== undefined && ticket.state === 'queued' ? { position } : {}),
    ...(ticket.assignedAgentId ? { assignedAgentId: ticket.assignedAgentId } : {}),
    channel: ticket.channel,
    summary: ticket.summary,
    ...(ticket.contact ? { contact: ticket.contact } : {}),
    ...(ticket.csat ? { csat: ticket.csat } : {}),
    ...(ticket.resolutionNote !== undefined ? { resolutionNote: ticket.resolutionNote } : {}),
  };
}
