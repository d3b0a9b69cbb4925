import type { Activity, ActivityHandlerBase, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import { authenticateResult } from './connector-factory.js';

/**
 * Runs customer activities through the same CloudAdapter (and middleware) as /api/messages.
 * Turns of one conversation run one after another: concurrent turns would race on the
 * conversation state's eTag and the customer would see answers out of order.
 */
export class BotBridge {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly bot: ActivityHandlerBase,
    private readonly botAppId: string | undefined,
    private readonly logger: Logger,
  ) {}

  /** Queues the turn and returns at once; the HTTP answer does not wait for the bot. */
  enqueue(activity: Partial<Activity>): void {
    const conversationId = activity.conversation?.id ?? '';
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const next = previous.then(() => this.run(activity));
    this.queues.set(conversationId, next);
    void next.finally(() => {
      if (this.queues.get(conversationId) === next) this.queues.delete(conversationId);
    });
  }

  /** Resolves when no turn is queued or running, or after `timeoutMs`. */
  async idle(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    const drained = (async () => {
      while (this.queues.size > 0) await Promise.allSettled([...this.queues.values()]);
    })();
    await Promise.race([drained, timeout]);
    clearTimeout(timer);
  }

  private async run(activity: Partial<Activity>): Promise<void> {
    const auth = authenticateResult(this.botAppId, activity.serviceUrl ?? '');
    try {
      await this.adapter.processActivityDirect(auth, activity as Activity, (context) =>
        this.bot.run(context),
      );
    } catch (err) {
      // The adapter's onTurnError already apologised to the customer when it could.
      this.logger.error(
        { err, conversationId: activity.conversation?.id, type: activity.type },
        'web channel: turn failed',
      );
    }
  }
}
