// Tiny DOM helpers. Everything that comes from the server (customer text above all) goes
// into the page through createElement/textContent/setAttribute — never through HTML parsing.

/**
 * h('li', { class: 'x', dir: 'auto', onclick: fn }, 'text', childNode, [more])
 * Strings become text nodes; null/undefined/false children are skipped.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') el.className = String(value);
      else if (key === 'text') el.textContent = String(value);
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else if (key === 'href') el.setAttribute('href', safeHref(value));
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children (no HTML parsing involved). */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** Only http(s) and mailto/tel links survive; anything else (javascript:, data:) becomes inert. */
export function safeHref(value) {
  try {
    const url = new URL(String(value), location.origin);
    if (['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol)) return url.href;
  } catch {
    /* fall through */
  }
  return '#';
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

// ---- formatting ----

const LANGS = { en: 'English', fil: 'Filipino', ur: 'Urdu' };
export const langName = (code) => LANGS[code] ?? String(code ?? '—');

export function formatDuration(totalSeconds) {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  const hrs = Math.floor(m / 60);
  if (hrs < 24) return `${hrs}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(hrs / 24)}d ${hrs % 24}h`;
}

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : timeFmt.format(d);
}

export function formatDateTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateTimeFmt.format(d);
}

export function formatPercent(ratio) {
  if (typeof ratio !== 'number' || Number.isNaN(ratio)) return '—';
  return `${(ratio * 100).toFixed(ratio >= 0.1 || ratio === 0 ? 0 : 1)}%`;
}

export function formatNumber(value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) return '—';
  return value.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Machine codes like "asked_for_human" read better as "asked for human". */
export const humanize = (code) =>
  String(code ?? '')
    .replace(/[_-]+/g, ' ')
    .trim();
