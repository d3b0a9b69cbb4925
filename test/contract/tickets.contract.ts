import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { NewTicket, TicketStore } from '../../src/handoff/tickets/index.js';
import type { AgentStore } from '../../src/handoff/agents/ports.js';

export interface HandoffStores {
  tickets: TicketStore;
  agents: AgentStore;
  /** Writes one incoming transcript line (for countConversations). */
  transcriptIn(conversationId: string): Promise<void>;
  close(): Promise<void>;
}

const T0 = new Date('2025-03-03T01:00:00.000Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

export function newTicket(over: Partial<NewTicket> = {}): NewTicket {
  const conversationId = over.conversationId ?? `conv-${randomUUID()}`;
  return {
    id: randomUUID(),
    conversationId,
    state: 'queued',
    queue: 'billing',
    priority: 'normal',
    channel: 'webchat',
    lang: 'en',
    reference: {
      conversation: { id: conversationId, isGroup: false, conversationType: '', name: '' },
      channelId: 'webchat',
      serviceUrl: 'http://x',
    },
    summary: {
      question: 'where is my refund?',
      lang: 'en',
      channel: 'webchat',
      customer: { id: 'u1', name: 'Ana' },
      articles: [{ id: 'refund-status', title: 'Refund status', score: 0.4, confidence: 0.3 }],
      reasons: [{ code: 'explicit-request', turn: 2, score: 1 }],
      priority: 'normal',
      queue: 'billing',
      escalatedBecause: 'customer asked for a person',
    },
    at: T0,
    ...over,
  };
}

/** One contract for every TicketStore/AgentStore implementation; `open` returns fresh, empty stores. */
export function handoffStoresContract(name: string, open: () => Promise<HandoffStores>, skip = false): void {
  describe.skipIf(skip)(`ticket store contract: ${name}`, () => {
    const withStores = (fn: (s: HandoffStores) => Promise<void>) => async () => {
      const s = await open();
      try {
        await fn(s);
      } finally {
        await s.close();
      }
    };

    it(
      'creates a ticket and reads it back identically by id and by conversation',
      withStores(async ({ tickets }) => {
        const input = newTicket({ contact: undefined });
        const created = await tickets.create(input);
        expect(created).toMatchObject({
          id: input.id,
          state: 'queued',
          queue: 'billing',
          priority: 'normal',
          lang: 'en',
        });
        expect(created.createdAt).toEqual(T0);
        expect(created.queuedAt).toEqual(T0);
        expect(created.assignedAgentId).toBeUndefined();
        expect(await tickets.get(input.id)).toEqual(created);
        expect(await tickets.openFor(input.conversationId)).toEqual(created);
        expect(created.summary).toEqual(input.summary);
        expect(created.reference).toEqual(input.reference);
        expect(await tickets.get('nope')).toBeUndefined();
      }),
    );

    it(
      'allows at most one open handoff per conversation',
      withStores(async ({ tickets }) => {
        const first = await tickets.create(newTicket({ conversationId: 'c-one' }));
        await expect(tickets.create(newTicket({ conversationId: 'c-one' }))).rejects.toThrow(
          /already has an open handoff/,
        );
        await tickets.transition(first.id, { to: 'cancelled', at: at(5) });
        // Closed tickets do not count; offline tickets are not live handoffs either.
        await tickets.create(newTicket({ conversationId: 'c-one' }));
        await tickets.create(
          newTicket({ conversationId: 'c-one', state: 'offline', contact: { email: 'a@b.co' } }),
        );
        expect(await tickets.list({ conversationId: 'c-one' })).toHaveLength(3);
      }),
    );

    it(
      'lets exactly one of two concurrent claims win',
      withStores(async ({ tickets }) => {
        const t = await tickets.create(newTicket());
        const results = await Promise.allSettled([
          tickets.transition(t.id, { to: 'assigned', from: ['queued'], agentId: 'a1', at: at(10) }),
          tickets.transition(t.id, { to: 'assigned', from: ['queued'], agentId: 'a2', at: at(10) }),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        expect(won).toHaveLength(1);
        expect(results.filter((r) => r.status === 'rejected')[0]).toMatchObject({
          reason: { name: 'TicketTransitionError' },
        });
        const after = await tickets.get(t.id);
        expect(after?.state).toBe('assigned');
        expect(after?.acceptedAt).toEqual(at(10));
      }),
    );

    it(
      'treats a repeated move as a no-op and an impossible one as an error',
      withStores(async ({ tickets }) => {
        const t = await tickets.create(newTicket());
        const claim = { to: 'assigned' as const, from: ['queued' as const], agentId: 'a1', at: at(3) };
        expect((await tickets.transition(t.id, claim)).changed).toBe(true);
        expect((await tickets.transition(t.id, { ...claim, at: at(9) })).changed).toBe(false);
        const resolved = await tickets.transition(t.id, {
          to: 'resolved',
          at: at(20),
          resolutionNote: 'refund sent',
        });
        expect(resolved.ticket).toMatchObject({
          state: 'resolved',
          resolutionNote: 'refund sent',
          closedAt: at(20),
        });
        expect((await tickets.transition(t.id, { to: 'resolved', at: at(30) })).changed).toBe(false);
        await expect(tickets.transition(t.id, { to: 'queued', at: at(40) })).rejects.toThrow(
          /cannot go from resolved to queued/,
        );
        await expect(tickets.transition('missing', { to: 'cancelled', at: at(1) })).rejects.toThrow(
          /no ticket missing/,
        );
      }),
    );

    it(
      "requeues only the expected agent's ticket and resets the queue clock",
      withStores(async ({ tickets }) => {
        const t = await tickets.create(newTicket());
        await tickets.transition(t.id, { to: 'assigned', agentId: 'a1', at: at(5) });
        await expect(
          tickets.transition(t.id, { to: 'queued', from: ['assigned'], expectAgentId: 'a2', at: at(6) }),
        ).rejects.toThrow();
        const { ticket } = await tickets.transition(t.id, {
          to: 'queued',
          from: ['assigned'],
          expectAgentId: 'a1',
          queue: 'orders',
          at: at(7),
        });
        expect(ticket).toMatchObject({ state: 'queued', queue: 'orders', queuedAt: at(7) });
        expect(ticket.assignedAgentId).toBeUndefined();
        expect(ticket.acceptedAt).toBeUndefined();
        // A transfer between agents keeps the first acceptance time.
        await tickets.transition(t.id, { to: 'assigned', agentId: 'a1', at: at(9) });
        const moved = await tickets.transition(t.id, {
          to: 'assigned',
          from: ['assigned'],
          agentId: 'a3',
          at: at(12),
        });
        expect(moved.ticket).toMatchObject({ assignedAgentId: 'a3', acceptedAt: at(9) });
      }),
    );

    it(
      'turns a queued ticket into an offline one with the contact',
      withStores(async ({ tickets }) => {
        const t = await tickets.create(newTicket());
        const contact = { name: 'Ana', email: 'ana@example.com', message: 'please call me', callback: true };
        const { ticket } = await tickets.transition(t.id, { to: 'offline', at: at(60), contact });
        expect(ticket).toMatchObject({ state: 'offline', contact });
        expect(await tickets.openFor(t.conversationId)).toBeUndefined();
      }),
    );

    it(
      'lists by state, queue and agent, urgent first then oldest first',
      withStores(async ({ tickets }) => {
        const a = await tickets.create(newTicket({ at: at(1) }));
        const b = await tickets.create(newTicket({ at: at(2), priority: 'high' }));
        const c = await tickets.create(newTicket({ at: at(3), queue: 'orders' }));
        const d = await tickets.create(newTicket({ at: at(0), priority: 'low' }));
        await tickets.transition(c.id, { to: 'assigned', agentId: 'a1', at: at(4) });
        expect((await tickets.list({ states: ['queued'] })).map((t) => t.id)).toEqual([b.id, a.id, d.id]);
        expect(await Promise.all([b, a, d, c].map((t) => tickets.queuePosition(t.id)))).toEqual([
          1,
          2,
          3,
          undefined,
        ]);
        expect((await tickets.list({ queues: ['orders'] })).map((t) => t.id)).toEqual([c.id]);
        expect((await tickets.list({ agentId: 'a1' })).map((t) => t.id)).toEqual([c.id]);
        expect(await tickets.list({ states: [] })).toEqual([]);
        expect(await tickets.list({ createdFrom: at(2), createdTo: at(3) })).toHaveLength(1);
      }),
    );

    it(
      'tells a queue position change once and makes the offline offer once',
      withStores(async ({ tickets }) => {
        const t = await tickets.create(newTicket());
        expect(await tickets.markNotifiedPosition(t.id, 3)).toBe(true);
        expect(await tickets.markNotifiedPosition(t.id, 3)).toBe(false);
        expect(await tickets.markNotifiedPosition(t.id, 2)).toBe(true);
        const both = await Promise.all([
          tickets.markOfflineOffered(t.id, at(1)),
          tickets.markOfflineOffered(t.id, at(1)),
        ]);
        expect(both.filter(Boolean)).toHaveLength(1);
      }),
    );

    it(
      'records accept waits, csat, notes, and counts conversations',
      withStores(async (s) => {
        const t = await s.tickets.create(newTicket({ queue: 'tech' }));
        await s.tickets.transition(t.id, { to: 'assigned', agentId: 'a1', at: at(42) });
        expect(await s.tickets.acceptWaits('tech', 20)).toEqual([42]);
        expect(await s.tickets.acceptWaits('none', 20)).toEqual([]);
        const updated = await s.tickets.update(t.id, {
          csat: { rating: 4, comment: 'ok' },
          lastCustomerAt: at(50),
        });
        expect(updated).toMatchObject({ csat: { rating: 4, comment: 'ok' }, lastCustomerAt: at(50) });
        const note = await s.tickets.addNote({
          ticketId: t.id,
          agentId: 'a1',
          text: 'VIP <b>customer</b>',
          at: at(45),
        });
        expect(await s.tickets.notes(t.id)).toEqual([note]);
        await s.transcriptIn('x1');
        await s.transcriptIn('x1');
        await s.transcriptIn('x2');
        const now = Date.now();
        expect(await s.tickets.countConversations(new Date(now - 60_000), new Date(now + 60_000))).toBe(2);
        expect(await s.tickets.countConversations(new Date(now + 60_000), new Date(now + 120_000))).toBe(0);
      }),
    );

    it(
      'stores agents with unique case-insensitive usernames, presence and password changes',
      withStores(async ({ agents }) => {
        const base = {
          displayName: 'Maria Santos',
          queues: ['billing', 'orders'],
          role: 'agent' as const,
          passwordHash: 'h1',
          at: T0,
        };
        const maria = await agents.add({ ...base, id: 'a1', username: 'Maria' });
        expect(maria).toMatchObject({
          username: 'maria',
          queues: ['billing', 'orders'],
          presence: { status: 'away' },
        });
        await expect(agents.add({ ...base, id: 'a2', username: 'MARIA' })).rejects.toThrow(/taken/);
        expect((await agents.findByUsername('mArIa'))?.passwordHash).toBe('h1');
        const p = await agents.setPresence('a1', {
          status: 'available',
          lastSeenAt: at(5),
          connectedAt: at(4),
        });
        expect(p?.presence).toEqual({ status: 'available', lastSeenAt: at(5), connectedAt: at(4) });
        expect((await agents.setPresence('a1', { lastActiveAt: at(6) }))?.presence).toMatchObject({
          status: 'available',
          lastActiveAt: at(6),
        });
        await agents.createSession({
          tokenHash: 't1',
          agentId: 'a1',
          csrfToken: 'c',
          createdAt: T0,
          expiresAt: at(3600),
        });
        expect(await agents.getSession('t1')).toMatchObject({
          agentId: 'a1',
          csrfToken: 'c',
          expiresAt: at(3600),
        });
        expect(await agents.setPassword('maria', 'h2')).toBe(true);
        expect(await agents.getSession('t1')).toBeUndefined();
        expect(await agents.setPassword('nobody', 'h2')).toBe(false);
        await agents.createSession({
          tokenHash: 't2',
          agentId: 'a1',
          csrfToken: 'c',
          createdAt: T0,
          expiresAt: at(10),
        });
        expect(await agents.deleteExpiredSessions(at(11))).toBe(1);
        expect((await agents.list()).map((a) => a.username)).toEqual(['maria']);
        expect(await agents.remove('Maria')).toBe(true);
        expect(await agents.get('a1')).toBeUndefined();
        expect(await agents.remove('maria')).toBe(false);
      }),
    );
  });
}
