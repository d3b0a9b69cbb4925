import { randomUUID } from 'node:crypto';
import type { Activity, CloudAdapter } from 'botbuilder';
import type { Ticket } from '../tickets/model.js';
import { HANDOFF_ENTITY, type HandoffEntity } from './transcript.js';

/** Who a relayed line is from; the marker travels into the transcript, not to the channel. */
export type Speaker = { role: 'agent'; agentId: string; name: string } | { role: 'system' };

/** A plain-text line to the customer: agent text is never interpreted as markdown or HTML. */
export function relayedMessage(
  ticket: Pick<Ticket, 'id'>,
  speaker: Speaker,
  text: string,
  extra: Partial<Activity> = {},
): Partial<Activity> {
  const marker: HandoffEntity = {
    type: HANDOFF_ENTITY,
    role: speaker.role,
    ticketId: ticket.id,
    itemId: `${speaker.role}-${randomUUID()}`,
    ...(speaker.role === 'agent' ? { agentId: speaker.agentId, name: speaker.name } : {}),
  };
  return {
    type: 'message',
    ...(text ? { text, textFormat: 'plain' } : {}),
    entities: [marker],
    ...extra,
  };
}

/**
 * Messages to a customer outside their turn, through the bot on whatever channel they use, with
 * the conversation reference stored on the ticket (so any instance can send, after any restart).
 * The adapter runs the middleware, so TranscriptMiddleware records what is sent.
 */
export class CustomerRelay {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  async send(ticket: Pick<Ticket, 'reference'>, activities: Partial<Activity>[]): Promise<void> {
    // The reference's activityId would become every message's replyToId, and Web Chat holds a
    // reply to an activity it never saw for its 5 s timeout. These messages answer nothing.
    const { activityId: _answersNothing, ...reference } = ticket.reference;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      await context.sendActivities(activities);
    });
  }
}
