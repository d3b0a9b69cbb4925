import type { AgentRecord } from '../agents/ports.js';
import { effectivePresence, type EffectivePresence } from '../availability/index.js';
import type { LocalConnections } from './connections.js';
import type { HandoffDeps } from './deps.js';
import type { TicketEvents } from './events.js';

export interface PresenceView {
  status: EffectivePresence;
  lastActiveAt?: string;
}

/** Agents' presence: chosen status, console heartbeats, idle agents going away by themselves. */
export class PresenceKeeper {
  private readonly lastTouch = new Map<string, number>();

  constructor(
    private readonly deps: HandoffDeps,
    private readonly events: TicketEvents,
    private readonly connections: LocalConnections,
  ) {}

  view(agent: AgentRecord): PresenceView {
    const status = effectivePresence(agent, this.deps.clock.now(), this.deps.options.heartbeatSeconds);
    return {
      status,
      ...(agent.presence.lastActiveAt ? { lastActiveAt: agent.presence.lastActiveAt.toISOString() } : {}),
    };
  }

  async set(agentId: string, status: 'available' | 'away'): Promise<PresenceView | undefined> {
    const now = this.deps.clock.now();
    const agent = await this.deps.agents.setPresence(agentId, { status, lastActiveAt: now });
    return agent && this.announce(agent);
  }

  /** Anything the agent does counts as activity; written at most every 5 s per agent. */
  async touch(agentId: string): Promise<void> {
    const now = this.deps.clock.now();
    if (now.getTime() - (this.lastTouch.get(agentId) ?? 0) < 5000) return;
    this.lastTouch.set(agentId, now.getTime());
    await this.deps.agents.setPresence(agentId, { lastActiveAt: now });
  }

  async connected(agentId: string): Promise<PresenceView | undefined> {
    const now = this.deps.clock.now();
    const agent = await this.deps.agents.setPresence(agentId, {
      connectedAt: now,
      lastSeenAt: now,
      lastActiveAt: now,
    });
    return agent && this.announce(agent);
  }

  /** Last console here closed: seen until now; the requeue grace counts from this moment. */
  async disconnected(agentId: string): Promise<void> {
    await this.deps.agents.setPresence(agentId, { lastSeenAt: this.deps.clock.now() });
    await this.events.publish({ type: 'presence', agentId, presence: { status: 'offline' } });
  }

  /** Heartbeat for every agent connected here, then idle agents go away. */
  async beat(): Promise<void> {
    const now = this.deps.clock.now();
    const idleMs = this.deps.options.agentIdleMinutes * 60_000;
    for (const id of this.connections.agentIds()) {
      const agent = await this.deps.agents.setPresence(id, { lastSeenAt: now });
      const lastActive = agent?.presence.lastActiveAt?.getTime() ?? 0;
      if (agent?.presence.status === 'available' && now.getTime() - lastActive > idleMs) {
        this.deps.logger.info({ agentId: id }, 'handoff: agent idle, now away');
        const away = await this.deps.agents.setPresence(id, { status: 'away' });
        if (away) await this.announce(away);
      }
    }
  }

  private async announce(agent: AgentRecord): Promise<PresenceView> {
    const view = this.view(agent);
    await this.events.publish({ type: 'presence', agentId: agent.id, presence: view });
    return view;
  }
}
