// Tulay agent console: login, presence, live queue, chat, notes, transfer, resolve, analytics.
// Contract: src/handoff/API.md. DOM is built with createElement/textContent only (see dom.js).
import { armAlertsOnFirstGesture, beep, notify } from './alerts.js';
import { loadAnalytics } from './analytics.js';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from './api.js';
import { $, $$, formatDuration, h, langName, replace } from './dom.js';
import {
  plainText,
  priorityBadge,
  renderContact,
  renderEvidence,
  renderMessage,
  tagBadge,
} from './render.js';
import { connectSocket } from './socket.js';

const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 };
const LISTED_STATES = new Set(['queued', 'assigned', 'offline']);
const TYPING_SEND_EVERY_MS = 3000;
const TYPING_SHOW_MS = 6000;
const ACTIVITY_PING_EVERY_MS = 30_000;
const BASE_TITLE = 'Tulay · Agent console';

const state = {
  me: null,
  presence: 'away',
  /** id → { ticket, receivedAt } for queued, assigned and offline tickets */
  tickets: new Map(),
  unread: new Map(),
  tab: 'queue',
  view: 'inbox',
  /** the ticket in the workspace: { id, ticket, ids: Set of transcript item ids, noteIds } */
  open: null,
  openSeq: 0,
  canned: [],
  agents: [],
  socket: null,
  tickTimer: null,
  refetchTimer: null,
  lastTypingSentAt: 0,
  customerTypingTimer: null,
  lastPingAt: 0,
};

// ---------------------------------------------------------------- small UI helpers

function toast(message, kind = 'error') {
  const el = h('div', { class: `toast toast-${kind}` }, h('span', { text: message }));
  const close = h('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss', text: '×' });
  close.addEventListener('click', () => el.remove());
  el.append(close);
  $('#toasts').append(el);
  setTimeout(() => el.remove(), kind === 'error' ? 8000 : 5000);
}

function announce(message) {
  const region = $('#announcer');
  region.textContent = '';
  // A fresh text node in a later task makes screen readers read repeated messages too.
  setTimeout(() => {
    region.textContent = message;
  }, 30);
}

const errorText = (err) => (err instanceof ApiError || err instanceof Error ? err.message : String(err));
const customerName = (t) => t?.summary?.customer?.name || t?.contact?.name || 'Customer';
const ticketQuestion = (t) => t?.summary?.question || t?.contact?.message || '';
const isMine = (t) => t?.state === 'assigned' && t.assignedAgentId === state.me?.id;

function presenceStatus(p) {
  const s = typeof p === 'string' ? p : p?.status;
  return s === 'available' ? 'available' : 'away';
}

/** Other agents can also be "offline" (no console open). */
function presenceLabel(p) {
  const s = typeof p === 'string' ? p : p?.status;
  return s === 'available' || s === 'offline' ? s : 'away';
}

// ---------------------------------------------------------------- login / session

