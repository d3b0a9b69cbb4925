import { z } from 'zod';
import { LANGS } from '../../knowledge/types.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const interval = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'use "HH:MM-HH:MM", e.g. "09:00-18:00"')
  .refine((s) => s.slice(0, 5) < s.slice(6), 'an interval must end after it starts');

/** Opening hours in a time zone: per weekday, intervals of local time; holidays are local dates. */
export const scheduleSchema = z.object({
  timeZone: z.string().refine(validTimeZone, 'unknown IANA time zone'),
  week: z.partialRecord(z.enum(WEEKDAYS), z.array(interval)),
  holidays: z.array(z.iso.date()).default([]),
});
export type Schedule = z.infer<typeof scheduleSchema>;
const hours = z.union([z.literal('always'), scheduleSchema]);
export type Hours = z.infer<typeof hours>;

const queue = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'queue ids are short lowercase slugs'),
  /** Employee queues (Teams, audience internal). */
  internal: z.boolean().default(false),
});

const DEFAULT_QUEUES = [
  { id: 'general' },
  { id: 'billing' },
  { id: 'orders' },
  { id: 'tech' },
  { id: 'it', internal: true },
  { id: 'hr', internal: true },
  { id: 'finance', internal: true },
];

const canned = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  text: z.string().min(1),
  lang: z.enum(LANGS),
});

/** Everything the handoff feature can be told; every field has a working default. */
export const handoffOptionsSchema = z.object({
  queues: z.array(queue).min(1).prefault(DEFAULT_QUEUES),
  defaultQueue: z.string().default('general'),
  /** Internal queue when an employee's topic has no article with a queue. */
  defaultInternalQueue: z.string().default('it'),
  businessHours: z
    .object({ default: hours.default('always'), queues: z.record(z.string(), hours).default({}) })
    .prefault({}),
  agentIdleMinutes: z.number().positive().default(10),
  requeueGraceSeconds: z.number().positive().default(60),
  maxWaitMinutes: z.number().positive().default(15),
  /** A queued customer silent this long has left. */
  abandonAfterMinutes: z.number().positive().default(120),
  /** Promised answer time for offline tickets, counted from the next opening. */
  offlineAnswerHours: z.number().positive().default(24),
  etaDefaultSeconds: z.number().positive().default(180),
  etaSamples: z.number().int().positive().default(20),
  heartbeatSeconds: z.number().positive().default(15),
  sweepSeconds: z.number().positive().default(5),
  sessionHours: z.number().positive().default(12),
  loginMaxFailures: z.number().int().positive().default(5),
  loginWindowSeconds: z.number().positive().default(60),
  /** Channels whose connector takes `handoff.initiate` (a contact centre behind it). Never msteams. */
  protocolChannels: z.array(z.string()).default([]),
  webhook: z
    .object({
      url: z.url(),
      secret: z.string().min(16, 'use a secret of at least 16 characters'),
      maxAttempts: z.number().int().min(1).max(20).default(6),
      initialDelayMs: z.number().int().positive().default(500),
      timeoutMs: z.number().int().positive().default(5000),
    })
    .optional(),
  /** Development only: creates an admin `demo` agent with a random password when there are no agents. */
  demoAgent: z.boolean().optional(),
  /** Folder of the agent console UI, served at /agent. */
  webRoot: z.string().default('web/agent'),
  cannedReplies: z.array(canned).optional(),
  eventBus: z.enum(['auto', 'memory', 'postgres']).default('auto'),
});

export type HandoffOptions = z.infer<typeof handoffOptionsSchema>;
export type HandoffOptionsInput = z.input<typeof handoffOptionsSchema>;

/** Parses options; the error names the option, like config errors name the variable. */
export function parseHandoffOptions(input: HandoffOptionsInput = {}): HandoffOptions {
  const parsed = handoffOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`handoff options: ${issue?.path.join('.') || 'options'}: ${issue?.message ?? 'invalid'}`);
  }
  const o = parsed.data;
  const ids = new Set(o.queues.map((q) => q.id));
  for (const q of [o.defaultQueue, o.defaultInternalQueue, ...Object.keys(o.businessHours.queues)]) {
    if (!ids.has(q))
      throw new Error(`handoff options: queue "${q}" is not in queues (${[...ids].join(', ')})`);
  }
  // A live console must beat at least twice within the grace period, or a connected agent would look gone.
  if (o.heartbeatSeconds * 2 >= o.requeueGraceSeconds) o.heartbeatSeconds = o.requeueGraceSeconds / 3;
  return o;
}
