import { canTransition, sourcesOf } from './lifecycle.js';
import type { Ticket } from './model.js';
import type { TicketChange } from './ports.js';

/** A column value in dialect-neutral form; each store encodes Dates and JSON its own way. */
export type ColumnValue = string | number | Date | null | object;

export interface ChangePlan {
  /** `UPDATE … WHERE state IN (from)`: the guard that makes a move atomic. */
  from: string[];
  set: Record<string, ColumnValue>;
  /** accepted_at is set only when the ticket comes from the queue, not on a transfer between agents. */
  acceptedAtOnClaim?: Date;
}

/** Turns a change into the guarded column update both SQL stores run. */
export function planChange(change: TicketChange): ChangePlan {
  const from = (change.from ?? sourcesOf(change.to)).filter((s) => canTransition(s, change.to));
  const set: Record<string, ColumnValue> = { state: change.to, updated_at: change.at };
  switch (change.to) {
    case 'queued':
      Object.assign(set, {
        assigned_agent_id: null,
        accepted_at: null,
        queued_at: change.at,
        notified_position: null,
        offline_offered_at: null,
      });
      if (change.queue) set.queue = change.queue;
      break;
    case 'assigned':
      if (!change.agentId) throw new Error('tickets: a move to assigned needs agentId');
      set.assigned_agent_id = change.agentId;
      return { from, set, acceptedAtOnClaim: change.at };
    case 'offline':
      set.assigned_agent_id = null;
      if (change.contact) set.contact = change.contact;
      break;
    case 'resolved':
    case 'cancelled':
    case 'abandoned':
      set.closed_at = change.at;
      if (change.resolutionNote !== undefined) set.resolution_note = change.resolutionNote;
      break;
  }
  return { from, set };
}

/** Is `current` already where `change` leads? Then repeating the change is a no-op, not an error. */
export function isRepeat(current: Ticket, change: TicketChange): boolean {
  if (current.state !== change.to) return false;
  if (change.to === 'assigned') return current.assignedAgentId === change.agentId;
  if (change.to === 'queued') return !change.queue || change.queue === current.queue;
  return true;
}
