// Feedback for the agent: toasts on screen and announcements for screen readers.
import { $, h } from './dom.js';

export function toast(message, kind = 'error') {
  const el = h('div', { class: `toast toast-${kind}` }, h('span', { text: message }));
  const close = h('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss', text: '×' });
  close.addEventListener('click', () => el.remove());
  el.append(close);
  $('#toasts').append(el);
  setTimeout(() => el.remove(), kind === 'error' ? 8000 : 5000);
}

export function announce(message) {
  const region = $('#announcer');
  region.textContent = '';
  // A fresh text node in a later task makes screen readers read repeated messages too.
  setTimeout(() => {
    region.textContent = message;
  }, 30);
}
