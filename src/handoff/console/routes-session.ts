import { z } from 'zod';
import type { PresenceKeeper } from '../service/presence.js';
import { agentView, type ConsoleAuth } from './auth.js';
import { parseBody, type ConsoleRouter } from './http.js';

const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
});
const presenceBody = z.object({ status: z.enum(['available', 'away']) });

/** login, logout, me, presence (API.md). */
export function sessionRoutes(router: ConsoleRouter, auth: ConsoleAuth, presence: PresenceKeeper): void {
  router.open('post', '/agent/api/login', async (req, res) => {
    const body = parseBody(loginBody, req.body, 'login');
    const ip = req.socket.remoteAddress ?? 'unknown';
    try {
      const { agent, session, cookie } = await auth.login(ip, body.username, body.password);
      res.setHeader('set-cookie', cookie);
      return { agent: agentView(agent), csrfToken: session.csrfToken };
    } catch (err) {
      const wait = (err as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds;
      if (wait) res.setHeader('retry-after', String(wait));
      throw err;
    }
  });

  router.post('/agent/api/logout', async (req, res) => {
    res.setHeader('set-cookie', await auth.logout(req.headers));
    return { ok: true };
  });

  router.get('/agent/api/me', (_req, _res, { agent, session }) =>
    Promise.resolve({
      agent: agentView(agent),
      csrfToken: session.csrfToken,
      presence: presence.view(agent),
    }),
  );

  router.put('/agent/api/presence', async (req, _res, { agent }) => {
    const { status } = parseBody(presenceBody, req.body, 'presence');
    return { presence: await presence.set(agent.id, status) };
  });
}
