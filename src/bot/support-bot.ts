import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import {
  conversationKind,
  invokeError,
  invokeResponse,
  isTeams,
  shouldRespond,
} from '../channels/teams/index.js';
import { parseCardAction, t, type MainDialog } from '../dialogs/index.js';
import { readCsatSubmission } from '../handoff/index.js';

/**
 * Tulay's activity handler: welcome, then every message (and Teams Action.Execute card press)
 * through MainDialog; state saved each turn. In Teams channels and group chats it speaks only
 * when @mentioned.
 */
export class SupportBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly dialog: MainDialog,
    private readonly logger: Logger,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.onMessage(async (context, next) => {
      if (shouldRespond(context)) await this.dialog.runTurn(context, this.dialogState);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.welcome(context);
      await next();
    });
  }

  /** One welcome per new member; in Teams only in a personal chat (a channel would get spammed). */
  private async welcome(context: TurnContext): Promise<void> {
    const kind = conversationKind(context);
    if (kind !== undefined && kind !== 'personal') return;
    for (const member of context.activity.membersAdded ?? []) {
      if (member.id === context.activity.recipient.id) continue;
      const name = member.name?.trim() || context.activity.from?.name?.trim() || '';
      const text = isTeams(context) ? t('welcomeEmployee', 'en', { name }) : t('welcome');
      await context.sendActivity(text);
    }
  }

  /** Teams Universal Actions (Action.Execute): the dialog reads the card's data from the invoke. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    if (!parseCardAction(invokeValue.action?.data) && !readCsatSubmission(context.activity)) {
      const verb = String(invokeValue.action?.verb ?? '');
      this.logger.warn({ verb }, 'bot: unknown Adaptive Card action');
      return invokeError(400, 'BadRequest', `Tulay does not know the card action "${verb}"`);
    }
    await this.dialog.runTurn(context, this.dialogState);
    return invokeResponse('✓');
  }

  /** For the handoff middleware: a customer turn it handled while a person had the conversation. */
  async countTurnTakenElsewhere(context: TurnContext): Promise<void> {
    await this.dialog.countTurnTakenElsewhere(context);
    await this.conversationState.saveChanges(context, false);
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    // Saved after every turn, including failed ones, so that nothing the customer said is lost.
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
    this.logger.debug({ conversationId: context.activity.conversation?.id }, 'bot: turn done');
  }
}
