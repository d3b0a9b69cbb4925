import { z } from 'zod';
import { ONNX_DTYPES } from '../knowledge/providers/schema.js';
import { bool, httpUrl, json, list, optionalString, positive, positiveInt } from './env-types.js';

/**
 * Variables of the features (signals, handoff, web channel, Teams, embeddings). The features
 * validate the values' meaning again when the app is created, so bad options fail at startup.
 */
export const featureEnvSchema = z.object({
  SIGNALS_THRESHOLD: positive.optional(),
  SIGNALS_UNRESOLVED_TURNS: positiveInt.optional(),

  /** Queue ids, comma separated; `:internal` marks employee queues, e.g. "general,billing,it:internal". */
  HANDOFF_QUEUES: list,
  HANDOFF_DEFAULT_QUEUE: optionalString,
  HANDOFF_INTERNAL_QUEUE: optionalString,
  HANDOFF_HOURS: json,
  HANDOFF_AGENT_IDLE_MINUTES: positive.optional(),
  HANDOFF_REQUEUE_GRACE_SECONDS: positive.optional(),
  HANDOFF_MAX_WAIT_MINUTES: positive.optional(),
  HANDOFF_ABANDON_AFTER_MINUTES: positive.optional(),
  HANDOFF_OFFLINE_ANSWER_HOURS: positive.optional(),
  HANDOFF_PROTOCOL_CHANNELS: list,
  HANDOFF_WEBHOOK_URL: optionalString.pipe(z.url().optional()),
  HANDOFF_WEBHOOK_SECRET: optionalString,
  HANDOFF_DEMO_AGENT: bool.optional(),
  HANDOFF_EVENT_BUS: z.enum(['auto', 'memory', 'postgres']).default('auto'),
  AGENT_SESSION_HOURS: positive.optional(),

  BOT_NAME: optionalString,
  DIRECT_LINE_TOKEN_SECRET: optionalString,
  DIRECT_LINE_TOKEN_TTL_SECONDS: positiveInt.optional(),
  DIRECT_LINE_RATE_LIMIT_PER_MINUTE: positiveInt.optional(),
  DIRECT_LINE_RATE_LIMIT_BURST: positiveInt.optional(),
  DIRECT_LINE_POLLS_PER_MINUTE: positiveInt.optional(),
  DIRECT_LINE_TOKENS_PER_MINUTE_PER_IP: positiveInt.optional(),
  DIRECT_LINE_MAX_ACTIVITY_BYTES: positiveInt.optional(),
  DIRECT_LINE_SECRET: optionalString,
  DIRECT_LINE_ENDPOINT: optionalString.pipe(z.url().optional()),
  WEB_ALLOWED_ORIGINS: list,
  TRUST_PROXY: bool.default(false),

  /** Tenants whose Teams users are employees (internal articles); empty = any tenant. */
  TEAMS_TENANT_IDS: list,

  /** Dense half of the KB index: offline hashed n-grams, or a provider (its variables below). */
  EMBEDDINGS_PROVIDER: z.enum(['hashed', 'openai', 'azure-openai', 'onnx']).default('hashed'),
  OPENAI_API_KEY: optionalString,
  OPENAI_EMBEDDINGS_MODEL: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(httpUrl.optional()),
  AZURE_OPENAI_API_KEY: optionalString,
  AZURE_OPENAI_ENDPOINT: optionalString.pipe(httpUrl.optional()),
  AZURE_OPENAI_DEPLOYMENT: optionalString,
  AZURE_OPENAI_API_VERSION: optionalString,
  ONNX_MODEL_DIR: optionalString,
  ONNX_DTYPE: z.enum(ONNX_DTYPES).optional(),
});

export type FeatureEnv = z.infer<typeof featureEnvSchema>;
