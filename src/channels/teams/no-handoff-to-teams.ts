import {
  HandoffEventNames,
  type Activity,
  type Middleware,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { TEAMS_CHANNEL_ID } from './activity.js';

function isHandoffToTeams(context: TurnContext, activity: Partial<Activity>): boolean {
  const channel = activity.channelId ?? context.activity.channelId;
  return (
    channel === TEAMS_CHANNEL_ID &&
    activity.type === 'event' &&
    activity.name === HandoffEventNames.InitiateHandoff
  );
}

/**
 * Drops outgoing `handoff.initiate` events on Teams: the Teams service answers 400 to event
 * activities, which would fail the whole turn. The handoff itself is driven by Tulay's own
 * queue; the event only informs channels with a built-in agent hub, and Teams has none.
 */
export class NoHandoffEventToTeams implements Middleware {
  constructor(private readonly logger?: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (ctx, activities, sendNext) => {
      const dropped = activities.map((a) => isHandoffToTeams(ctx, a));
      if (!dropped.includes(true)) return sendNext();
      this.logger?.debug(
        { conversationId: ctx.activity.conversation?.id },
        'teams: handoff.initiate not sent (Teams rejects event activities)',
      );
      // Filtered in place: TurnContext hands this very array to the adapter after the last handler.
      const kept = activities.filter((_, i) => !dropped[i]);
      activities.splice(0, activities.length, ...kept);
      const sent: ResourceResponse[] = kept.length > 0 ? await sendNext() : [];
      // One response per activity the caller passed, so sendActivities callers keep their indices.
      let k = 0;
      return dropped.map((wasDropped) => (wasDropped ? { id: '' } : (sent[k++] ?? { id: '' })));
    });
    await next();
  }
}
