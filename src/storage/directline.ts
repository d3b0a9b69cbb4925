import type { Activity } from 'botbuilder';

/** A conversation of the local Direct Line channel (src/channels/web). */
export interface DirectLineConversation {
  id: string;
  /** The user id bound to the conversation's tokens (`dl_…`). */
  userId: string;
  locale?: string;
  createdAt: Date;
}

/** One activity as the customer's client sees it; `seq` is the Direct Line watermark (1, 2, …). */
export interface DirectLineRecord {
  conversationId: string;
  seq: number;
  activity: Partial<Activity>;
  createdAt: Date;
}

/**
 * Called when any instance appended to a conversation. `undefined` means "anything may have
 * changed" (e.g. the PostgreSQL listener reconnected and may have missed notifications).
 */
export type DirectLineListener = (conversationId: string | undefined) => void;

/**
 * Conversation history of the local Direct Line channel. Sequence numbers are per conversation,
 * gap-free and committed in order, so a reader that saw seq n never misses n-1 later.
 */
export interface DirectLineStore {
  /** Creates the conversation, or returns the existing one with `created: false`. */
  createConversation(input: {
    id: string;
    userId: string;
    locale?: string;
  }): Promise<{ conversation: DirectLineConversation; created: boolean }>;
  getConversation(id: string): Promise<DirectLineConversation | undefined>;
  /** Appends with the next sequence number; rejects when the conversation does not exist. */
  append(conversationId: string, activity: Partial<Activity>): Promise<DirectLineRecord>;
  list(conversationId: string, options?: { afterSeq?: number; limit?: number }): Promise<DirectLineRecord[]>;
  /** Subscribes to appends from every instance sharing the database; resolves to an unsubscribe. */
  watch(listener: DirectLineListener): Promise<() => Promise<void>>;
}

export class DirectLineConversationNotFoundError extends Error {
  override name = 'DirectLineConversationNotFoundError';
  constructor(conversationId: string) {
    super(`directline store: conversation "${conversationId}" does not exist`);
  }
}
