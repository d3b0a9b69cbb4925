// The ticket lists (queue, my chats, offline requests), their tabs, and the inbox/analytics views.
import { loadAnalytics } from './analytics.js';
import { $, $$, formatDuration, h, langName, replace } from './dom.js';
import { priorityBadge, tagBadge } from './render.js';
import { BASE_TITLE, customerName, isMine, state, ticketQuestion } from './state.js';

const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 };
const LISTED_STATES = new Set(['queued', 'assigned', 'offline']);

// ---------------------------------------------------------------- tickets state

function sortTickets(list) {
  return list.sort(
    (a, b) =>
      (PRIORITY_RANK[a.priority] ?? 9) - (PRIORITY_RANK[b.priority] ?? 9) ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
      String(a.id).localeCompare(String(b.id)),
  );
}

export function upsertTicket(ticket) {
  if (LISTED_STATES.has(ticket.state)) state.tickets.set(ticket.id, { ticket, receivedAt: Date.now() });
  else {
    state.tickets.delete(ticket.id);
    state.unread.delete(ticket.id);
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

export function renderLists() {
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

export function tick() {
  for (const el of $$('[data-wait]'))
    el.textContent = `Waiting ${formatDuration(waitingSeconds(el.dataset.wait))}`;
  for (const el of $$('[data-chat]')) {
    const t = state.tickets.get(el.dataset.chat)?.ticket;
    if (t) el.textContent = `In chat ${formatDuration(chattingSeconds(t))}`;
  }
}

// ---------------------------------------------------------------- tabs & views

export function selectTab(tab, focus = true) {
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

export function showView(view) {
  state.view = view;
  for (const el of $$('.nav-btn')) {
    if (el.dataset.view === view) el.setAttribute('aria-current', 'page');
    else el.removeAttribute('aria-current');
  }
  $('#inbox-view').hidden = view !== 'inbox';
  $('#analytics-view').hidden = view !== 'analytics';
  if (view === 'analytics') void loadAnalytics($('input[name="period"]:checked')?.value ?? 'today');
}

export function onTabKeydown(event) {
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
