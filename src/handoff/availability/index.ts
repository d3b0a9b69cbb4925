import type { AgentRecord, AgentStore } from '../agents/ports.js';
import type { HandoffOptions, Hours } from '../feature/options.js';
import { isOpen, nextOpen } from './business-hours.js';
import type { Clock } from './clock.js';
import { effectivePresence, serves } from './presence.js';

export { isOpen, nextOpen, answerBy } from './business-hours.js';
export { systemClock, type Clock } from './clock.js';
export { effectivePresence, isConnected, liveWindowMs, serves, type EffectivePresence } from './presence.js';
export { estimateWaitSeconds, median } from './eta.js';
export { localTime, zonedInstant } from './zoned.js';

export type Availability =
  | { ok: true; agents: AgentRecord[] }
  | { ok: false; reason: 'closed'; nextOpen?: Date }
  | { ok: false; reason: 'no-agents' };

/** Can a person come for this queue now? Business hours first, then connected available agents. */
export class AvailabilityCheck {
  constructor(
    private readonly agents: AgentStore,
    private readonly options: HandoffOptions,
    private readonly clock: Clock,
  ) {}

  hoursFor(queue: string): Hours {
    return this.options.businessHours.queues[queue] ?? this.options.businessHours.default;
  }

  async availableAgents(queue: string): Promise<AgentRecord[]> {
    const now = this.clock.now();
    return (await this.agents.list()).filter(
      (a) => serves(a, queue) && effectivePresence(a, now, this.options.heartbeatSeconds) === 'available',
    );
  }

  async check(queue: string): Promise<Availability> {
    const now = this.clock.now();
    const hours = this.hoursFor(queue);
    if (!isOpen(hours, now)) {
      const next = nextOpen(hours, now);
      return next ? { ok: false, reason: 'closed', nextOpen: next } : { ok: false, reason: 'closed' };
    }
    const agents = await this.availableAgents(queue);
    return agents.length > 0 ? { ok: true, agents } : { ok: false, reason: 'no-agents' };
  }
}
