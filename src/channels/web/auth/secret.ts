import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SECRET_FILE = 'directline-token-secret';

/**
 * The token secret: the configured one, else (development only) a random one kept under the
 * data dir so that a restart does not invalidate the tokens of open chats. In production every
 * instance must share one configured secret, so a generated per-machine file is refused.
 */
export function loadTokenSecret(options: {
  tokenSecret?: string;
  production: boolean;
  dataDir: string;
}): string {
  if (options.tokenSecret) return options.tokenSecret;
  if (options.production) {
    throw new Error(
      'web channel: DIRECT_LINE_TOKEN_SECRET is required in production (32+ characters, the same on every instance)',
    );
  }
  const file = path.join(options.dataDir, SECRET_FILE);
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(options.dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const created = readSecret(file);
  if (!created) throw new Error(`web channel: could not create the token secret file ${file}`);
  return created;
}

function readSecret(file: string): string | undefined {
  try {
    const value = readFileSync(file, 'utf8').trim();
    return value.length >= 32 ? value : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Independent keys per purpose, so the connector key reveals nothing about the signing key. */
export function deriveKey(secret: string, purpose: 'tokens' | 'connector'): Buffer {
  return createHmac('sha256', secret).update(`tulay/directline/${purpose}`).digest();
}
