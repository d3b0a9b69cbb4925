import { EventFactory, type Activity, type Transcript, type TurnContext } from 'botbuilder';
import type { TranscriptStore } from '../../storage/ports.js';
import type { Ticket } from '../tickets/model.js';

export const HANDOFF_INITIATE = 'handoff.initiate';
export const HANDOFF_STATUS = 'handoff.status';

/**
 * Where `handoff.initiate` may go: only channels configured to have a contact centre behind them.
 * Never Teams (its connector answers 400 to it), and not Web Chat / Direct Line unless configured.
 */
export function forwardsInitiate(
  channelId: string | undefined,
  protocolChannels: readonly string[],
): boolean {
  return channelId !== undefined && channelId !== 'msteams' && protocolChannels.includes(channelId);
}

/** The Bot Framework handoff event with the whole transcript attached, as EventFactory builds it. */
export async function buildHandoffInitiation(
  context: TurnContext,
  ticket: Ticket,
  transcripts: TranscriptStore,
): Promise<Partial<Activity>> {
  const entries = await transcripts.list(ticket.conversationId);
  const transcript: Transcript = { activities: entries.map((e) => e.activity as Activity) };
  const handoffContext = {
    ticketId: ticket.id,
    queue: ticket.queue,
    priority: ticket.priority,
    summary: ticket.summary,
  };
  return EventFactory.createHandoffInitiation(context, handoffContext, transcript);
}

export type HandoffStatus = { state: 'accepted' | 'failed' | 'completed'; message?: string };

/** The value of an incoming `handoff.status` event, if that is what the activity is. */
export function readHandoffStatus(activity: Partial<Activity>): HandoffStatus | undefined {
  if (activity.type !== 'event' || activity.name !== HANDOFF_STATUS) return undefined;
  const value = activity.value as { state?: unknown; message?: unknown } | undefined;
  if (value?.state !== 'accepted' && value?.state !== 'failed' && value?.state !== 'completed')
    return undefined;
  return { state: value.state, ...(typeof value.message === 'string' ? { message: value.message } : {}) };
}
