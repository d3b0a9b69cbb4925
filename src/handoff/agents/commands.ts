import { randomUUID } from 'node:crypto';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.js';
import { AGENT_ROLES, type AgentRole, type AgentStore } from './ports.js';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/i;

export class CliError extends Error {
  override name = 'CliError';
}

function checkPassword(password: string): string {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw new CliError(`agents: the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  return password;
}

export interface AddInput {
  username: string;
  name: string;
  queues: string[];
  role: string;
  password: string;
}

/** The CLI's operations, separate from argument parsing and prompts so they can be tested. */
export async function addAgent(store: AgentStore, input: AddInput): Promise<string> {
  if (!USERNAME.test(input.username))
    throw new CliError('agents: username: 2–40 letters, digits, ".", "_" or "-"');
  if (!input.name.trim()) throw new CliError('agents: --name is required');
  if (input.queues.length === 0) throw new CliError('agents: --queues needs at least one queue (or "*")');
  if (!(AGENT_ROLES as readonly string[]).includes(input.role))
    throw new CliError(`agents: --role must be ${AGENT_ROLES.join(' or ')}`);
  const agent = await store.add({
    id: randomUUID(),
    username: input.username,
    displayName: input.name.trim(),
    queues: input.queues,
    role: input.role as AgentRole,
    passwordHash: await hashPassword(checkPassword(input.password)),
    at: new Date(),
  });
  return `added ${agent.username} (${agent.displayName}, ${agent.role}) for queues ${agent.queues.join(', ')}`;
}

export async function listAgents(store: AgentStore): Promise<string> {
  const agents = await store.list();
  if (agents.length === 0) return 'no agents';
  return agents
    .map((a) =>
      [a.username.padEnd(20), a.role.padEnd(6), a.displayName.padEnd(24), a.queues.join(',')].join('  '),
    )
    .join('\n');
}

export async function removeAgent(store: AgentStore, username: string): Promise<string> {
  if (!(await store.remove(username))) throw new CliError(`agents: no agent "${username}"`);
  return `removed ${username}; their open tickets return to the queue after the grace period`;
}

export async function changePassword(store: AgentStore, username: string, password: string): Promise<string> {
  if (!(await store.setPassword(username, await hashPassword(checkPassword(password)))))
    throw new CliError(`agents: no agent "${username}"`);
  return `password changed for ${username}; their sessions were ended`;
}
