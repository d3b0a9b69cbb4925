import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { PluginContext } from '../../app.js';

/** web/ at the project root: three levels up from src/channels/web (and from dist/channels/web). */
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web', import.meta.url));

export const webChannelOptionsSchema = z.object({
  /** HS256 secret for Direct Line tokens; required in production, generated in development. */
  tokenSecret: z.string().min(32, 'must be at least 32 characters').optional(),
  tokenTtlSeconds: z.number().int().min(60).max(86_400).default(1800),
  /** Activities a token may post per minute, with this much burst. */
  rateLimitPerMinute: z.number().int().positive().default(30),
  rateLimitBurst: z.number().int().positive().default(10),
  /** Polling GETs a token may make per minute (DirectLineJS polls every second by default). */
  pollsPerMinute: z.number().int().positive().default(600),
  /** Tokens one client IP may obtain per minute. */
  tokensPerMinutePerIp: z.number().int().positive().default(20),
  maxActivityBytes: z
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024)
    .default(32 * 1024),
  /** Azure Direct Line secret: when set, /api/directline/token exchanges it for a token. */
  directLineSecret: z.string().min(1).optional(),
  directLineEndpoint: z.url().default('https://directline.botframework.com/v3/directline'),
  dataDir: z.string().min(1),
  production: z.boolean().default(false),
  /** Public base URL (behind a proxy or load balancer); else taken from requests and `start()`. */
  publicUrl: z.url().optional(),
  botAppId: z.string().optional(),
  botName: z.string().min(1).default('Tulay'),
  /** Origins allowed to call the token and Direct Line endpoints from the browser; '*' = any. */
  allowedOrigins: z.array(z.string().min(1)).min(1).default(['*']),
  /** Use the first X-Forwarded-For address as the client IP (only behind a trusted proxy). */
  trustProxy: z.boolean().default(false),
  webRoot: z.string().min(1).default(DEFAULT_WEB_ROOT),
});

export type WebChannelOptions = z.output<typeof webChannelOptionsSchema>;
export type WebChannelOptionsInput = Partial<z.input<typeof webChannelOptionsSchema>>;

/** Fills what the app config already knows, validates, and names the bad option on failure. */
export function resolveOptions(ctx: PluginContext, input: WebChannelOptionsInput): WebChannelOptions {
  const parsed = webChannelOptionsSchema.safeParse({
    dataDir: ctx.config.dataDir,
    production: ctx.config.env === 'production',
    publicUrl: ctx.config.publicUrl,
    botAppId: ctx.config.bot.appId,
    ...stripUndefined(input),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`web channel: option ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
