import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { TranscriptStore } from '../storage/index.js';

/**
 * Writes every activity in and out to the TranscriptStore, awaited — unlike botbuilder's
 * TranscriptLoggerMiddleware, which logs fire-and-forget and could lose or reorder entries.
 * A failed write is logged and does not break the customer's turn.
 */
export class TranscriptMiddleware implements Middleware {
  constructor(
    private readonly store: TranscriptStore,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId) return next();
    await this.save(conversationId, 'in', context.activity);
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      const responses = await sendNext();
      for (const a of activities) {
        // Typing indicators and delays are transport noise, not conversation.
        if (a.type === 'typing' || a.type === 'delay') continue;
        await this.save(conversationId, 'out', { ...a, timestamp: a.timestamp ?? new Date() });
      }
      return responses;
    });
    await next();
  }

  private async save(
    conversationId: string,
    direction: 'in' | 'out',
    activity: Partial<Activity>,
  ): Promise<void> {
    try {
      await this.store.append(
        conversationId,
        direction,
        JSON.parse(JSON.stringify(activity)) as Partial<Activity>,
      );
    } catch (err) {
      this.logger.error({ err, conversationId, direction }, 'transcript: append failed');
    }
  }
}
