// Rendering of transcript lines, card/attachment summaries and the evidence summary.
// All text is put into the page with textContent (via h()); nothing is parsed as HTML.
import { formatDateTime, formatNumber, formatTime, h, humanize, langName } from './dom.js';

const FROM_LABEL = { customer: 'Customer', bot: 'Bot', agent: 'Agent', system: 'System' };

const str = (v) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/**
 * Turns a card or attachment into readable lines: { kind: 'text'|'fact'|'action'|'input'|'media', text }.
 * Covers Adaptive Cards (TextBlock, RichTextBlock, FactSet, containers, columns, tables, inputs,
 * images, actions incl. ShowCard) and Bot Framework hero/thumbnail/signin/receipt/media cards.
 */
export function summarizeAttachment(attachment) {
  const lines = [];
  const contentType = str(attachment?.contentType);
  const content = attachment?.content;
  const push = (kind, text) => {
    const t = str(text);
    if (t) lines.push({ kind, text: t });
  };

  const walkActions = (actions, depth) => {
    if (!Array.isArray(actions)) return;
    for (const action of actions) {
      if (!action || typeof action !== 'object') continue;
      push('action', action.title ?? action.text ?? action.value);
      if (action.card && depth < 6) walkAdaptive(action.card, depth + 1);
    }
  };

  const walkAdaptive = (node, depth) => {
    if (!node || typeof node !== 'object' || depth > 12) return;
    if (Array.isArray(node)) {
      node.forEach((n) => walkAdaptive(n, depth + 1));
      return;
    }
    switch (node.type) {
      case 'TextBlock':
        push('text', node.text);
        break;
      case 'RichTextBlock':
        push(
          'text',
          (Array.isArray(node.inlines) ? node.inlines : [])
            .map((i) => (typeof i === 'string' ? i : str(i?.text)))
            .join(''),
        );
        break;
      case 'FactSet':
        for (const fact of Array.isArray(node.facts) ? node.facts : []) {
          push('fact', [str(fact?.title), str(fact?.value)].filter(Boolean).join(': '));
        }
        break;
      case 'Image':
        push('media', node.altText ? `Image: ${str(node.altText)}` : '');
        break;
      case 'Input.Text':
      case 'Input.Number':
      case 'Input.Date':
      case 'Input.Time':
        push('input', `${str(node.label) || str(node.placeholder) || 'Input'} (field)`);
        break;
      case 'Input.Toggle':
        push('input', `${str(node.label) || str(node.title) || 'Toggle'} (checkbox)`);
        break;
      case 'Input.ChoiceSet': {
        const choices = (Array.isArray(node.choices) ? node.choices : [])
          .map((c) => str(c?.title))
          .filter(Boolean);
        push('input', `${str(node.label) || 'Choice'}: ${choices.join(' / ')}`);
        break;
      }
      case 'ActionSet':
        walkActions(node.actions, depth);
        break;
      default:
        break;
    }
    for (const key of ['body', 'items', 'columns', 'images', 'rows', 'cells']) {
      if (Array.isArray(node[key])) node[key].forEach((n) => walkAdaptive(n, depth + 1));
    }
    if (node.type === 'AdaptiveCard') walkActions(node.actions, depth);
  };

  if (contentType === SUBMIT_CONTENT_TYPE) {
    // What the customer submitted from a card (no text of its own).
    if (content && typeof content === 'object' && !Array.isArray(content)) {
      for (const [key, value] of Object.entries(content)) push('fact', `${key}: ${scalar(value)}`);
    } else push('fact', scalar(content));
  } else if (contentType === 'application/vnd.microsoft.card.adaptive') {
    walkAdaptive(typeof content === 'string' ? safeJson(content) : content, 0);
  } else if (
    content &&
    typeof content === 'object' &&
    contentType.startsWith('application/vnd.microsoft.card.')
  ) {
    // hero, thumbnail, signin, oauth, receipt, animation, audio, video cards
    push('text', content.title);
    push('text', content.subtitle);
    push('text', content.text);
    for (const fact of Array.isArray(content.facts) ? content.facts : []) {
      push('fact', [str(fact?.key), str(fact?.value)].filter(Boolean).join(': '));
    }
    for (const item of Array.isArray(content.items) ? content.items : []) {
      push('fact', [str(item?.title), str(item?.price)].filter(Boolean).join(': '));
    }
    if (content.total) push('fact', `Total: ${str(content.total)}`);
    for (const media of Array.isArray(content.media) ? content.media : [])
      push('media', `Media: ${str(media?.url)}`);
    walkActions(content.buttons, 0);
  } else if (typeof content === 'string') {
    push('text', content);
  } else if (content && typeof content === 'object' && typeof content.text === 'string') {
    push('text', content.text);
  }
  if (lines.length === 0) {
    const name = str(attachment?.name);
    push('media', `Attachment${name ? `: ${name}` : ''}${contentType ? ` (${contentType})` : ''}`);
  }
  return { kind: cardKind(contentType), lines };
}

