import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './errors.js';
import { featureConfig, type FeatureConfig } from './features.js';
import { envSchema, type Env } from './schema.js';

export type { Env } from './schema.js';

/** Typed, validated configuration. The only place in Tulay that reads `process.env`. */
export interface Config extends FeatureConfig {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  publicUrl: string | undefined;
  allowAnonymousPublic: boolean;
  log: { level: Env['LOG_LEVEL']; pretty: boolean };
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
  dataDir: string;
  storage: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
  knowledge: {
    path: string;
    thresholdsFile: string;
    hotReload: boolean;
    /** A word-vector file or npm package for the classifier (KB_WORD_VECTORS); off when undefined. */
    wordVectors: string | undefined;
  };
  bot: {
    appId: string | undefined;
    appPassword: string | undefined;
    appType: Env['MicrosoftAppType'];
    tenantId: string | undefined;
  };
}

export { ConfigError };

/** Parses an environment into a Config; throws ConfigError with one line naming the variable. */
export function parseConfig(env: Record<string, string | undefined>, isTty = false): Config {
  // `NAME=` in .env (as in .env.example) means "not set": the default applies.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    const value = issue && typeof env[name] === 'string' ? ` (got "${env[name]}")` : '';
    throw new ConfigError(`config: ${name}: ${issue?.message ?? 'invalid'}${value}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppId && !e.MicrosoftAppTenantId) {
    throw new ConfigError('config: MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
  }
  if (e.MicrosoftAppId && !e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new ConfigError('config: MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  return {
    ...featureConfig(e),
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    allowAnonymousPublic: e.ALLOW_ANONYMOUS_PUBLIC,
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY ?? (isTty && e.NODE_ENV !== 'production') },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    dataDir,
    storage: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', path: path.resolve(e.SQLITE_PATH ?? path.join(dataDir, 'tulay.db')) },
    knowledge: {
      path: path.resolve(e.KB_PATH),
      thresholdsFile: path.resolve(e.KB_THRESHOLDS_FILE ?? path.join(dataDir, 'kb-thresholds.json')),
      hotReload: e.KB_HOT_RELOAD ?? e.NODE_ENV === 'development',
      wordVectors: e.KB_WORD_VECTORS,
    },
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
    },
  };
}

/** Reads `.env` (if present) into the process environment, then parses it. */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env, Boolean(process.stdout.isTTY));
}
