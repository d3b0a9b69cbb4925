import { HANDOFF_STATES, type HandoffState, type TicketState } from './model.js';

/**
 * The handoff state machine. Self-loops are real moves: queued→queued is a transfer to another
 * queue, assigned→assigned a transfer to another agent. Terminal states have no way out; a
 * customer who comes back later gets a new ticket.
 */
export const TRANSITIONS: Readonly<Record<HandoffState, readonly TicketState[]>> = {
  bot: ['queued', 'offline'],
  queued: ['queued', 'assigned', 'cancelled', 'abandoned', 'offline'],
  assigned: ['assigned', 'queued', 'resolved', 'cancelled', 'abandoned'],
  offline: ['resolved'],
  resolved: [],
  cancelled: [],
  abandoned: [],
};

/** States in which the customer is with (or waiting for) a person and the bot stays silent. */
export const OPEN_STATES: readonly TicketState[] = ['queued', 'assigned'];
/** States an agent still has work on. */
export const ACTIVE_STATES: readonly TicketState[] = ['queued', 'assigned', 'offline'];

export function canTransition(from: HandoffState, to: TicketState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Every ticket state from which `to` can be reached (what an `UPDATE … WHERE state IN` guards on). */
export function sourcesOf(to: TicketState): TicketState[] {
  return (Object.keys(TRANSITIONS) as HandoffState[]).filter(
    (s): s is TicketState => s !== 'bot' && canTransition(s, to),
  );
}

export function isOpen(state: HandoffState): boolean {
  return (OPEN_STATES as readonly string[]).includes(state);
}

/** States an agent can filter tickets by (API.md `TicketView.state`). */
export const TICKET_STATES_FOR_AGENTS: readonly TicketState[] = HANDOFF_STATES.filter(
  (s): s is TicketState => s !== 'bot',
);
