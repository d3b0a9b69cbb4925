// Analytics tab: GET /api/analytics?from&to for today / 7 days / 30 days.
import { api } from './api.js';
import {
  $,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatPercent,
  h,
  humanize,
  replace,
} from './dom.js';

export function periodRange(period, now = new Date()) {
  const to = new Date(now);
  let from;
  if (period === 'today') {
    from = new Date(now);
    from.setHours(0, 0, 0, 0);
  } else {
    const days = period === '30d' ? 30 : 7;
    from = new Date(now.getTime() - days * 24 * 3600 * 1000);
  }
  return { from: from.toISOString(), to: to.toISOString() };
}

function stat(label, value, hint) {
  return h(
    'div',
    { class: 'stat' },
    h('div', { class: 'stat-value', text: value }),
    h('div', { class: 'stat-label', text: label }),
    hint ? h('div', { class: 'stat-hint', text: hint }) : null,
  );
}

function bar(ratio) {
  const el = h('span', { class: 'bar', 'aria-hidden': 'true' });
  el.style.width = `${Math.max(2, Math.round(ratio * 100))}%`;
  return el;
}

const seconds = (v) => (typeof v === 'number' && !Number.isNaN(v) ? formatDuration(v) : '—');

function render(data) {
  const reasons = Object.entries(data?.reasons ?? {})
    .filter(([, n]) => typeof n === 'number')
    .sort((a, b) => b[1] - a[1]);
  const maxReason = Math.max(1, ...reasons.map(([, n]) => n));
  const unanswered = Array.isArray(data?.unanswered) ? data.unanswered : [];
  const tta = data?.timeToAcceptSeconds ?? {};
  const csat = data?.csat ?? {};

  return [
    h(
      'div',
      { class: 'stats' },
      stat('Conversations', formatNumber(data?.conversations)),
      stat(
        'Deflection rate',
        formatPercent(data?.deflectionRate),
        `${formatNumber(data?.answeredWithoutPerson)} answered without a person`,
      ),
      stat('Handoff rate', formatPercent(data?.handoffRate), `${formatNumber(data?.handoffs)} handoffs`),
      stat('Time to accept', seconds(tta.p50), `median · p90 ${seconds(tta.p90)}`),
      stat(
        'CSAT average',
        typeof csat.average === 'number' ? `${formatNumber(csat.average, 1)} / 5` : '—',
        `${formatNumber(csat.count ?? 0)} ratings`,
      ),
    ),
    h(
      'div',
      { class: 'analytics-grid' },
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'reasons-title' },
        h('h2', { id: 'reasons-title', class: 'panel-title', text: 'Handoff reasons' }),
        reasons.length
          ? countTable(
              'Reason',
              'Handoffs',
              reasons.map(([code, n]) => [
                h('td', null, h('span', { text: humanize(code) }), bar(n / maxReason)),
                n,
              ]),
            )
          : h('p', { class: 'muted', text: 'No handoffs in this period.' }),
      ),
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'unanswered-title' },
        h('h2', { id: 'unanswered-title', class: 'panel-title', text: 'Unanswered questions' }),
        unanswered.length
          ? countTable(
              'Question',
              'Times asked',
              unanswered.map((u) => [h('td', { dir: 'auto', text: String(u?.text ?? '') }), u?.count]),
            )
          : h('p', { class: 'muted', text: 'Nothing went unanswered in this period.' }),
      ),
    ),
  ];
}

/** A two-column table: a label cell the caller builds, and a right-aligned count. */
function countTable(label, countLabel, rows) {
  return h(
    'table',
    { class: 'table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col', text: label }),
        h('th', { scope: 'col', class: 'num', text: countLabel }),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map(([cell, count]) => h('tr', null, cell, h('td', { class: 'num', text: formatNumber(count) }))),
    ),
  );
}

let loadSeq = 0;

export async function loadAnalytics(period) {
  const body = $('#analytics-body');
  const range = periodRange(period);
  const seq = ++loadSeq;
  $('#analytics-range').textContent = `${formatDateTime(range.from)} – ${formatDateTime(range.to)}`;
  body.setAttribute('aria-busy', 'true');
  try {
    const data = await api.analytics(range.from, range.to);
    if (seq !== loadSeq) return;
    replace(body, render(data));
  } catch (err) {
    if (seq !== loadSeq) return;
    replace(body, h('p', { class: 'form-error', text: `Could not load analytics: ${err.message}` }));
  } finally {
    if (seq === loadSeq) body.removeAttribute('aria-busy');
  }
}