const SUBMIT_CONTENT_TYPE = 'application/vnd.tulay.card-submit+json';

function scalar(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const json = JSON.stringify(value);
    return json.length > 200 ? `${json.slice(0, 200)}…` : json;
  }
  return String(value);
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { type: 'TextBlock', text };
  }
}

function cardKind(contentType) {
  if (contentType === SUBMIT_CONTENT_TYPE) return 'Card submission';
  if (contentType === 'application/vnd.microsoft.card.adaptive') return 'Adaptive Card';
  const m = /^application\/vnd\.microsoft\.card\.(\w+)/.exec(contentType);
  if (m) return `${m[1][0].toUpperCase()}${m[1].slice(1)} card`;
  return 'Attachment';
}

/** Plain-text one-liner of a transcript item (for notifications and list previews). */
export function plainText(item) {
  const parts = [];
  if (str(item?.text)) parts.push(str(item.text));
  for (const a of Array.isArray(item?.attachments) ? item.attachments : []) {
    parts.push(...summarizeAttachment(a).lines.map((l) => l.text));
  }
  return parts.join(' · ');
}

function renderAttachment(attachment) {
  const { kind, lines } = summarizeAttachment(attachment);
  const textLines = lines.filter((l) => l.kind !== 'action');
  const actions = lines.filter((l) => l.kind === 'action');
  return h(
    'div',
    { class: 'card-summary' },
    h('span', { class: 'card-kind', text: kind }),
    textLines.map((l) => h('p', { class: `card-line card-${l.kind}`, dir: 'auto', text: l.text })),
    actions.length
      ? h(
          'ul',
          { class: 'card-actions', 'aria-label': 'Buttons on the card' },
          actions.map((a) => h('li', { class: 'card-action', dir: 'auto', text: a.text })),
        )
      : null,
  );
}

/** One line of the live chat or of the full transcript. */
export function renderMessage(item, { compact = false } = {}) {
  const from = FROM_LABEL[item?.from] ? item.from : 'system';
  const text = str(item?.text);
  const attachments = Array.isArray(item?.attachments) ? item.attachments : [];
  // The customer's turn number, as the handoff reasons name it ("turn 3").
  const turn = from === 'customer' && Number.isInteger(item?.turn) ? String(item.turn) : undefined;
  return h(
    'li',
    {
      class: `msg msg-${from}${compact ? ' msg-compact' : ''}`,
      dataset: { id: str(item?.id), from, ...(turn ? { turn } : {}) },
      tabindex: turn ? '-1' : undefined,
    },
    h(
      'div',
      { class: 'msg-meta' },
      h('span', {
        class: 'msg-from',
        dir: 'auto',
        text: from === 'agent' && str(item?.name) ? `${str(item.name)} (agent)` : FROM_LABEL[from],
      }),
      h('time', { datetime: str(item?.at), title: formatDateTime(item?.at), text: formatTime(item?.at) }),
      turn ? h('span', { class: 'msg-turn', text: `turn ${turn}` }) : null,
    ),
    text ? h('p', { class: 'msg-text', dir: 'auto', text }) : null,
    attachments.map(renderAttachment),
  );
}

