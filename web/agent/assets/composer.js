// The reply composer: sending, "agent is typing" pings, and canned replies.
import { api } from './api.js';
import { $, h, replace } from './dom.js';
import { toast } from './feedback.js';
import { errorText, isMine, state } from './state.js';
import { addTranscriptItem } from './workspace.js';

const TYPING_SEND_EVERY_MS = 3000;

export async function sendReply(event) {
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

export function onComposerKeydown(event) {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    $('#composer').requestSubmit();
  }
}

export function onComposerInput() {
  const open = state.open;
  if (!open || !isMine(open.ticket) || !$('#composer-input').value.trim()) return;
  const now = Date.now();
  if (now - state.lastTypingSentAt < TYPING_SEND_EVERY_MS) return;
  state.lastTypingSentAt = now;
  api.typing(open.id).catch(() => {});
}

// ---------------------------------------------------------------- canned replies

export async function loadCanned() {
  try {
    const { replies = [] } = await api.canned();
    state.canned = replies;
  } catch {
    state.canned = [];
  }
}

export function renderCanned() {
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

export function toggleCanned(force) {
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

export function insertCanned(id) {
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
