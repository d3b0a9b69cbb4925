import pino, { type DestinationStream, type Logger } from 'pino';
import { maskDeep, maskPii } from './mask.js';

export type { Logger } from 'pino';
export { maskPii } from './mask.js';

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  /** Where lines go; tests pass a memory stream. Defaults to stdout. */
  destination?: DestinationStream;
}

/** Secrets are removed outright; personal data in text is masked (see mask.ts). */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.token',
  '*.secret',
  '*.appPassword',
  '*.MicrosoftAppPassword',
  'password',
  'token',
  'secret',
  'authorization',
];

export function createLogger(options: LoggerOptions): Logger {
  const base: pino.LoggerOptions = {
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    formatters: { log: (obj) => maskDeep(obj) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        // Mask the message string and its interpolation arguments, not only merged objects.
        const masked = args.map((a) => (typeof a === 'string' ? maskPii(a) : a)) as Parameters<typeof method>;
        method.apply(this, masked);
      },
    },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return pino(base);
}
