// Keeps the lists and the open ticket in step with the server: refetches, live ticket and
// message events from the socket, and the alerts they raise.
import { beep, notify } from './alerts.js';
import { api, ApiError } from './api.js';
import { announce, toast } from './feedback.js';
import { renderLists, selectTab, showView, upsertTicket } from './queue.js';
import { plainText } from './render.js';
import { customerName, errorText, isMine, state, ticketQuestion } from './state.js';
import {
  addTranscriptItem,
  applyOpenTicket,
  hideCustomerTyping,
  openTicket,
  reloadOpenTicket,
} from './workspace.js';

export async function refreshTickets({ alertNew = false } = {}) {
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
export async function resync() {
  try {
    await refreshTickets({ alertNew: true });
    if (state.open) await reloadOpenTicket();
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401))
      toast(`Could not refresh tickets: ${errorText(err)}`);
  }
}

/** Positions and waiting times are the server's; refetch shortly after the queue changes. */
export function scheduleRefetch() {
  clearTimeout(state.refetchTimer);
  state.refetchTimer = setTimeout(() => {
    if (state.me) refreshTickets().catch(() => {});
  }, 400);
}

export function onTicketEvent(ticket) {
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

export function onMessageEvent(ticketId, message) {
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
