import { AppError } from '../../../errors/index.js';

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_KEYS = 50_000;

/**
 * Token bucket per key, in memory: each instance limits what it serves. Full buckets carry no
 * information, so they are dropped when the map grows.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`, or throws TOO_MANY_REQUESTS with the seconds to wait. */
  take(key: string, where: string): void {
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
      this.buckets.set(key, bucket);
      throw new AppError('TOO_MANY_REQUESTS', `${where}: too many requests; retry in ${retryAfter} s`, {
        retryAfterSeconds: retryAfter,
      });
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_KEYS) this.prune(now, ratePerMs);
  }

  private prune(now: number, ratePerMs: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * ratePerMs >= this.burst) this.buckets.delete(key);
    }
  }
}
