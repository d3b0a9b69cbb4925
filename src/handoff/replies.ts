import type { Activity } from 'botbuilder';
import type { Lang } from '../knowledge/types.js';
import { handoffStatusCard, offlineCard } from './cards.js';
import { formatWait, handoffText } from './messages.js';
import type { HandoffRequestResult } from './service/customer.js';

/**
 * What a dialog sends after `service.request(...)` answered `queued`: "a person is coming", the
 * place in line with the expected wait, and the status card (with its way back to the bot).
 */
export function queuedReplies(
  result: HandoffRequestResult & { kind: 'queued' },
  lang: Lang,
): Partial<Activity>[] {
  const { ticket, position, etaSeconds } = result;
  return [
    { type: 'message', text: handoffText('coming', lang) },
    {
      type: 'message',
      text: handoffText('position', lang, { position, wait: formatWait(etaSeconds, lang) }),
      attachments: [handoffStatusCard({ lang, ticketId: ticket.id, position, etaSeconds })],
    },
  ];
}

/** What a dialog sends after `offline`: why nobody can come and the leave-a-message card. */
export function offlineReplies(
  result: HandoffRequestResult & { kind: 'offline' },
  lang: Lang,
): Partial<Activity>[] {
  const card = offlineCard({
    lang,
    reason: result.reason,
    queue: result.queue,
    ...(result.nextOpen ? { nextOpen: result.nextOpen } : {}),
    ...(result.timeZone ? { timeZone: result.timeZone } : {}),
  });
  return [{ type: 'message', attachments: [card] }];
}
