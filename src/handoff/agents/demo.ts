import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { hashPassword, randomPassword } from './password.js';
import type { AgentStore } from './ports.js';

/**
 * Development only: with no agents at all, creates an admin `demo` agent with a random password
 * and prints the login once, so the console can be tried without the CLI. Never a fixed password.
 */
export async function ensureDemoAgent(agents: AgentStore, logger: Logger): Promise<boolean> {
  if ((await agents.list()).length > 0) return false;
  const password = randomPassword();
  await agents.add({
    id: randomUUID(),
    username: 'demo',
    displayName: 'Demo Agent',
    queues: ['*'],
    role: 'admin',
    passwordHash: await hashPassword(password),
    at: new Date(),
  });
  // The one log line that carries a credential, by design: development only, random, shown once.
  logger.warn(
    `handoff: development demo agent created; log in at /agent as "demo" with password ${password}`,
  );
  return true;
}
