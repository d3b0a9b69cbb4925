import type { Ticket } from '../../handoff/tickets/index.js';

/** pg returns TIMESTAMPTZ as Date and JSONB parsed. */
export interface TicketRow {
  id: string;
  conversation_id: string;
  state: Ticket['state'];
  queue: string;
  priority: Ticket['priority'];
  channel: string;
  lang: Ticket['lang'];
  reference: Ticket['reference'];
  summary: Ticket['summary'];
  contact: Ticket['contact'] | null;
  csat: Ticket['csat'] | null;
  resolution_note: string | null;
  assigned_agent_id: string | null;
  created_at: Date;
  queued_at: Date;
  accepted_at: Date | null;
  closed_at: Date | null;
  last_customer_at: Date | null;
  notified_position: number | null;
  offline_offered_at: Date | null;
  updated_at: Date;
}

/** Optional columns become absent properties, not nulls, so both stores return identical tickets. */
export function rowToTicket(r: TicketRow): Ticket {
  const t: Ticket = {
    id: r.id,
    conversationId: r.conversation_id,
    state: r.state,
    queue: r.queue,
    priority: r.priority,
    channel: r.channel,
    lang: r.lang,
    reference: r.reference,
    summary: r.summary,
    createdAt: r.created_at,
    queuedAt: r.queued_at,
    updatedAt: r.updated_at,
  };
  const optional: Partial<Ticket> = {
    contact: r.contact ?? undefined,
    csat: r.csat ?? undefined,
    resolutionNote: r.resolution_note ?? undefined,
    assignedAgentId: r.assigned_agent_id ?? undefined,
    acceptedAt: r.accepted_at ?? undefined,
    closedAt: r.closed_at ?? undefined,
    lastCustomerAt: r.last_customer_at ?? undefined,
    notifiedPosition: r.notified_position ?? undefined,
    offlineOfferedAt: r.offline_offered_at ?? undefined,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(t, { [k]: v });
  return t;
}
