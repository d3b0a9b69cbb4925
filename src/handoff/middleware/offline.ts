import type { TurnContext } from 'botbuilder';
import type { CardAction } from '../card-actions.js';
import { formatWhen, handoffText } from '../messages.js';
import { relayedMessage } from '../relay/index.js';
import type { CustomerHandoff } from '../service/customer.js';
import { HandoffInputError } from '../summary/index.js';

/**
 * The offline card was submitted: store the ticket and say when to expect an answer, or ask again
 * for a usable contact. What the customer wrote is in the transcript either way (TranscriptMiddleware
 * logged the submission before this runs), so nothing they typed is lost.
 */
export async function offlineSubmission(
  context: TurnContext,
  action: CardAction & { action: 'handoff.offline' },
  customer: CustomerHandoff,
): Promise<void> {
  const open = action.ticketId ? await customer.ticket(action.ticketId) : undefined;
  const lang = open?.lang ?? action.lang ?? 'en';
  const system = { role: 'system' } as const;
  const contact = {
    ...(action.name ? { name: action.name } : {}),
    ...(action.email ? { email: action.email } : {}),
    ...(action.phone ? { phone: action.phone } : {}),
    callback: action.callback,
  };
  try {
    const message = action.message ?? '';
    const summary = {
      question: message || '-',
      lang,
      escalatedBecause: 'customer left a message',
      ...(action.queue ? { queue: action.queue } : {}),
    };
    const result = await customer.createOffline(context, { contact, message, lang, summary });
    const by = formatWhen(result.answerBy, lang, result.timeZone);
    await context.sendActivity(
      relayedMessage(result.ticket, system, handoffText('offlineSaved', lang, { by })),
    );
  } catch (err) {
    if (!(err instanceof HandoffInputError)) throw err;
    const key = err.field.startsWith('contact') ? 'contactInvalid' : 'offlineNoAgents';
    await context.sendActivity(relayedMessage({ id: open?.id ?? 'none' }, system, handoffText(key, lang)));
  }
}
