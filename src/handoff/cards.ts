import type { Attachment } from 'botbuilder';
import type { Lang } from '../knowledge/types.js';
import { label } from './card-labels.js';
import { formatWait, formatWhen, handoffText } from './messages.js';

/** Card actions the handoff feature understands; every submit carries one of these in `data.action`. */
export const CARD_ACTIONS = {
  cancel: 'handoff.cancel',
  offline: 'handoff.offline',
  solved: 'handoff.solved',
  csat: 'csat',
} as const;

// 1.5 is what Teams renders; Web Chat renders it too.
const card = (body: object[], actions: object[] = []): Attachment => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions,
  },
});
const text = (t: string, extra: object = {}) => ({ type: 'TextBlock', text: t, wrap: true, ...extra });
const submit = (title: string, data: object) => ({ type: 'Action.Submit', title, data });

export interface StatusCardInput {
  lang: Lang;
  ticketId: string;
  position: number;
  etaSeconds: number;
}

/** "A person is coming": place in line, expected wait, and a way back to the bot. */
export function handoffStatusCard(i: StatusCardInput): Attachment {
  return card(
    [
      text(label('personComing', i.lang), { weight: 'Bolder', size: 'Medium' }),
      {
        type: 'FactSet',
        facts: [
          { title: label('position', i.lang), value: String(i.position) },
          { title: label('wait', i.lang), value: formatWait(i.etaSeconds, i.lang) },
        ],
      },
    ],
    [submit(label('cancel', i.lang), { action: CARD_ACTIONS.cancel, ticketId: i.ticketId })],
  );
}

export interface OfflineCardInput {
  lang: Lang;
  reason: 'closed' | 'no-agents' | 'waiting';
  nextOpen?: Date;
  timeZone?: string;
  ticketId?: string;
  /** Where the message ticket goes when there is no queued ticket to convert. */
  queue?: string;
}

/** The offline offer: email or phone plus a message, submitted in one go (works without a dialog). */
export function offlineCard(i: OfflineCardInput): Attachment {
  const intro =
    i.reason === 'closed' && i.nextOpen
      ? handoffText('offlineClosed', i.lang, { when: formatWhen(i.nextOpen, i.lang, i.timeZone) })
      : handoffText(i.reason === 'waiting' ? 'waitingTooLong' : 'offlineNoAgents', i.lang);
  const input = (id: string, key: Parameters<typeof label>[0], extra: object = {}) => ({
    type: 'Input.Text',
    id,
    label: label(key, i.lang),
    ...extra,
  });
  return card(
    [
      text(intro),
      input('name', 'name', { maxLength: 100 }),
      input('email', 'email', { style: 'Email', maxLength: 200 }),
      input('phone', 'phone', { style: 'Tel', maxLength: 40 }),
      input('message', 'message', { isMultiline: true, isRequired: true, maxLength: 4000 }),
      {
        type: 'Input.Toggle',
        id: 'callback',
        title: label('callback', i.lang),
        valueOn: 'true',
        valueOff: 'false',
      },
    ],
    [
      submit(label('leaveMessage', i.lang), {
        action: CARD_ACTIONS.offline,
        lang: i.lang,
        ...(i.ticketId ? { ticketId: i.ticketId } : {}),
        ...(i.queue ? { queue: i.queue } : {}),
      }),
    ],
  );
}

/** "Is your problem solved?" after an agent resolves. */
export function solvedCard(i: { lang: Lang; ticketId: string }): Attachment {
  return card(
    [text(handoffText('solvedQuestion', i.lang), { weight: 'Bolder' })],
    [
      submit(label('yes', i.lang), { action: CARD_ACTIONS.solved, ticketId: i.ticketId, solved: true }),
      submit(label('no', i.lang), { action: CARD_ACTIONS.solved, ticketId: i.ticketId, solved: false }),
    ],
  );
}

/**
 * CSAT 1–5 with an optional comment. Teams gets Action.Execute (verb `csat`, Universal Actions,
 * falling back to Submit on older clients); other channels get Action.Submit. Both carry
 * `{ action: 'csat', ticketId, rating }` and the comment input.
 */
export function csatCard(i: { lang: Lang; ticketId: string; channel?: string }): Attachment {
  const stars = [1, 2, 3, 4, 5].map((rating) => {
    const data = { action: CARD_ACTIONS.csat, ticketId: i.ticketId, rating };
    const title = `${'★'.repeat(rating)}`;
    return i.channel === 'msteams'
      ? { type: 'Action.Execute', verb: 'csat', title, data, fallback: submit(title, data) }
      : submit(title, data);
  });
  return card([
    text(label('rate', i.lang), { weight: 'Bolder' }),
    {
      type: 'Input.Text',
      id: 'comment',
      label: label('comment', i.lang),
      isMultiline: true,
      maxLength: 1000,
    },
    { type: 'ActionSet', actions: stars },
  ]);
}
