import { ActivityEventNames, ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { invokeResponse } from '../../channels/teams/index.js';
import { readCardAction, type CardAction } from '../card-actions.js';
import { csatCard, CARD_ACTIONS } from '../cards.js';
import { handoffText, type HandoffMessageKey } from '../messages.js';
import { readHandoffStatus } from '../protocol/index.js';
import { countsAsTurn, relayedMessage } from '../relay/index.js';
import type { CustomerHandoff } from '../service/customer.js';
import type { InboundHandoff } from '../service/inbound.js';
import type { Ticket } from '../tickets/index.js';
import { offlineSubmission } from './offline.js';
import { outgoingHandler } from './outgoing.js';
import { isCancelRequest } from './phrases.js';

/**
 * Put after TranscriptMiddleware (which has logged the incoming activity by then). While the
 * conversation has an open ticket the bot stays silent: the customer's messages and typing go to
 * the agent consoles; "cancel"/"back to the bot" (en/fil/ur) leaves a queued ticket. Card actions
 * of the handoff (cancel, leave a message, "solved?") are handled here in any state; CSAT
 * submissions and everything else pass through to the bot.
 */
export class HandoffMiddleware implements Middleware {
  private readonly outgoing;

  constructor(
    private readonly customer: CustomerHandoff,
    private readonly inbound: InboundHandoff,
    private readonly logger: Logger,
    protocolChannels: readonly string[],
    /** Told of each customer turn handled here without the bot, so the bot's turn count keeps up. */
    private readonly countTurn?: (context: TurnContext) => Promise<void>,
  ) {
    this.outgoing = outgoingHandler(protocolChannels);
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    let passed = false;
    await this.handle(context, () => {
      passed = true;
      return next();
    });
    if (passed || !this.countTurn || !countsAsTurn(context.activity)) return;
    // A failure here only skews turn numbers in a later summary; the relay already happened.
    await this.countTurn(context).catch((err: unknown) =>
      this.logger.warn({ err: (err as Error).message }, 'handoff: could not count the turn for the bot'),
    );
  }

  private async handle(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(this.outgoing);
    const a = context.activity;
    const conversationId = a.conversation?.id;
    // Proactive turns (agent relay, notifications) only send; they are not the customer speaking.
    if (!conversationId || (a.type === 'event' && a.name === ActivityEventNames.ContinueConversation))
      return next();
    const action = readCardAction(a);
    if (action?.action === CARD_ACTIONS.csat) return next();
    if (action?.action === CARD_ACTIONS.offline) {
      await offlineSubmission(context, action, this.customer);
      return acknowledgeInvoke(context);
    }
    if (action?.action === CARD_ACTIONS.solved) {
      await this.solved(context, action);
      return acknowledgeInvoke(context);
    }
    if (a.type === 'endOfConversation' || customerLeft(a)) {
      await this.customer.abandon(conversationId);
      return next();
    }
    const ticket = await this.customer.openTicketFor(conversationId);
    if (!ticket) {
      if (readHandoffStatus(a))
        this.logger.debug({ conversationId }, 'handoff: status event without an open ticket');
      return next();
    }
    const status = readHandoffStatus(a);
    if (status) return this.inbound.status(context, ticket, status);
    if (a.type === 'typing') return this.inbound.typing(ticket);
    if (a.type !== 'message') return next();
    const cardCancel = action?.action === CARD_ACTIONS.cancel;
    if (cardCancel || (ticket.state === 'queued' && isCancelRequest(a.text))) {
      await this.customer.cancel(conversationId);
      return this.say(context, ticket, 'cancelled');
    }
    await this.inbound.message(ticket, context);
  }

  /** "Solved?" → yes: the CSAT card; no: an apology and the way back to a person. */
  private async solved(
    context: TurnContext,
    action: CardAction & { action: 'handoff.solved' },
  ): Promise<void> {
    const ticket = await this.customer.ticket(action.ticketId);
    if (!ticket || ticket.conversationId !== context.activity.conversation.id) return;
    this.logger.info({ ticketId: ticket.id, solved: action.solved }, 'handoff: customer answered "solved?"');
    if (!action.solved) return this.say(context, ticket, 'notSolved');
    const card = csatCard({ lang: ticket.lang, ticketId: ticket.id, channel: ticket.channel });
    await context.sendActivity(relayedMessage(ticket, { role: 'system' }, '', { attachments: [card] }));
  }

  private async say(
    context: TurnContext,
    ticket: Pick<Ticket, 'id' | 'lang'>,
    key: HandoffMessageKey,
  ): Promise<void> {
    await context.sendActivity(relayedMessage(ticket, { role: 'system' }, handoffText(key, ticket.lang)));
  }
}

/**
 * Teams sends Action.Execute as an `adaptiveCard/action` invoke and waits for an invoke response;
 * the bot never sees these turns, so answer here (the replies went out as messages).
 */
async function acknowledgeInvoke(context: TurnContext): Promise<void> {
  if (context.activity.type !== 'invoke') return;
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: invokeResponse('✓') },
  });
}

/** The customer (not the bot) was removed from the conversation: they left. */
function customerLeft(a: TurnContext['activity']): boolean {
  return a.type === 'conversationUpdate' && (a.membersRemoved ?? []).some((m) => m.id !== a.recipient?.id);
}
