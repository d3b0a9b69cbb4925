import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics on a registry per app instance, so tests can run several side by side. */
export interface Metrics {
  registry: Registry;
  turns: Counter<'channel'>;
  turnSeconds: Histogram<'channel'>;
  errors: Counter<'where'>;
  httpRequests: Counter<'route' | 'status'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'tulay_' });
  return {
    registry,
    turns: new Counter({
      name: 'tulay_turns_total',
      help: 'Bot turns processed',
      labelNames: ['channel'],
      registers: [registry],
    }),
    turnSeconds: new Histogram({
      name: 'tulay_turn_duration_seconds',
      help: 'Bot turn latency',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'tulay_errors_total',
      help: 'Errors by where they happened',
      labelNames: ['where'],
      registers: [registry],
    }),
    httpRequests: new Counter({
      name: 'tulay_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['route', 'status'],
      registers: [registry],
    }),
  };
}
