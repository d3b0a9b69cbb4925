import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { HandoffInputError } from '../summary/index.js';
import type { EvidenceSummary, NewTicket } from '../tickets/index.js';

export function conversationOf(context: TurnContext): string {
  const id = context.activity.conversation?.id;
  if (!id) throw new HandoffInputError('activity.conversation.id', 'the turn has no conversation');
  return id;
}

/** A ticket for this turn's conversation, carrying the reference every later proactive message uses. */
export function newTicket(
  context: TurnContext,
  summary: EvidenceSummary,
  state: 'queued' | 'offline',
  at: Date,
): NewTicket {
  return {
    id: randomUUID(),
    conversationId: conversationOf(context),
    state,
    queue: summary.queue,
    priority: summary.priority,
    channel: summary.channel,
    lang: summary.lang,
    reference: TurnContext.getConversationReference(context.activity),
    summary,
    at,
  };
}
