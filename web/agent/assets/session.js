// Sign-in, the console session (enter, tear down, sign out), presence and the connection status.
import { loadAgents } from './actions.js';
import { api, ApiError, setCsrfToken } from './api.js';
import { loadCanned } from './composer.js';
import { $, $$, formatDuration, replace } from './dom.js';
import { announce, toast } from './feedback.js';
import { selectTab, showView, tick } from './queue.js';
import { connectSocket } from './socket.js';
import { BASE_TITLE, errorText, presenceStatus, state } from './state.js';
import { refreshTickets, resync } from './sync.js';
import { closeWorkspace } from './workspace.js';

const ACTIVITY_PING_EVERY_MS = 30_000;

/** Where socket messages go; app.js sets it, so the dispatch stays with the rest of the wiring. */
let socketMessageHandler = () => {};
export function setSocketMessageHandler(handler) {
  socketMessageHandler = handler;
}

// ---------------------------------------------------------------- login / session

export function showLogin(info) {
  $('#boot').hidden = true;
  $('#console-view').hidden = true;
  $('#login-view').hidden = false;
  const infoEl = $('#login-info');
  infoEl.hidden = !info;
  infoEl.textContent = info ?? '';
  $('#login-error').hidden = true;
  $('#login-username').focus();
}

function showLoginError(message) {
  const el = $('#login-error');
  el.textContent = message;
  el.hidden = false;
}

export async function onLoginSubmit(event) {
  event.preventDefault();
  const username = $('#login-username').value.trim();
  const password = $('#login-password').value;
  if (!username || !password) {
    showLoginError('Enter your username and password.');
    (username ? $('#login-password') : $('#login-username')).focus();
    return;
  }
  const button = $('#login-submit');
  button.disabled = true;
  button.textContent = 'Signing in…';
  $('#login-error').hidden = true;
  try {
    const res = await api.login(username, password);
    setCsrfToken(res.csrfToken);
    const me = await api.me().catch(() => null);
    $('#login-password').value = '';
    await enterConsole({
      agent: me?.agent ?? res.agent,
      csrfToken: me?.csrfToken ?? res.csrfToken,
      presence: me?.presence ?? res.presence,
    });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      showLoginError('Wrong username or password.');
      $('#login-password').select();
      $('#login-password').focus();
    } else if (err instanceof ApiError && err.status === 429) {
      const wait = err.retryAfter ? `${formatDuration(err.retryAfter)}` : 'a minute';
      showLoginError(`Too many sign-in attempts. Wait ${wait} and try again.`);
    } else {
      showLoginError(`Could not sign in: ${errorText(err)}`);
    }
  } finally {
    button.disabled = false;
    button.textContent = 'Sign in';
  }
}

export async function enterConsole(me) {
  state.me = me.agent;
  setCsrfToken(me.csrfToken);
  setPresence(me.presence);
  $('#agent-name').textContent = state.me?.displayName || state.me?.username || '';
  $('#boot').hidden = true;
  $('#login-view').hidden = true;
  $('#console-view').hidden = false;
  showView('inbox');
  selectTab('queue', false);

  void loadCanned();
  void loadAgents();
  try {
    await refreshTickets();
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401)) toast(`Could not load tickets: ${errorText(err)}`);
  }
  if (!state.me) return; // the session ended while loading
  state.socket = connectSocket({
    onMessage: (msg) => socketMessageHandler(msg),
    onStatus: setConnectionStatus,
    onOpen: (reconnected) => {
      if (reconnected) void resync();
    },
    onUnauthorized: () => sessionEnded(),
  });
  clearInterval(state.tickTimer);
  state.tickTimer = setInterval(tick, 1000);
  $('#tab-queue').focus();
}

function teardown() {
  state.socket?.close();
  state.socket = null;
  clearInterval(state.tickTimer);
  clearTimeout(state.refetchTimer);
  clearTimeout(state.customerTypingTimer);
  state.me = null;
  state.tickets.clear();
  state.unread.clear();
  state.open = null;
  state.openSeq += 1;
  setCsrfToken(null);
  closeWorkspace();
  replace($('#ticket-list'));
  document.title = BASE_TITLE;
  for (const d of $$('dialog')) if (d.open) d.close();
}

let ending = false;
export function sessionEnded() {
  if (ending || !state.me) return;
  ending = true;
  teardown();
  showLogin('Your session has ended. Please sign in again.');
  ending = false;
}

export async function logout() {
  try {
    await api.logout();
  } catch {
    /* signing out locally anyway */
  }
  teardown();
  showLogin('You have signed out.');
}

// ---------------------------------------------------------------- presence & connection

export function setPresence(p) {
  state.presence = presenceStatus(p);
  const button = $('#presence-toggle');
  const available = state.presence === 'available';
  button.dataset.presence = state.presence;
  button.setAttribute('aria-checked', String(available));
  button.setAttribute(
    'aria-label',
    `Presence: ${available ? 'available' : 'away'}. Press to switch to ${available ? 'away' : 'available'}.`,
  );
  $('#presence-text').textContent = available ? 'Available' : 'Away';
}

export async function togglePresence() {
  const next = state.presence === 'available' ? 'away' : 'available';
  const button = $('#presence-toggle');
  button.disabled = true;
  try {
    const res = await api.setPresence(next);
    setPresence(res.presence ?? next);
    announce(`You are now ${state.presence}.`);
  } catch (err) {
    toast(`Could not change presence: ${errorText(err)}`);
  } finally {
    button.disabled = false;
    button.focus();
  }
}

const CONNECTION_TEXT = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};
function setConnectionStatus(status) {
  const el = $('#conn-status');
  el.dataset.state = status;
  el.textContent = CONNECTION_TEXT[status] ?? status;
}

export function noteActivity() {
  const now = Date.now();
  if (state.socket && now - state.lastPingAt > ACTIVITY_PING_EVERY_MS) {
    if (state.socket.send({ type: 'ping' })) state.lastPingAt = now;
  }
}