function showLogin(info) {
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

async function onLoginSubmit(event) {
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

async function enterConsole(me) {
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
    onMessage: handleSocketMessage,
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
function sessionEnded() {
  if (ending || !state.me) return;
  ending = true;
  teardown();
  showLogin('Your session has ended. Please sign in again.');
  ending = false;
}

async function logout() {
  try {
    await api.logout();
  } catch {
    /* signing out locally anyway */
  }
  teardown();
  showLogin('You have signed out.');
}

// ---------------------------------------------------------------- presence & connection

function setPresence(p) {
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

async function togglePresence() {
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

function noteActivity() {
  const now = Date.now();
  if (state.socket && now - state.lastPingAt > ACTIVITY_PING_EVERY_MS) {
    if (state.socket.send({ type: 'ping' })) state.lastPingAt = now;
  }
}

// ---------------------------------------------------------------- tickets state

function sortTickets(list) {
  return list.sort(
    (a, b) =>
      (PRIORITY_RANK[a.priority] ?? 9) - (PRIORITY_RANK[b.priority] ?? 9) ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
      String(a.id).localeCompare(String(b.id)),
  );
}

function upsertTicket(ticket) {
  if (LISTED_STATES.has(ticket.state)) state.tickets.set(ticket.id, { ticket, receivedAt: Date.now() });
  else {
    state.tickets.delete(ticket.id);
    state.unread.delete(ticket.id);
  }
}

async function refreshTickets({ alertNew = false } = {}) {
  const { tickets = [] } = await api.tickets();
  const before = new Map([...state.tickets].map(([id, v]) => [id, v.ticket]));
  state.tickets.clear();
  for (const t of tickets) upsertTicket(t);
  if (alertNew) {
    for (const t of tickets)
      if (t.state === 'queued' && before.get(t.id)?.state !== 'queued') alertNewTicket(t);
  }
  renderLists();
  if (state.open) {
    const fresh = state.tickets.get(state.open.id)?.ticket;
    if (fresh) applyOpenTicket(fresh);
  }
}

/** After a dropped socket: refetch the lists and the open ticket, since events may have been missed. */
async function resync() {
  try {
    await refreshTickets({ alertNew: true });
    if (state.open) await reloadOpenTicket();
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401))
      toast(`Could not refresh tickets: ${errorText(err)}`);
  }
}

/** Positions and waiting times are the server's; refetch shortly after the queue changes. */
function scheduleRefetch() {
  clearTimeout(state.refetchTimer);
  state.refetchTimer = setTimeout(() => {
    if (state.me) refreshTickets().catch(() => {});
  }, 400);
}

function handleSocketMessage(msg) {
  switch (msg.type) {
    case 'hello':
      if (msg.agent) state.me = { ...state.me, ...msg.agent };
      if (msg.presence !== undefined) setPresence(msg.presence);
      break;
    case 'ticket':
      if (msg.ticket?.id) onTicketEvent(msg.ticket);
      break;
    case 'message':
      if (msg.ticketId && msg.message) onMessageEvent(msg.ticketId, msg.message);
      break;
    case 'typing':
      if (msg.from === 'customer' && state.open?.id === msg.ticketId) showCustomerTyping();
      break;
    case 'presence':
      // "offline" for ourselves is an older console of ours closing; this one is connected.
      if (msg.agentId === state.me?.id && presenceLabel(msg.presence) !== 'offline')
        setPresence(msg.presence);
      for (const a of state.agents) if (a.id === msg.agentId) a.presence = msg.presence;
      break;
    default:
      break;
  }
}

function onTicketEvent(ticket) {
  const prev =
    state.tickets.get(ticket.id)?.ticket ?? (state.open?.id === ticket.id ? state.open.ticket : undefined);
  upsertTicket(ticket);

  if (ticket.state === 'queued' && prev?.state !== 'queued' && prev?.assignedAgentId !== state.me?.id) {
    alertNewTicket(ticket);
  } else if (isMine(ticket) && prev && !isMine(prev) && prev.state === 'assigned') {
    announce(`${customerName(ticket)} was transferred to you.`);
    notify('Conversation transferred to you', ticketQuestion(ticket), ticket.id, () => openTicket(ticket.id));
  }
  if ((prev?.state === 'queued') !== (ticket.state === 'queued')) scheduleRefetch();

  renderLists();
  if (state.open?.id === ticket.id) applyOpenTicket(ticket, prev);
}

function alertNewTicket(ticket) {
  const text = `New ${ticket.priority === 'urgent' || ticket.priority === 'high' ? `${ticket.priority} priority ` : ''}conversation in ${ticket.queue}: ${customerName(ticket)}`;
  announce(text);
  if (state.presence !== 'available') return;
  beep();
  notify(text, ticketQuestion(ticket), `tulay-${ticket.id}`, () => {
    showView('inbox');
    selectTab('queue', false);
    void openTicket(ticket.id);
  });
}

function onMessageEvent(ticketId, message) {
  if (state.open?.id === ticketId) {
    addTranscriptItem(message, true);
    if (message.from === 'customer') hideCustomerTyping();
    if (document.hidden && message.from === 'customer')
      notify(`Message from ${customerName(state.open.ticket)}`, plainText(message), `tulay-msg-${ticketId}`);
    return;
  }
  const entry = state.tickets.get(ticketId);
  if (entry && isMine(entry.ticket) && message.from === 'customer') {
    state.unread.set(ticketId, (state.unread.get(ticketId) ?? 0) + 1);
    renderLists();
    announce(`New message from ${customerName(entry.ticket)}.`);
    notify(`Message from ${customerName(entry.ticket)}`, plainText(message), `tulay-msg-${ticketId}`, () =>
      openTicket(ticketId),
    );
  }
}

// ---------------------------------------------------------------- lists

function listFor(tab) {
  const all = [...state.tickets.values()].map((v) => v.ticket);
  if (tab === 'queue') return sortTickets(all.filter((t) => t.state === 'queued'));
  if (tab === 'mine') return sortTickets(all.filter(isMine));
  return all
    .filter((t) => t.state === 'offline')
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

function waitingSeconds(id) {
  const entry = state.tickets.get(id);
  if (!entry) return 0;
  const base =
    typeof entry.ticket.waitingSeconds === 'number'
      ? entry.ticket.waitingSeconds
      : (Date.now() - Date.parse(entry.ticket.createdAt)) / 1000;
  return base + (Date.now() - entry.receivedAt) / 1000;
}

function chattingSeconds(ticket) {
  const since = Date.parse(ticket.acceptedAt ?? ticket.createdAt);
  return Number.isNaN(since) ? 0 : Math.max(0, (Date.now() - since) / 1000);
}

function renderTicketCard(ticket, tab) {
  const id = ticket.id;
  const selected = state.open?.id === id;
  const unread = state.unread.get(id) ?? 0;
  const queued = ticket.state === 'queued';
  const question = ticketQuestion(ticket);
  const badges = h(
    'div',
    { class: 'badges' },
    priorityBadge(ticket.priority),
    tagBadge(ticket.queue, 'Queue'),
    tagBadge(langName(ticket.summary?.lang), 'Language'),
    tagBadge(ticket.channel ?? ticket.summary?.channel ?? '—', 'Channel'),
    unread ? h('span', { class: 'badge badge-unread', text: `${unread} new` }) : null,
  );
  let meta;
  if (tab === 'offline') {
    const c = ticket.contact ?? {};
    meta = h(
      'div',
      { class: 'ticket-meta' },
      h('span', { text: c.callback ? 'Call back' : 'Message' }),
      c.email ? h('span', { dir: 'auto', text: c.email }) : null,
      c.phone ? h('span', { dir: 'auto', text: c.phone }) : null,
    );
  } else if (queued) {
    meta = h(
      'div',
      { class: 'ticket-meta' },
      h('span', {
        class: 'wait',
        dataset: { wait: id },
        'aria-label': 'Waiting time',
        text: `Waiting ${formatDuration(waitingSeconds(id))}`,
      }),
      typeof ticket.position === 'number'
        ? h('span', { class: 'position', text: `#${ticket.position} in queue` })
        : null,
    );
  } else {
    meta = h(
      'div',
      { class: 'ticket-meta' },
      h('span', {
        class: 'wait',
        dataset: { chat: id },
        text: `In chat ${formatDuration(chattingSeconds(ticket))}`,
      }),
    );
  }

  const open = h(
    'button',
    {
      type: 'button',
      class: 'ticket-open',
      dataset: { action: 'open', id },
      'aria-current': selected ? 'true' : null,
    },
    badges,
    h('span', { class: 'ticket-customer', dir: 'auto', text: customerName(ticket) }),
    question ? h('span', { class: 'ticket-question', dir: 'auto', text: question }) : null,
    meta,
  );
  return h(
    'li',
    {
      class: `ticket-card prio-edge-${ticket.priority}${selected ? ' is-selected' : ''}`,
      dataset: { id, state: ticket.state },
    },
    open,
    queued
      ? h('button', {
          type: 'button',
          class: 'btn btn-primary btn-small ticket-accept',
          dataset: { action: 'accept', id },
          'aria-label': `Accept conversation with ${customerName(ticket)}`,
          text: 'Accept',
        })
      : null,
  );
}

function renderLists() {
  const counts = {
    queue: listFor('queue').length,
    mine: listFor('mine').length,
    offline: listFor('offline').length,
  };
  for (const [tab, n] of Object.entries(counts)) $(`#count-${tab}`).textContent = String(n);
  document.title = counts.queue ? `(${counts.queue}) ${BASE_TITLE}` : BASE_TITLE;

  const listEl = $('#ticket-list');
  const active = document.activeElement;
  const focusKey = active && listEl.contains(active) ? `${active.dataset.action}:${active.dataset.id}` : null;

  const tickets = listFor(state.tab);
  replace(
    listEl,
    tickets.map((t) => renderTicketCard(t, state.tab)),
  );
  const empty = $('#list-empty');
  empty.hidden = tickets.length > 0;
  empty.textContent =
    state.tab === 'queue'
      ? 'Nobody is waiting. New conversations appear here as they come in.'
      : state.tab === 'mine'
        ? 'You have no open chats.'
        : 'No offline requests.';

  if (focusKey) {
    const [action, id] = focusKey.split(':');
    const again = $$('[data-action]', listEl).find(
      (el) => el.dataset.action === action && el.dataset.id === id,
    );
    (again ?? $(`#tab-${state.tab}`)).focus();
  }
}

function tick() {
  for (const el of $$('[data-wait]'))
    el.textContent = `Waiting ${formatDuration(waitingSeconds(el.dataset.wait))}`;
  for (const el of $$('[data-chat]')) {
    const t = state.tickets.get(el.dataset.chat)?.ticket;
    if (t) el.textContent = `In chat ${formatDuration(chattingSeconds(t))}`;
  }
}

function selectTab(tab, focus = true) {
  state.tab = tab;
  for (const el of $$('[role="tab"]')) {
    const on = el.dataset.tab === tab;
    el.setAttribute('aria-selected', String(on));
    el.tabIndex = on ? 0 : -1;
    if (on && focus) el.focus();
  }
  $('#list-panel').setAttribute('aria-labelledby', `tab-${tab}`);
  renderLists();
}

function showView(view) {
  state.view = view;
  for (const el of $$('.nav-btn')) {
    if (el.dataset.view === view) el.setAttribute('aria-current', 'page');
    else el.removeAttribute('aria-current');
  }
  $('#inbox-view').hidden = view !== 'inbox';
  $('#analytics-view').hidden = view !== 'analytics';
  if (view === 'analytics') void loadAnalytics($('input[name="period"]:checked')?.value ?? 'today');
}

// ---------------------------------------------------------------- workspace (one open ticket)

function closeWorkspace() {
  $('#chat').hidden = true;
  $('#context').hidden = true;
  $('#workspace-empty').hidden = false;
  $('#inbox-view').classList.remove('has-ticket');
  replace($('#chat-log'));
  replace($('#transcript'));
  replace($('#notes'));
  replace($('#evidence'));
  hideCustomerTyping();
}

async function openTicket(id) {
  const seq = ++state.openSeq;
  const cached = state.tickets.get(id)?.ticket;
  state.open = { id, ticket: cached ?? null, ids: new Set(), transcriptIds: new Set(), noteIds: new Set() };
  state.unread.delete(id);
  renderLists();
  $('#workspace-empty').hidden = true;
  $('#chat').hidden = false;
  $('#context').hidden = false;
  $('#inbox-view').classList.add('has-ticket');
  replace($('#chat-log'));
  replace($('#transcript'));
  replace($('#notes'));
  replace($('#evidence'), h('p', { class: 'muted', text: 'Loading…' }));
  hideCustomerTyping();
  $('#chat-banner').hidden = true;
  if (cached) applyOpenTicket(cached);
  try {
    const data = await api.ticket(id);
    if (seq !== state.openSeq) return;
    fillOpenTicket(data);
  } catch (err) {
    if (seq !== state.openSeq) return;
    replace(
      $('#evidence'),
      h('p', { class: 'form-error', text: `Could not load this ticket: ${errorText(err)}` }),
    );
  }
}

async function reloadOpenTicket() {
  if (!state.open) return;
  const seq = state.openSeq;
  const data = await api.ticket(state.open.id);
  if (seq !== state.openSeq) return;
  fillOpenTicket(data);
}

function fillOpenTicket({ ticket, transcript = [], notes = [] }) {
  const open = state.open;
  applyOpenTicket(ticket, open.ticket ?? undefined);
  for (const item of transcript) addTranscriptItem(item, false);
  for (const note of notes) addNote(note);
  updateChatEmpty();
}

/** Is this transcript line part of the live chat (said after the handoff started)? */
function isLiveLine(item, ticket) {
  const at = Date.parse(item.at);
  const since = Date.parse(ticket?.createdAt);
  return Number.isNaN(at) || Number.isNaN(since) || at >= since || item.from === 'agent';
}

function addTranscriptItem(item, live) {
  const open = state.open;
  if (!open || !item) return;
  const key = item.id ?? `${item.at}|${item.from}|${item.text}`;
  if (!open.transcriptIds.has(key)) {
    open.transcriptIds.add(key);
    $('#transcript').append(renderMessage(item, { compact: true }));
    scrollToEnd($('#transcript'));
  }
  if ((live || isLiveLine(item, open.ticket)) && !open.ids.has(key)) {
    open.ids.add(key);
    $('#chat-log').append(renderMessage(item));
    scrollToEnd($('#chat-log'));
    updateChatEmpty();
  }
}

/** Scrolls the full transcript to the customer's line of a handoff reason and marks it briefly. */
function showTurn(turn) {
  const line = $(`#transcript [data-turn="${CSS.escape(turn)}"]`);
  if (!line) return announce(`Turn ${turn} is not in the transcript.`);
  for (const old of $$('#transcript .msg-highlight')) old.classList.remove('msg-highlight');
  line.classList.add('msg-highlight');
  line.scrollIntoView({ block: 'center', behavior: 'smooth' });
  line.focus({ preventScroll: true });
  setTimeout(() => line.classList.remove('msg-highlight'), 4000);
}

function updateChatEmpty() {
  $('#chat-log').dataset.empty = String($('#chat-log').childElementCount === 0);
}

function scrollToEnd(el) {
  el.scrollTop = el.scrollHeight;
}

const STATE_TEXT = {
  queued: 'Waiting',
  assigned: 'In chat',
  resolved: 'Resolved',
  cancelled: 'Cancelled',
  abandoned: 'Abandoned',
  offline: 'Offline request',
};

function applyOpenTicket(ticket, prev) {
  const open = state.open;
  if (!open || !ticket) return;
  open.ticket = ticket;
  const mine = isMine(ticket);

  $('#chat-customer').textContent = customerName(ticket);
  replace(
    $('#chat-badges'),
    priorityBadge(ticket.priority),
    tagBadge(ticket.queue, 'Queue'),
    tagBadge(langName(ticket.summary?.lang), 'Language'),
    tagBadge(ticket.channel ?? ticket.summary?.channel ?? '—', 'Channel'),
    h('span', {
      class: `badge badge-state state-${ticket.state}`,
      text: STATE_TEXT[ticket.state] ?? ticket.state,
    }),
  );
  const evidence = renderEvidence(ticket);
  const contact = renderContact(ticket.contact);
  replace(
    $('#evidence'),
    contact ? [h('h3', { class: 'sub-title', text: 'Contact details' }), contact] : null,
    evidence,
    ticket.resolutionNote
      ? [
          h('h3', { class: 'sub-title', text: 'Resolution note' }),
          h('p', { dir: 'auto', class: 'pre', text: ticket.resolutionNote }),
        ]
      : null,
    ticket.csat
      ? h('p', {
          class: 'muted',
          text: `CSAT ${ticket.csat.rating}/5${ticket.csat.comment ? ` — ${ticket.csat.comment}` : ''}`,
        })
      : null,
  );

  $('#accept-bar').hidden = ticket.state !== 'queued';
  $('#composer').hidden = !mine;
  $('#btn-transfer').hidden = !mine;
  $('#btn-resolve').hidden = !(mine || ticket.state === 'offline');

  let banner = '';
  if (open.transferredTo && (ticket.state === 'queued' || (ticket.state === 'assigned' && !mine))) {
    banner = `Transferred to ${open.transferredTo}.`;
  } else if (ticket.state === 'assigned' && !mine) {
    banner =
      prev && prev.state === 'queued'
        ? 'Another agent took this conversation.'
        : 'Another agent is handling this conversation.';
  } else if (ticket.state === 'resolved')
    banner = 'Resolved. The bot is back with the customer and will ask whether the problem is solved.';
  else if (ticket.state === 'cancelled') banner = 'The customer cancelled the request for a person.';
  else if (ticket.state === 'abandoned') banner = 'The customer left before the conversation was finished.';
  else if (ticket.state === 'offline')
    banner = 'The customer asked to be contacted later. Use the contact details, then resolve with a note.';
  setBanner(banner);
  if (!mine) hideCustomerTyping();
  for (const el of $$('.ticket-card')) {
    const on = el.dataset.id === ticket.id;
    el.classList.toggle('is-selected', on);
    const btn = $('.ticket-open', el);
    if (on) btn?.setAttribute('aria-current', 'true');
    else btn?.removeAttribute('aria-current');
  }
}

function setBanner(text) {
  const el = $('#chat-banner');
  el.textContent = text;
  el.hidden = !text;
}

async function acceptTicket(id) {
  const buttons = $$('[data-action="accept"]').filter((b) => b.dataset.id === id);
  if (state.open?.id === id) buttons.push($('#btn-accept'));
  for (const b of buttons) b.disabled = true;
  try {
    const { ticket } = await api.accept(id);
    if (state.open?.id !== id) await openTicket(id);
    onTicketEvent(ticket);
    announce(`You are now chatting with ${customerName(ticket)}.`);
    $('#composer-input').focus();
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      const msg = 'Another agent took this conversation.';
      toast(msg, 'info');
      if (state.open?.id === id) setBanner(msg);
      state.tickets.delete(id);
      renderLists();
      scheduleRefetch();
    } else {
      toast(`Could not accept: ${errorText(err)}`);
    }
  } finally {
    for (const b of buttons) if (b.isConnected) b.disabled = false;
  }
}

// ---------------------------------------------------------------- chat composer & typing

async function sendReply(event) {
  event.preventDefault();
  const open = state.open;
  const input = $('#composer-input');
  const text = input.value.trim();
  if (!open || !text) return;
  const button = $('#composer-send');
  button.disabled = true;
  // Cleared at once so the agent can keep typing; put back if the message could not be sent.
  input.value = '';
  try {
    const { message } = await api.sendMessage(open.id, text);
    state.lastTypingSentAt = 0;
    if (state.open?.id === open.id && message) addTranscriptItem(message, true);
  } catch (err) {
    if (state.open?.id === open.id && !input.value.trim()) input.value = text;
    toast(`Message not sent: ${errorText(err)}`);
  } finally {
    button.disabled = false;
    input.focus();
  }
}

function onComposerKeydown(event) {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    $('#composer').requestSubmit();
  }
}

function onComposerInput() {
  const open = state.open;
  if (!open || !isMine(open.ticket) || !$('#composer-input').value.trim()) return;
  const now = Date.now();
  if (now - state.lastTypingSentAt < TYPING_SEND_EVERY_MS) return;
  state.lastTypingSentAt = now;
  api.typing(open.id).catch(() => {});
}

function showCustomerTyping() {
  $('#typing-indicator').textContent = 'Customer is typing…';
  clearTimeout(state.customerTypingTimer);
  state.customerTypingTimer = setTimeout(hideCustomerTyping, TYPING_SHOW_MS);
}

function hideCustomerTyping() {
  clearTimeout(state.customerTypingTimer);
  $('#typing-indicator').textContent = '';
}

// ---------------------------------------------------------------- canned replies

async function loadCanned() {
  try {
    const { replies = [] } = await api.canned();
    state.canned = replies;
  } catch {
    state.canned = [];
  }
}

function renderCanned() {
  const filter = $('#canned-filter').value.trim().toLowerCase();
  const lang = state.open?.ticket?.summary?.lang;
  const replies = state.canned
    .filter((r) => !filter || `${r.title} ${r.text}`.toLowerCase().includes(filter))
    .sort(
      (a, b) =>
        Number(b.lang === lang) - Number(a.lang === lang) || String(a.title).localeCompare(String(b.title)),
    );
  replace(
    $('#canned-list'),
    replies.length
      ? replies.map((r) =>
          h(
            'li',
            null,
            h(
              'button',
              { type: 'button', class: 'canned-item', dataset: { canned: r.id } },
              h('span', { class: 'canned-title', dir: 'auto', text: r.title }),
              r.lang ? h('span', { class: 'badge', text: r.lang }) : null,
              h('span', { class: 'canned-text', dir: 'auto', text: r.text }),
            ),
          ),
        )
      : h('li', { class: 'muted', text: state.canned.length ? 'No reply matches.' : 'No canned replies.' }),
  );
}

function toggleCanned(force) {
  const panel = $('#canned-panel');
  const show = force ?? panel.hidden;
  panel.hidden = !show;
  $('#canned-toggle').setAttribute('aria-expanded', String(show));
  if (show) {
    $('#canned-filter').value = '';
    renderCanned();
    $('#canned-filter').focus();
  }
}

function insertCanned(id) {
  const reply = state.canned.find((r) => String(r.id) === id);
  if (!reply) return;
  const input = $('#composer-input');
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? input.value.length;
  const before = input.value.slice(0, start);
  const sep = before && !/\s$/.test(before) ? ' ' : '';
  input.value = `${before}${sep}${reply.text}${input.value.slice(end)}`;
  const caret = before.length + sep.length + reply.text.length;
  toggleCanned(false);
  input.focus();
  input.setSelectionRange(caret, caret);
  onComposerInput();
}

// ---------------------------------------------------------------- notes

function agentName(id) {
  if (id === state.me?.id) return 'You';
  return state.agents.find((a) => a.id === id)?.displayName ?? 'Agent';
}

function addNote(note) {
  const open = state.open;
  if (!open || !note || open.noteIds.has(note.id)) return;
  open.noteIds.add(note.id);
  $('#notes').append(
    h(
      'li',
      { class: 'note' },
      h(
        'div',
        { class: 'msg-meta' },
        h('span', { class: 'msg-from', text: agentName(note.agentId) }),
        h('time', { datetime: note.at, text: new Date(note.at).toLocaleString() }),
      ),
      h('p', { class: 'msg-text', dir: 'auto', text: note.text }),
    ),
  );
}

async function submitNote(event) {
  event.preventDefault();
  const open = state.open;
  const input = $('#note-input');
  const text = input.value.trim();
  if (!open || !text) return;
  try {
    const { note } = await api.addNote(open.id, text);
    input.value = '';
    if (state.open?.id === open.id) addNote(note);
  } catch (err) {
    toast(`Note not saved: ${errorText(err)}`);
  }
}

// ---------------------------------------------------------------- transfer & resolve

async function loadAgents() {
  try {
    const { agents = [] } = await api.agents();
    state.agents = agents;
  } catch {
    /* transfer to an agent will list nobody */
  }
}

function showFormError(id, message) {
  const el = $(id);
  el.textContent = message ?? '';
  el.hidden = !message;
}

async function openTransfer() {
  const ticket = state.open?.ticket;
  if (!ticket) return;
  await loadAgents();
  const queues = new Set([
    ...(state.me?.queues ?? []),
    ...state.agents.flatMap((a) => a.queues ?? []),
    ...[...state.tickets.values()].map((v) => v.ticket.queue),
  ]);
  queues.delete(ticket.queue);
  queues.delete('*');
  const sorted = [...queues].filter(Boolean).sort();
  replace(
    $('#transfer-queues'),
    sorted.map((q) => h('option', { value: q })),
  );
  $('#transfer-queue').value = '';
  const agentSelect = $('#transfer-agent');
  const others = state.agents.filter((a) => a.id !== state.me?.id);
  replace(
    agentSelect,
    others.length
      ? others.map((a) =>
          h('option', { value: a.id, text: `${a.displayName} — ${presenceLabel(a.presence)}` }),
        )
      : h('option', { value: '', text: 'No other agent' }),
  );
  showFormError('#transfer-error', '');
  $('#transfer-dialog').showModal();
}

function syncTransferKind() {
  const kind = $('input[name="transfer-kind"]:checked').value;
  $('#transfer-queue-field').hidden = kind !== 'queue';
  $('#transfer-agent-field').hidden = kind !== 'agent';
}

async function submitTransfer(event) {
  event.preventDefault();
  const open = state.open;
  if (!open) return;
  const kind = $('input[name="transfer-kind"]:checked').value;
  const value = (kind === 'queue' ? $('#transfer-queue').value : $('#transfer-agent').value).trim();
  if (!value) {
    showFormError('#transfer-error', kind === 'queue' ? 'Choose a queue.' : 'Choose an agent.');
    return;
  }
  try {
    const { ticket } = await api.transfer(open.id, kind === 'queue' ? { queue: value } : { agentId: value });
    $('#transfer-dialog').close();
    const target = kind === 'queue' ? `the ${value} queue` : agentName(value);
    if (state.open?.id === open.id) state.open.transferredTo = target;
    onTicketEvent(ticket);
    toast(`Transferred to ${target}.`, 'info');
    announce(`Transferred to ${target}.`);
  } catch (err) {
    showFormError('#transfer-error', errorText(err));
  }
}

function openResolve() {
  if (!state.open) return;
  $('#resolve-note').value = '';
  showFormError('#resolve-error', '');
  $('#resolve-dialog').showModal();
  $('#resolve-note').focus();
}

async function submitResolve(event) {
  event.preventDefault();
  const open = state.open;
  const note = $('#resolve-note').value.trim();
  if (!open) return;
  if (!note) {
    showFormError('#resolve-error', 'Write a short resolution note.');
    $('#resolve-note').focus();
    return;
  }
  try {
    const { ticket } = await api.resolve(open.id, note);
    $('#resolve-dialog').close();
    onTicketEvent(ticket);
    announce('Conversation resolved.');
    $('#workspace').focus();
  } catch (err) {
    showFormError('#resolve-error', errorText(err));
  }
}

// ---------------------------------------------------------------- wiring

function onTabKeydown(event) {
  const tabs = $$('[role="tab"]');
  const i = tabs.indexOf(event.target);
  if (i < 0) return;
  let next = null;
  if (event.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length];
  else if (event.key === 'ArrowLeft') next = tabs[(i - 1 + tabs.length) % tabs.length];
  else if (event.key === 'Home') next = tabs[0];
  else if (event.key === 'End') next = tabs[tabs.length - 1];
  if (next) {
    event.preventDefault();
    selectTab(next.dataset.tab);
  }
}

function wire() {
  $('#login-form').addEventListener('submit', onLoginSubmit);
  $('#logout').addEventListener('click', () => void logout());
  $('#presence-toggle').addEventListener('click', () => void togglePresence());
  for (const el of $$('.nav-btn')) el.addEventListener('click', () => showView(el.dataset.view));
  for (const el of $$('[role="tab"]')) {
    el.addEventListener('click', () => selectTab(el.dataset.tab));
    el.addEventListener('keydown', onTabKeydown);
  }
  $('#ticket-list').addEventListener('click', (event) => {
    const target = event.target.closest('[data-action]');
    if (!target) return;
    if (target.dataset.action === 'accept') void acceptTicket(target.dataset.id);
    else void openTicket(target.dataset.id);
  });
  $('#btn-accept').addEventListener('click', () => state.open && void acceptTicket(state.open.id));
  $('#evidence').addEventListener('click', (event) => {
    const button = event.target.closest('.reason-turn[data-turn]');
    if (button) showTurn(button.dataset.turn);
  });
  $('#composer').addEventListener('submit', sendReply);
  $('#composer-input').addEventListener('keydown', onComposerKeydown);
  $('#composer-input').addEventListener('input', onComposerInput);
  $('#canned-toggle').addEventListener('click', () => toggleCanned());
  $('#canned-filter').addEventListener('input', renderCanned);
  $('#canned-list').addEventListener('click', (event) => {
    const item = event.target.closest('[data-canned]');
    if (item) insertCanned(item.dataset.canned);
  });
  $('#canned-panel').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      toggleCanned(false);
      $('#canned-toggle').focus();
    }
  });
  $('#note-form').addEventListener('submit', submitNote);
  $('#btn-transfer').addEventListener('click', () => void openTransfer());
  $('#btn-resolve').addEventListener('click', openResolve);
  for (const el of $$('input[name="transfer-kind"]')) el.addEventListener('change', syncTransferKind);
  $('#transfer-form').addEventListener('submit', submitTransfer);
  $('#resolve-form').addEventListener('submit', submitResolve);
  for (const el of $$('[data-close]')) el.addEventListener('click', () => el.closest('dialog').close());
  for (const el of $$('input[name="period"]'))
    el.addEventListener('change', () => void loadAnalytics(el.value));
  for (const type of ['pointerdown', 'keydown'])
    window.addEventListener(type, noteActivity, { passive: true });
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) state.socket?.reconnectNow();
  });
}

async function boot() {
  wire();
  armAlertsOnFirstGesture();
  setUnauthorizedHandler(sessionEnded);
  try {
    const me = await api.me();
    await enterConsole(me);
  } catch (err) {
    showLogin(
      err instanceof ApiError && err.status === 401
        ? null
        : `The server could not be reached (${errorText(err)}).`,
    );
  }
}

void boot();
