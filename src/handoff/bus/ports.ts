import type { TicketView } from '../tickets/view.js';
import type { PresenceView } from '../service/presence.js';
import type { TranscriptItem } from '../relay/transcript.js';

/** Who may see a ticket-scoped event: agents of the queue, the assigned agent, admins. */
export interface Audience {
  queue: string;
  assignedAgentId?: string;
}

export type HandoffEvent =
  | { type: 'ticket'; ticket: TicketView }
  | { type: 'message'; ticketId: string; audience: Audience; message: TranscriptItem }
  | { type: 'typing'; ticketId: string; audience: Audience; from: 'customer' }
  | { type: 'presence'; agentId: string; presence: PresenceView };

export type HandoffListener = (event: HandoffEvent) => void;

/**
 * Ticket and message events between instances. Every subscriber (this instance included) gets
 * every event once, in publish order per publisher.
 */
export interface EventBus {
  readonly kind: 'memory' | 'postgres';
  publish(event: HandoffEvent): Promise<void>;
  subscribe(listener: HandoffListener): () => void;
  start(): Promise<void>;
  close(): Promise<void>;
}
