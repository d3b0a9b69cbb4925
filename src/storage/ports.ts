import type { Activity } from 'botbuilder';
import type { Storage } from 'botbuilder';
import type { AgentStore } from '../handoff/agents/ports.js';
import type { TicketStore } from '../handoff/tickets/ports.js';
import type { DirectLineStore } from './directline.js';

export type { AgentStore } from '../handoff/agents/ports.js';
export type { TicketStore } from '../handoff/tickets/ports.js';
export * from './directline.js';

/** botbuilder's Storage port: read/write/delete of JSON items with eTag optimistic concurrency. */
export type StateStorage = Storage;

export type Direction = 'in' | 'out';

export interface TranscriptEntry {
  /** Monotonic position across the store; later entries have larger ids. */
  id: number;
  conversationId: string;
  direction: Direction;
  activity: Partial<Activity>;
  createdAt: Date;
}

/** Append-only log of every activity in and out of each conversation. Nothing is ever updated. */
export interface TranscriptStore {
  append(conversationId: string, direction: Direction, activity: Partial<Activity>): Promise<TranscriptEntry>;
  list(conversationId: string, options?: { afterId?: number; limit?: number }): Promise<TranscriptEntry[]>;
}

export type FeedbackKind = 'answer' | 'unanswered' | 'csat';

export interface FeedbackInput {
  kind: FeedbackKind;
  conversationId: string;
  /** The customer's question (answer, unanswered) — used by KB-gap reports. */
  query?: string;
  articleId?: string;
  lang?: string;
  channel?: string;
  /** 👍 = true, 👎 = false (answer feedback). */
  helpful?: boolean;
  /** 1–5 (CSAT). */
  rating?: number;
  comment?: string;
  ticketId?: string;
}

export interface FeedbackRecord extends FeedbackInput {
  id: number;
  createdAt: Date;
}

export interface FeedbackQuery {
  kind?: FeedbackKind;
  since?: Date;
  until?: Date;
  limit?: number;
  /** Oldest first by default; reports that cap how much they read want the newest records. */
  order?: 'oldest' | 'newest';
}

/** Answer feedback, unanswered questions and CSAT ratings: the raw material of KB-gap reports. */
export interface FeedbackStore {
  add(input: FeedbackInput): Promise<FeedbackRecord>;
  list(query?: FeedbackQuery): Promise<FeedbackRecord[]>;
}

/** Everything persistent, opened once by the composition root and closed on shutdown. */
export interface StorageBundle {
  kind: 'sqlite' | 'postgres';
  state: StateStorage;
  transcripts: TranscriptStore;
  feedback: FeedbackStore;
  /** Handoff tickets and their notes (see src/handoff/tickets). */
  tickets: TicketStore;
  /** Live agents, presence and console sessions (see src/handoff/agents). */
  agents: AgentStore;
  /** Conversation history of the local Direct Line channel (see src/channels/web). */
  directLine: DirectLineStore;
  /** Throws when the database cannot be reached (readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class StorageConflictError extends Error {
  override name = 'StorageConflictError';
  constructor(key: string) {
    // Same wording as botbuilder's MemoryStorage so callers that match on it keep working.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}
