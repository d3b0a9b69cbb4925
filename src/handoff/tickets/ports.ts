import type { Contact, Csat, NewTicket, Note, Ticket, TicketState } from './model.js';

/** A move through the state machine; the store applies it atomically or not at all. */
export interface TicketChange {
  to: TicketState;
  at: Date;
  /** Narrows the sources the state machine allows, e.g. `['queued']` for a claim. */
  from?: TicketState[];
  /** Required for `assigned`; the ticket leaves any agent when it goes `queued` or `offline`. */
  agentId?: string;
  /** Only move when the ticket is assigned to this agent (requeue of one agent's work). */
  expectAgentId?: string;
  queue?: string;
  contact?: Contact;
  resolutionNote?: string;
}

export interface TransitionResult {
  ticket: Ticket;
  /** False when the ticket already was where the change leads (idempotent repeat). */
  changed: boolean;
}

export interface TicketQuery {
  states?: TicketState[];
  queues?: string[];
  agentId?: string;
  conversationId?: string;
  createdFrom?: Date;
  createdTo?: Date;
  limit?: number;
}

/** Field updates that are not state moves. */
export interface TicketPatch {
  csat?: Csat;
  lastCustomerAt?: Date;
}

/**
 * Persistence of handoff tickets. Lists are sorted the way agents work them: priority
 * (urgent first), then oldest first. Implementations: SQLite and PostgreSQL (one contract suite).
 */
export interface TicketStore {
  /** Throws OpenTicketExistsError when the conversation already has a queued or assigned ticket. */
  create(input: NewTicket): Promise<Ticket>;
  get(id: string): Promise<Ticket | undefined>;
  /** The queued or assigned ticket of a conversation, if any. */
  openFor(conversationId: string): Promise<Ticket | undefined>;
  list(query?: TicketQuery): Promise<Ticket[]>;
  /** Throws TicketNotFoundError or TicketTransitionError; a repeat of a done move returns changed=false. */
  transition(id: string, change: TicketChange): Promise<TransitionResult>;
  update(id: string, patch: TicketPatch): Promise<Ticket | undefined>;
  /** 1-based place of a queued ticket in its queue (priority, then age); undefined when not queued. */
  queuePosition(id: string): Promise<number | undefined>;
  /** Compare-and-set of the last position told to the customer; true when it changed (tell them). */
  markNotifiedPosition(id: string, position: number): Promise<boolean>;
  /** True only for the first caller: the offline offer is made once per ticket. */
  markOfflineOffered(id: string, at: Date): Promise<boolean>;
  /** Seconds from queueing to acceptance of the last `limit` accepted tickets of a queue, newest first. */
  acceptWaits(queue: string, limit: number): Promise<number[]>;
  addNote(note: Omit<Note, 'id'>): Promise<Note>;
  notes(ticketId: string): Promise<Note[]>;
  /** Conversations with at least one incoming activity in [from, to) — read from the shared transcript. */
  countConversations(from: Date, to: Date): Promise<number>;
}

export class TicketNotFoundError extends Error {
  override name = 'TicketNotFoundError';
  constructor(readonly ticketId: string) {
    super(`tickets: no ticket ${ticketId}`);
  }
}

export class TicketTransitionError extends Error {
  override name = 'TicketTransitionError';
  constructor(
    readonly ticketId: string,
    readonly from: TicketState,
    readonly to: TicketState,
  ) {
    super(`tickets: ticket ${ticketId} cannot go from ${from} to ${to}`);
  }
}

export class OpenTicketExistsError extends Error {
  override name = 'OpenTicketExistsError';
  constructor(readonly conversationId: string) {
    super(`tickets: conversation ${conversationId} already has an open handoff`);
  }
}
