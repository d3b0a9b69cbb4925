import path from 'node:path';
import type { EmbeddingProviderOptions } from '../knowledge/providers/schema.js';
import { ConfigError } from './errors.js';
import type { FeatureEnv } from './features-schema.js';

/** Drops undefined values so a feature's own defaults apply. */
function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface FeatureConfig {
  signals: { threshold?: number; unresolvedTurns?: number };
  /** Input of the handoff feature's options schema (validated by it). */
  handoff: Record<string, unknown>;
  /** Input of the web channel's options schema (validated by it). */
  web: Record<string, unknown>;
  teams: { tenantIds: string[] };
  /**
   * Input of createEmbeddingProvider for the KB's vector search; undefined for the offline
   * hashed n-gram embeddings (EMBEDDINGS_PROVIDER=hashed, the default).
   */
  embeddings: EmbeddingProviderOptions | undefined;
}

/** The provider EMBEDDINGS_PROVIDER selects, with its variables; a missing one is named. */
export function embeddingsConfig(e: FeatureEnv): EmbeddingProviderOptions | undefined {
  const kind = e.EMBEDDINGS_PROVIDER;
  const required = (name: keyof FeatureEnv): string => {
    const value = e[name];
    if (typeof value !== 'string')
      throw new ConfigError(`config: ${name}: required when EMBEDDINGS_PROVIDER is ${kind}`);
    return value;
  };
  switch (kind) {
    case 'hashed':
      return undefined;
    case 'openai':
      return {
        kind,
        apiKey: required('OPENAI_API_KEY'),
        ...defined({ model: e.OPENAI_EMBEDDINGS_MODEL, baseUrl: e.OPENAI_BASE_URL }),
      };
    case 'azure-openai':
      return {
        kind,
        apiKey: required('AZURE_OPENAI_API_KEY'),
        endpoint: required('AZURE_OPENAI_ENDPOINT'),
        deployment: required('AZURE_OPENAI_DEPLOYMENT'),
        ...defined({ apiVersion: e.AZURE_OPENAI_API_VERSION }),
      };
    case 'onnx':
      return {
        kind,
        modelDir: path.resolve(required('ONNX_MODEL_DIR')),
        ...defined({ dtype: e.ONNX_DTYPE }),
      };
  }
}

export function featureConfig(e: FeatureEnv): FeatureConfig {
  const webhook =
    e.HANDOFF_WEBHOOK_URL || e.HANDOFF_WEBHOOK_SECRET
      ? { url: e.HANDOFF_WEBHOOK_URL, secret: e.HANDOFF_WEBHOOK_SECRET }
      : undefined;
  return {
    signals: defined({ threshold: e.SIGNALS_THRESHOLD, unresolvedTurns: e.SIGNALS_UNRESOLVED_TURNS }),
    handoff: defined({
      queues: e.HANDOFF_QUEUES?.map((q) => {
        const [id = '', flag] = q.split(':');
        return { id, internal: flag === 'internal' };
      }),
      defaultQueue: e.HANDOFF_DEFAULT_QUEUE,
      defaultInternalQueue: e.HANDOFF_INTERNAL_QUEUE,
      businessHours: e.HANDOFF_HOURS,
      agentIdleMinutes: e.HANDOFF_AGENT_IDLE_MINUTES,
      requeueGraceSeconds: e.HANDOFF_REQUEUE_GRACE_SECONDS,
      maxWaitMinutes: e.HANDOFF_MAX_WAIT_MINUTES,
      abandonAfterMinutes: e.HANDOFF_ABANDON_AFTER_MINUTES,
      offlineAnswerHours: e.HANDOFF_OFFLINE_ANSWER_HOURS,
      protocolChannels: e.HANDOFF_PROTOCOL_CHANNELS,
      webhook,
      demoAgent: e.HANDOFF_DEMO_AGENT,
      eventBus: e.HANDOFF_EVENT_BUS,
      sessionHours: e.AGENT_SESSION_HOURS,
    }),
    web: defined({
      botName: e.BOT_NAME,
      tokenSecret: e.DIRECT_LINE_TOKEN_SECRET,
      tokenTtlSeconds: e.DIRECT_LINE_TOKEN_TTL_SECONDS,
      rateLimitPerMinute: e.DIRECT_LINE_RATE_LIMIT_PER_MINUTE,
      rateLimitBurst: e.DIRECT_LINE_RATE_LIMIT_BURST,
      pollsPerMinute: e.DIRECT_LINE_POLLS_PER_MINUTE,
      tokensPerMinutePerIp: e.DIRECT_LINE_TOKENS_PER_MINUTE_PER_IP,
      maxActivityBytes: e.DIRECT_LINE_MAX_ACTIVITY_BYTES,
      directLineSecret: e.DIRECT_LINE_SECRET,
      directLineEndpoint: e.DIRECT_LINE_ENDPOINT,
      allowedOrigins: e.WEB_ALLOWED_ORIGINS,
      trustProxy: e.TRUST_PROXY,
    }),
    teams: { tenantIds: e.TEAMS_TENANT_IDS ?? [] },
    embeddings: embeddingsConfig(e),
  };
}
