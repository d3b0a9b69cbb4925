// The workspace: the one open ticket with its live chat, full transcript, evidence and banner.
import { api } from './api.js';
import { $, $$, h, langName, replace } from './dom.js';
import { announce } from './feedback.js';
import { addNote } from './notes.js';
import { renderLists } from './queue.js';
import { priorityBadge, renderContact, renderEvidence, renderMessage, tagBadge } from './render.js';
import { customerName, errorText, isMine, state } from './state.js';

const TYPING_SHOW_MS = 6000;

/** Shows the chat and context panes (or the empty state), cleared for the next ticket. */
function resetWorkspace(visible) {
  $('#workspace-empty').hidden = visible;
  $('#chat').hidden = !visible;
  $('#context').hidden = !visible;
  $('#inbox-view').classList.toggle('has-ticket', visible);
  replace($('#chat-log'));
  replace($('#transcript'));
  replace($('#notes'));
}

export function closeWorkspace() {
  resetWorkspace(false);
  replace($('#evidence'));
  hideCustomerTyping();
}

export async function openTicket(id) {
  const seq = ++state.openSeq;
  const cached = state.tickets.get(id)?.ticket;
  state.open = { id, ticket: cached ?? null, ids: new Set(), transcriptIds: new Set(), noteIds: new Set() };
  state.unread.delete(id);
  renderLists();
  resetWorkspace(true);
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

export async function reloadOpenTicket() {
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

export function addTranscriptItem(item, live) {
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
export function showTurn(turn) {
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

export function applyOpenTicket(ticket, prev) {
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

export function setBanner(text) {
  const el = $('#chat-banner');
  el.textContent = text;
  el.hidden = !text;
}

// ---------------------------------------------------------------- customer typing indicator

export function showCustomerTyping() {
  $('#typing-indicator').textContent = 'Customer is typing…';
  clearTimeout(state.customerTypingTimer);
  state.customerTypingTimer = setTimeout(hideCustomerTyping, TYPING_SHOW_MS);
}

export function hideCustomerTyping() {
  clearTimeout(state.customerTypingTimer);
  $('#typing-indicator').textContent = '';
}
