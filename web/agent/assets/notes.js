// Internal notes on the open ticket (never shown to the customer).
import { api } from './api.js';
import { $, h } from './dom.js';
import { toast } from './feedback.js';
import { agentName, errorText, state } from './state.js';

export function addNote(note) {
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

export async function submitNote(event) {
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
