import type { AgentRecord } from '../agents/ports.js';

export type EffectivePresence = 'available' | 'away' | 'offline';

/** How fresh a console heartbeat must be for the agent to count as connected. */
export function liveWindowMs(heartbeatSeconds: number): number {
  return heartbeatSeconds * 2.5 * 1000;
}

export function isConnected(agent: AgentRecord, now: Date, heartbeatSeconds: number): boolean {
  const seen = agent.presence.lastSeenAt?.getTime();
  return seen !== undefined && now.getTime() - seen <= liveWindowMs(heartbeatSeconds);
}

/** What consoles and the availability check see: a chosen status only counts while connected. */
export function effectivePresence(
  agent: AgentRecord,
  now: Date,
  heartbeatSeconds: number,
): EffectivePresence {
  return isConnected(agent, now, heartbeatSeconds) ? agent.presence.status : 'offline';
}

export function serves(agent: Pick<AgentRecord, 'queues' | 'role'>, queue: string): boolean {
  return agent.role === 'admin' || agent.queues.includes('*') || agent.queues.includes(queue);
}
