import type { Ticket } from '../../handoff/tickets/index.js';

export interface TicketRow {
  id: string;
  conversation_id: string;
  state: Ticket['state'];
  queue: string;
  priority: Ticket['priority'];
  channel: string;
  lang: Ticket['lang'];
  reference: string;
  summary: string;
  contact: string | null;
  csat: string | null;
  resolution_note: string | null;
  assigned_agent_id: string | null;
  created_at: number;
  queued_at: number;
  accepted_at: number | null;
  closed_at: number | null;
  last_customer_at: number | null;
  notified_position: number | null;
  offline_offered_at: number | null;
  updated_at: number;
}

const date = (v: number | null) => (v === null ? undefined : new Date(v));
const json = <T>(v: string | null) => (v === null ? undefined : (JSON.parse(v) as T));

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
    reference: JSON.parse(r.reference) as Ticket['reference'],
    summary: JSON.parse(r.summary) as Ticket['summary'],
    createdAt: new Date(r.created_at),
    queuedAt: new Date(r.queued_at),
    updatedAt: new Date(r.updated_at),
  };
  const optional: Partial<Ticket> = {
    contact: json(r.contact),
    csat: json(r.csat),
    resolutionNote: r.resolution_note ?? undefined,
    assignedAgentId: r.assigned_agent_id ?? undefined,
    acceptedAt: date(r.accepted_at),
    closedAt: date(r.closed_at),
    lastCustomerAt: date(r.last_customer_at),
    notifiedPosition: r.notified_position ?? undefined,
    offlineOfferedAt: date(r.offline_offered_at),
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(t, { [k]: v });
  return t;
}
