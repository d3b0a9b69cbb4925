// REST client for /agent/api (see src/handoff/API.md). The CSRF token lives only in memory.

export const API_BASE = '/agent/api';

export class ApiError extends Error {
  constructor(status, code, message, retryAfter) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

let csrfToken = null;
let onUnauthorized = () => {};

export function setCsrfToken(token) {
  csrfToken = typeof token === 'string' && token ? token : null;
}

/** Called when any call (other than login/me) answers 401: the session is gone. */
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

async function parse(res) {
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return await res.json();
  } catch {
    return null;
  }
}

async function send(method, url, body, { quiet401 = false, retriedCsrf = false } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cannot reach the server. Check your connection and try again.');
  }
  const data = await parse(res);
  if (res.ok) return data ?? {};

  const code = data?.error?.code ?? `HTTP_${res.status}`;
  const message = data?.error?.message ?? res.statusText ?? 'Request failed';
  // A stale CSRF token (e.g. the session was refreshed in another tab): fetch a fresh one once.
  if (res.status === 403 && method !== 'GET' && !retriedCsrf && url !== `${API_BASE}/login`) {
    const me = await send('GET', `${API_BASE}/me`, undefined, { quiet401: true }).catch(() => null);
    if (me?.csrfToken && me.csrfToken !== csrfToken) {
      setCsrfToken(me.csrfToken);
      return send(method, url, body, { quiet401, retriedCsrf: true });
    }
  }
  if (res.status === 401 && !quiet401) onUnauthorized();
  const retryAfter = Number(res.headers.get('retry-after')) || undefined;
  throw new ApiError(res.status, code, message, retryAfter);
}

const enc = encodeURIComponent;

export const api = {
  login: (username, password) =>
    send('POST', `${API_BASE}/login`, { username, password }, { quiet401: true }),
  logout: () => send('POST', `${API_BASE}/logout`, {}, { quiet401: true }),
  me: () => send('GET', `${API_BASE}/me`, undefined, { quiet401: true }),
  setPresence: (status) => send('PUT', `${API_BASE}/presence`, { status }),
  tickets: (states = ['queued', 'assigned', 'offline']) =>
    send('GET', `${API_BASE}/tickets?state=${states.map(enc).join(',')}`),
  ticket: (id) => send('GET', `${API_BASE}/tickets/${enc(id)}`),
  accept: (id) => send('POST', `${API_BASE}/tickets/${enc(id)}/accept`, {}),
  sendMessage: (id, text) => send('POST', `${API_BASE}/tickets/${enc(id)}/messages`, { text }),
  typing: (id) => send('POST', `${API_BASE}/tickets/${enc(id)}/typing`, {}),
  addNote: (id, text) => send('POST', `${API_BASE}/tickets/${enc(id)}/notes`, { text }),
  transfer: (id, target) => send('POST', `${API_BASE}/tickets/${enc(id)}/transfer`, target),
  resolve: (id, note) => send('POST', `${API_BASE}/tickets/${enc(id)}/resolve`, { note }),
  canned: () => send('GET', `${API_BASE}/canned`),
  agents: () => send('GET', `${API_BASE}/agents`),
  /** Outside /agent/api on purpose (API.md); the session cookie has Path=/. */
  analytics: (from, to) => send('GET', `/api/analytics?from=${enc(from)}&to=${enc(to)}`),
};
