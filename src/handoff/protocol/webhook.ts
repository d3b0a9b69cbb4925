import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';

export interface WebhookOptions {
  url: string;
  secret: string;
  maxAttempts: number;
  initialDelayMs: number;
  timeoutMs: number;
}

export const SIGNATURE_HEADER = 'x-tulay-signature';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` — the timestamp inside the MAC stops replays. */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** For receivers (and tests): checks the MAC in constant time and the age of the timestamp. */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string,
  now = Date.now(),
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isFinite(t) || Math.abs(now / 1000 - t) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(signWebhook(secret, body, t).split('v1=')[1] ?? '', 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500;

export type WebhookOutcome =
  { ok: true; attempts: number; status: number } | { ok: false; attempts: number; status?: number };

/**
 * Posts ticket events to an external system. Retries network errors, timeouts, 408/429/5xx with
 * exponential backoff (honouring Retry-After); other 4xx mean the receiver refuses this payload,
 * so retrying would not help. Deliveries still waiting when the app stops are dropped and logged.
 */
export class WebhookSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly options: WebhookOptions,
    private readonly logger: Logger,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  async send(event: string, payload: object): Promise<WebhookOutcome> {
    const delivery = randomUUID();
    const body = JSON.stringify({ id: delivery, event, at: new Date().toISOString(), ...payload });
    let status: number | undefined;
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      let retryAfterMs: number | undefined;
      try {
        const res = await this.fetchImpl(this.options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-tulay-event': event,
            'x-tulay-delivery': delivery,
            [SIGNATURE_HEADER]: signWebhook(this.options.secret, body, Math.floor(Date.now() / 1000)),
          },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return { ok: true, attempts: attempt, status };
        if (!RETRYABLE(res.status)) {
          this.logger.warn(
            { event, delivery, status },
            'handoff webhook: refused by the receiver; not retrying',
          );
          return { ok: false, attempts: attempt, status };
        }
        const after = Number(res.headers.get('retry-after'));
        if (Number.isFinite(after) && after > 0) retryAfterMs = Math.min(after * 1000, 60_000);
      } catch (err) {
        this.logger.warn(
          { event, delivery, attempt, err: (err as Error).message },
          'handoff webhook: delivery failed',
        );
      }
      if (attempt === this.options.maxAttempts || this.stopped) break;
      const backoff = this.options.initialDelayMs * 2 ** (attempt - 1) * (1 + Math.random() * 0.2);
      if (!(await this.sleep(retryAfterMs ?? backoff))) break;
    }
    this.logger.error({ event, delivery, status }, 'handoff webhook: giving up');
    return { ok: false, attempts: this.options.maxAttempts, ...(status ? { status } : {}) };
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** Resolves false when the sender stopped while waiting. */
  private sleep(ms: number): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve(!this.stopped);
      }, ms);
      this.timers.add(timer);
    });
  }
}