const PRIORITY_LABEL = { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' };

export function priorityBadge(priority) {
  const p = PRIORITY_LABEL[priority] ? priority : 'normal';
  return h('span', { class: `badge badge-priority prio-${p}`, title: 'Priority', text: PRIORITY_LABEL[p] });
}

export function tagBadge(text, title) {
  return h('span', { class: 'badge', title, text });
}

function row(term, ...value) {
  return [h('dt', { text: term }), h('dd', null, ...value)];
}

/** The "why the bot handed off" panel: question, identity, KB articles tried, reasons, routing. */
export function renderEvidence(ticket) {
  const s = ticket?.summary ?? {};
  const customer = s.customer ?? {};
  const articles = Array.isArray(s.articles) ? s.articles : [];
  const reasons = Array.isArray(s.reasons) ? s.reasons : [];
  const identity = [str(customer.name), str(customer.email), str(customer.id) ? `id ${str(customer.id)}` : '']
    .filter(Boolean)
    .map((line) => h('span', { class: 'line', dir: 'auto', text: line }));

  return h(
    'div',
    { class: 'evidence' },
    h('p', { class: 'evidence-question', dir: 'auto', text: str(s.question) || '(no question captured)' }),
    s.escalatedBecause
      ? h(
          'p',
          { class: 'evidence-because' },
          h('strong', { text: 'Escalated because: ' }),
          h('span', { dir: 'auto', text: str(s.escalatedBecause) }),
        )
      : null,
    h(
      'dl',
      { class: 'facts' },
      row('Priority', priorityBadge(s.priority ?? ticket?.priority)),
      row('Queue', str(s.queue ?? ticket?.queue) || '—'),
      row('Language', langName(s.lang)),
      row('Channel', str(s.channel ?? ticket?.channel) || '—'),
      row('Customer', identity.length ? identity : '—'),
      row('Created', formatDateTime(ticket?.createdAt)),
    ),
    h('h3', { class: 'sub-title', text: 'Knowledge-base articles tried' }),
    articles.length
      ? h(
          'ol',
          { class: 'articles' },
          articles.map((a) =>
            h(
              'li',
              null,
              h('span', { class: 'article-title', dir: 'auto', text: str(a?.title) || str(a?.id) }),
              h(
                'span',
                { class: 'article-score', title: 'Retrieval score · answer confidence' },
                `score ${formatNumber(a?.score, 2)}`,
                typeof a?.confidence === 'number' ? ` · confidence ${formatNumber(a.confidence, 2)}` : '',
              ),
            ),
          ),
        )
      : h('p', { class: 'muted', text: 'None.' }),
    h('h3', { class: 'sub-title', text: 'Handoff reasons' }),
    reasons.length
      ? h(
          'ul',
          { class: 'reasons' },
          reasons.map((r) =>
            h(
              'li',
              null,
              h('span', { class: 'reason-code', text: humanize(r?.code) }),
              Number.isInteger(r?.turn)
                ? h('button', {
                    type: 'button',
                    class: 'reason-turn link-button',
                    dataset: { turn: String(r.turn) },
                    title: 'Show this turn in the transcript',
                    text: `turn ${r.turn}`,
                  })
                : h('span', { class: 'reason-turn', text: 'turn ?' }),
              typeof r?.score === 'number'
                ? h('span', { class: 'reason-score', text: `score ${formatNumber(r.score, 2)}` })
                : null,
              str(r?.detail) ? h('span', { class: 'reason-detail', dir: 'auto', text: str(r.detail) }) : null,
            ),
          ),
        )
      : h('p', { class: 'muted', text: 'None recorded.' }),
  );
}

/** Contact details of an offline (message/callback) ticket. */
export function renderContact(contact) {
  if (!contact) return null;
  const items = [];
  if (str(contact.name)) items.push(row('Name', h('span', { dir: 'auto', text: str(contact.name) })));
  if (str(contact.email))
    items.push(row('Email', h('a', { href: `mailto:${str(contact.email)}`, text: str(contact.email) })));
  if (str(contact.phone))
    items.push(
      row(
        'Phone',
        h('a', { href: `tel:${str(contact.phone).replace(/[^\d+]/g, '')}`, text: str(contact.phone) }),
      ),
    );
  items.push(row('Wants', contact.callback ? 'A call back' : 'A reply by message'));
  if (str(contact.message))
    items.push(row('Message', h('span', { class: 'pre', dir: 'auto', text: str(contact.message) })));
  return h('dl', { class: 'facts contact' }, items);
}
