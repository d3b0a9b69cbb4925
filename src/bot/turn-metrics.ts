import type { Middleware, TurnContext } from 'botbuilder';
import type { Metrics } from '../metrics/index.js';

/** Counts turns and their latency, and how many are in flight (graceful shutdown waits for them). */
export class TurnMetricsMiddleware implements Middleware {
  private active = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly metrics: Metrics) {}

  get inFlight(): number {
    return this.active;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const channel = context.activity.channelId ?? 'unknown';
    const stop = this.metrics.turnSeconds.startTimer({ channel });
    this.active++;
    try {
      await next();
    } finally {
      this.active--;
      stop();
      this.metrics.turns.inc({ channel });
      if (this.active === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Resolves when no turn is running, or after `timeoutMs`. */
  whenIdle(timeoutMs: number): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
