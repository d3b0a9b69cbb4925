/** Agents with a console WebSocket open on this instance (the hub adds and removes them). */
export class LocalConnections<S = unknown> {
  private readonly byAgent = new Map<string, Set<S>>();

  add(agentId: string, socket: S): void {
    let set = this.byAgent.get(agentId);
    if (!set) this.byAgent.set(agentId, (set = new Set()));
    set.add(socket);
  }

  /** True when that was the agent's last connection here. */
  remove(agentId: string, socket: S): boolean {
    const set = this.byAgent.get(agentId);
    set?.delete(socket);
    if (set && set.size === 0) this.byAgent.delete(agentId);
    return !this.byAgent.has(agentId);
  }

  has(agentId: string): boolean {
    return this.byAgent.has(agentId);
  }

  agentIds(): string[] {
    return [...this.byAgent.keys()];
  }

  sockets(agentId?: string): S[] {
    if (agentId) return [...(this.byAgent.get(agentId) ?? [])];
    return [...this.byAgent.values()].flatMap((s) => [...s]);
  }
}
