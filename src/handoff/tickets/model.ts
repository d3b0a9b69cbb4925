import type { ConversationReference } from 'botbuilder';
import type { Lang } from '../../knowledge/types.js';

/**
 * `bot` is the conversation without a handoff; a ticket row exists from `queued`/`offline` on.
 * `cancelled` means the customer went back to the bot, `abandoned` that the customer left.
 */
export const HANDOFF_STATES = [
  'bot',
  'queued',
  'assigned',
  'resolved',
  'cancelled',
  'abandoned',
  'offline',
] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];
export type TicketState = Exclude<HandoffState, 'bot'>;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
/** Higher rank is served first; stored so SQL can sort by it. */
export const PRIORITY_RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

export interface ArticleEvidence {
  id: string;
  title: string;
  score: number;
  confidence: number;
}

export interface ReasonEvidence {
  code: string;
  /** 1-based customer turn where the signal fired. */
  turn: number;
  score: number;
  detail?: string;
}

export interface CustomerIdentity {
  id: string;
  name?: string;
  email?: string;
}

/** What the agent reads first (API.md `summary`). */
export interface EvidenceSummary {
  question: string;
  lang: Lang;
  channel: string;
  customer: CustomerIdentity;
  articles: ArticleEvidence[];
  reasons: ReasonEvidence[];
  priority: Priority;
  queue: string;
  escalatedBecause: string;
}

/** How to reach a customer nobody could serve live; at least an email or a phone. */
export interface Contact {
  name?: string;
  email?: string;
  phone?: string;
  message?: string;
  callback?: boolean;
}

export interface Csat {
  rating: number;
  comment?: string;
}

export interface Ticket {
  id: string;
  conversationId: string;
  state: TicketState;
  queue: string;
  priority: Priority;
  channel: string;
  lang: Lang;
  /** Where proactive messages go; stored so any instance, after any restart, can reach the customer. */
  reference: Partial<ConversationReference>;
  summary: EvidenceSummary;
  contact?: Contact;
  csat?: Csat;
  resolutionNote?: string;
  assignedAgentId?: string;
  createdAt: Date;
  /** Entered the current queue (creation or last requeue/transfer). */
  queuedAt: Date;
  acceptedAt?: Date;
  /** Resolved, cancelled or abandoned. */
  closedAt?: Date;
  lastCustomerAt?: Date;
  /** Last queue position the customer was told; lets several instances tell each change once. */
  notifiedPosition?: number;
  offlineOfferedAt?: Date;
  updatedAt: Date;
}

/** A ticket as created: it starts queued (or offline), and `at` is its creation and queue time. */
export type NewTicket = Pick<
  Ticket,
  'id' | 'conversationId' | 'queue' | 'priority' | 'channel' | 'lang' | 'reference' | 'summary' | 'contact'
> & { state: 'queued' | 'offline'; at: Date };

export interface Note {
  id: string;
  ticketId: string;
  agentId: string;
  text: string;
  at: Date;
}
