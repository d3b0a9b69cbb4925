import { z } from 'zod';
import { bool, optionalString, port, positiveInt } from './env-types.js';
import { featureEnvSchema } from './features-schema.js';

/**
 * Every environment variable Tulay reads. Names of the Bot Framework variables follow
 * the Azure Bot Service convention so that existing deployment templates work unchanged.
 */
export const envSchema = featureEnvSchema.extend({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3978),
  PUBLIC_URL: z.url().optional(),
  ALLOW_ANONYMOUS_PUBLIC: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.optional(),
  BODY_LIMIT_BYTES: positiveInt.default(256 * 1024),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),

  DATA_DIR: z.string().min(1).default('./data'),
  SQLITE_PATH: optionalString,
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),

  KB_PATH: z.string().min(1).default('./knowledge-base'),
  KB_THRESHOLDS_FILE: optionalString,
  KB_HOT_RELOAD: bool.optional(),
  KB_WORD_VECTORS: optionalString,

  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optionalString,
});

export type Env = z.infer<typeof envSchema>;
