import { TeamsActivityHandler, type ConversationState, type UserState, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { t, type MainDialog } from '../dialogs/index.js';

/** Tulay's activity handler: welcome, then every message through MainDialog; state saved each turn. */
export class SupportBot extends TeamsActivityHandler {
  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly dialog: MainDialog,
    private readonly logger: Logger,
  ) {
    super();
    const dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.onMessage(async (context, next) => {
      await this.dialog.runTurn(context, dialogState);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await context.sendActivity(t('welcome'));
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    // Saved after every turn, including failed ones, so that nothing the customer said is lost.
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
    this.logger.debug({ conversationId: context.activity.conversation?.id }, 'bot: turn done');
  }
}
