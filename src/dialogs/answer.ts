import { ActionTypes, MessageFactory, type TurnContext } from 'botbuilder';
import type { Article, Lang } from '../knowledge/types.js';
import { answerCard, clarifyCard, offerPersonCard, type CardOptions } from './cards.js';
import { t } from './messages.js';
import type { Candidate } from './ports.js';

/** Sends an answer card with follow-up prompts as suggested actions; returns the follow-ups offered. */
export async function sendAnswer(
  context: TurnContext,
  input: {
    article: Article;
    query: string;
    fallbackLanguage: boolean;
    followUps: { id: string; title: string }[];
  },
  options: CardOptions,
): Promise<void> {
  const { article } = input;
  const card = answerCard(
    {
      articleId: article.id,
      title: article.title,
      answer: article.answer,
      source: article.title,
      query: input.query,
      fallbackLanguage: input.fallbackLanguage,
    },
    options,
  );
  const reply = MessageFactory.attachment(card);
  // The card holds the text; `summary` is what notifications and card-less clients show.
  reply.summary = article.title;
  if (input.followUps.length > 0) {
    reply.suggestedActions = {
      to: [],
      actions: input.followUps.map((f) => ({ type: ActionTypes.ImBack, title: f.title, value: f.title })),
    };
  }
  await context.sendActivity(reply);
}

export async function sendClarify(
  context: TurnContext,
  query: string,
  candidates: Candidate[],
  options: CardOptions,
) {
  const reply = MessageFactory.attachment(clarifyCard(query, candidates, options));
  reply.summary = [t('clarify', options.lang), ...candidates.map((c) => c.title)].join(' ');
  await context.sendActivity(reply);
}

/** Every dead end offers a person: the text plus a "Talk to a person" button. */
export async function sendOffer(context: TurnContext, text: string, options: CardOptions) {
  const reply = MessageFactory.attachment(offerPersonCard(text, options));
  reply.summary = text;
  await context.sendActivity(reply);
}

export type { Lang };
