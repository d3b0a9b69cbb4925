import { z } from 'zod';
import { AppError } from '../../errors/index.js';
import type { AgentDesk } from '../service/desk.js';
import type { PresenceKeeper } from '../service/presence.js';
import { TICKET_STATES_FOR_AGENTS, type TicketState } from '../tickets/index.js';
import { param, parseBody, query, type ConsoleRouter } from './http.js';

const text = (max: number) => z.object({ text: z.string().trim().min(1).max(max) });
const transferBody = z.union([
  z.object({ queue: z.string().min(1).max(32) }).strict(),
  z.object({ agentId: z.string().min(1).max(100) }).strict(),
]);
const resolveBody = z.object({ note: z.string().trim().max(4000).optional() });

function states(raw: string | undefined): TicketState[] {
  if (!raw) return ['queued', 'assigned', 'offline'];
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((s) => !(TICKET_STATES_FOR_AGENTS as readonly string[]).includes(s));
  if (bad) throw new AppError('BAD_REQUEST', `tickets: unknown state "${bad}"`);
  return list as TicketState[];
}

/** /agent/api/tickets… (API.md). Every call counts as the agent's activity (idle-away). */
export function ticketRoutes(router: ConsoleRouter, desk: AgentDesk, presence: PresenceKeeper): void {
  const active = (agentId: string) => presence.touch(agentId);

  router.get('/agent/api/tickets', async (req, _res, { agent }) => {
    await active(agent.id);
    return { tickets: await desk.list(agent, states(query(req, 'state')), query(req, 'mine') === '1') };
  });

  router.get('/agent/api/tickets/:id', async (req, _res, { agent }) => {
    await active(agent.id);
    return desk.detail(agent, param(req, 'id'));
  });

  router.post('/agent/api/tickets/:id/accept', async (req, _res, { agent }) => {
    await active(agent.id);
    return { ticket: await desk.accept(agent, param(req, 'id')) };
  });

  router.post('/agent/api/tickets/:id/messages', async (req, _res, { agent }) => {
    const body = parseBody(text(4000), req.body, 'messages');
    await active(agent.id);
    return { message: await desk.send(agent, param(req, 'id'), body.text) };
  });

  router.post('/agent/api/tickets/:id/typing', async (req, _res, { agent }) => {
    await active(agent.id);
    await desk.typing(agent, param(req, 'id'));
    return { ok: true };
  });

  router.post('/agent/api/tickets/:id/notes', async (req, _res, { agent }) => {
    const body = parseBody(text(4000), req.body, 'notes');
    await active(agent.id);
    return { note: await desk.note(agent, param(req, 'id'), body.text) };
  });

  router.post('/agent/api/tickets/:id/transfer', async (req, _res, { agent }) => {
    const target = parseBody(transferBody, req.body, 'transfer');
    await active(agent.id);
    return { ticket: await desk.transfer(agent, param(req, 'id'), target) };
  });

  router.post('/agent/api/tickets/:id/resolve', async (req, _res, { agent }) => {
    const body = parseBody(resolveBody, req.body, 'resolve');
    await active(agent.id);
    return { ticket: await desk.resolve(agent, param(req, 'id'), body.note || undefined) };
  });
}
