import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { hashPassword, randomPassword } from './password.js';
import type { AgentStore } from './ports.js';

/**
 * Development only: with no agents at all, creates an admin `demo` agent with a random password,
 * so the console can be tried without the CLI. Never a fixed password, and never in the log (logs
 * get shipped and kept): the login goes to `credentialsFile`, readable by its owner only.
 */
export async function ensureDemoAgent(
  agents: AgentStore,
  logger: Logger,
  credentialsFile: string,
): Promise<boolean> {
  if ((await agents.list()).length > 0) return false;
  const password = randomPassword();
  await mkdir(path.dirname(credentialsFile), { recursive: true });
  await writeFile(credentialsFile, `username: demo\npassword: ${password}\n`, { mode: 0o600 });
  await agents.add({
    id: randomUUID(),
    username: 'demo',
    displayName: 'Demo Agent',
    queues: ['*'],
    role: 'admin',
    passwordHash: await hashPassword(password),
    at: new Date(),
  });
  logger.warn(
    { credentialsFile },
    `handoff: development demo agent created; log in at /agent with the login in ${credentialsFile}`,
  );
  return true;
}
