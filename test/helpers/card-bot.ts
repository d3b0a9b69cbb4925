import {
  ActivityHandler,
  CardFactory,
  MessageFactory,
  TurnContext,
  type ConversationReference,
} from 'botbuilder';

/** An Adaptive Card with 👍/👎 Action.Submit, like Tulay's answer card. */
export function answerCard(question: string) {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    body: [
      { type: 'TextBlock', text: `Answer to: ${question}`, wrap: true, weight: 'Bolder' },
      { type: 'TextBlock', text: 'Kidlat Electronics is open 9 AM to 9 PM every day.', wrap: true },
    ],
    actions: [
      { type: 'Action.Submit', title: '👍 Helpful', data: { feedback: 'up' } },
      { type: 'Action.Submit', title: '👎 Not helpful', data: { feedback: 'down' } },
    ],
  });
}

/**
 * A tiny bot for channel tests, independent of the knowledge base: welcomes, answers any text
 * with an answer card, and acknowledges card submits (which arrive as messages with `value`).
 */
export class CardBot extends ActivityHandler {
  /** The last conversation reference per conversation, as the handoff feature would keep it. */
  readonly references = new Map<string, Partial<ConversationReference>>();

  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const m of context.activity.membersAdded ?? []) {
        if (m.id !== context.activity.recipient.id) {
          await context.sendActivity(
            `Welcome to Kidlat Electronics! [${context.activity.locale ?? 'no locale'}]`,
          );
        }
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const { activity } = context;
      this.references.set(activity.conversation.id, TurnContext.getConversationReference(activity));
      const value = activity.value as { feedback?: string } | undefined;
      if (value?.feedback) {
        await context.sendActivity(`Thanks for your feedback: ${value.feedback}`);
      } else {
        await context.sendActivity(`You asked: ${activity.text} [${activity.locale ?? 'no locale'}]`);
        await context.sendActivity(MessageFactory.attachment(answerCard(activity.text ?? '')));
      }
      await next();
    });
  }
}
