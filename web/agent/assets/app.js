// Tulay agent console: login, presence, live queue, chat, notes, transfer, resolve, analytics.
// Contract: src/handoff/API.md. DOM is built with createElement/textContent only (see dom.js).
// This module only wires the page to the modules that do the work, dispatches socket messages, and boots.
import {
  acceptTicket,
  openResolve,
  openTransfer,
  submitResolve,
  submitTransfer,
  syncTransferKind,
} from './actions.js';
import { armAlertsOnFirstGesture } from './alerts.js';
import { loadAnalytics } from './analytics.js';
import { api, ApiError, setUnauthorizedHandler } from './api.js';
import {
  insertCanned,
  onComposerInput,
  onComposerKeydown,
  renderCanned,
  sendReply,
  toggleCanned,
} from './composer.js';
import { $, $$ } from './dom.js';
import { submitNote } from './notes.js';
import { onTabKeydown, selectTab, showView } from './queue.js';
import {
  enterConsole,
  logout,
  noteActivity,
  onLoginSubmit,
  sessionEnded,
  setPresence,
  setSocketMessageHandler,
  showLogin,
  togglePresence,
} from './session.js';
import { errorText, presenceLabel, state } from './state.js';
import { onMessageEvent, onTicketEvent } from './sync.js';
import { openTicket, showCustomerTyping, showTurn } from './workspace.js';

// ---------------------------------------------------------------- socket messages

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

// ---------------------------------------------------------------- wiring

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
  setSocketMessageHandler(handleSocketMessage);
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
