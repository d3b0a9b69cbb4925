import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';
import { forwardsInitiate, HANDOFF_INITIATE } from '../protocol/index.js';
import { HANDOFF_ENTITY } from '../relay/index.js';

type SendHandler = (
  context: TurnContext,
  activities: Partial<Activity>[],
  next: () => Promise<ResourceResponse[]>,
) => Promise<ResourceResponse[]>;

/**
 * Watches what the bot sends on every turn (proactive ones included):
 * - `handoff.initiate` reaches only channels configured for it (Teams answers 400; Web Chat and
 *   Direct Line have no contact centre behind them unless configured);
 * - the handoff marker entity is taken off what goes to the channel and put back afterwards, so
 *   TranscriptMiddleware (which runs before this one and saves after sending) still records it.
 */
export function outgoingHandler(protocolChannels: readonly string[]): SendHandler {
  return async (context, activities, next) => {
    const channel = context.activity.channelId;
    for (let i = activities.length - 1; i >= 0; i--) {
      const a = activities[i];
      if (
        a?.type === 'event' &&
        a.name === HANDOFF_INITIATE &&
        !forwardsInitiate(channel, protocolChannels)
      ) {
        // In place: the array is shared with the other send handlers, so the event is never logged either.
        activities.splice(i, 1);
      }
    }
    if (activities.length === 0) return [];
    const saved = activities.map((a) => a.entities);
    for (const a of activities) {
      if (!a.entities?.some((e) => e.type === HANDOFF_ENTITY)) continue;
      const rest = a.entities.filter((e) => e.type !== HANDOFF_ENTITY);
      if (rest.length > 0) a.entities = rest;
      else delete a.entities;
    }
    try {
      return await next();
    } finally {
      activities.forEach((a, i) => {
        if (saved[i]) a.entities = saved[i];
      });
    }
  };
}
