// What an agent does to a ticket through the API: accept, transfer and resolve.
import { api, ApiError } from './api.js';
import { $, $$, h, replace } from './dom.js';
import { announce, toast } from './feedback.js';
import { renderLists } from './queue.js';
import { agentName, customerName, errorText, presenceLabel, state } from './state.js';
import { onTicketEvent, scheduleRefetch } from './sync.js';
import { openTicket, setBanner } from './workspace.js';

// ---------------------------------------------------------------- accept

export async function acceptTicket(id) {
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

// ---------------------------------------------------------------- transfer & resolve

export async function loadAgents() {
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

export async function openTransfer() {
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

export function syncTransferKind() {
  const kind = $('input[name="transfer-kind"]:checked').value;
  $('#transfer-queue-field').hidden = kind !== 'queue';
  $('#transfer-agent-field').hidden = kind !== 'agent';
}

export async function submitTransfer(event) {
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

export function openResolve() {
  if (!state.open) return;
  $('#resolve-note').value = '';
  showFormError('#resolve-error', '');
  $('#resolve-dialog').showModal();
  $('#resolve-note').focus();
}

export async function submitResolve(event) {
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
