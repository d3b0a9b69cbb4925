import { CardFactory, type Attachment } from 'botbuilder';
import type { Lang } from '../knowledge/types.js';
import { t } from './messages.js';

/** What a card button sends back, both as Action.Submit `value` and as Action.Execute `data`. */
export type CardAction =
  | { action: 'feedback'; helpful: boolean; articleId: string; query: string }
  | { action: 'choose'; articleId: string; query: string }
  | { action: 'none-of-these'; query: string }
  | { action: 'handoff' };

export interface CardOptions {
  lang: Lang;
  /** Teams understands Universal Actions (Action.Execute); Web Chat only Action.Submit. */
  universal: boolean;
}

function button(
  title: string,
  data: CardAction,
  verb: string,
  options: CardOptions,
): Record<string, unknown> {
  if (!options.universal) return { type: 'Action.Submit', title, data };
  return { type: 'Action.Execute', title, verb, data, fallback: { type: 'Action.Submit', title, data } };
}

const card = (body: unknown[], actions: unknown[]): Attachment =>
  CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions,
  });

export interface AnswerCardInput {
  articleId: string;
  title: string;
  answer: string;
  source: string;
  query: string;
  fallbackLanguage: boolean;
}

/** The answer, where it came from, and "Did this help? 👍 / 👎". */
export function answerCard(input: AnswerCardInput, options: CardOptions): Attachment {
  const { lang } = options;
  const body: unknown[] = [
    { type: 'TextBlock', text: input.title, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: input.answer, wrap: true },
  ];
  if (input.fallbackLanguage && lang !== 'en') {
    body.push({ type: 'TextBlock', text: t('englishOnly', lang), isSubtle: true, wrap: true });
  }
  body.push(
    {
      type: 'TextBlock',
      text: `${t('source', lang)}: ${input.source}`,
      isSubtle: true,
      size: 'Small',
      wrap: true,
    },
    { type: 'TextBlock', text: t('didThisHelp', lang), wrap: true, spacing: 'Medium' },
  );
  const base = { articleId: input.articleId, query: input.query };
  return card(body, [
    button('👍', { action: 'feedback', helpful: true, ...base }, 'feedback', options),
    button('👎', { action: 'feedback', helpful: false, ...base }, 'feedback', options),
  ]);
}

/** "Did you mean…?" with one button per close candidate, plus "none of these". */
export function clarifyCard(
  query: string,
  candidates: { id: string; title: string }[],
  options: CardOptions,
): Attachment {
  const actions = candidates.map((c) =>
    button(c.title, { action: 'choose', articleId: c.id, query }, 'choose', options),
  );
  actions.push(
    button(t('noneOfThese', options.lang), { action: 'none-of-these', query }, 'none-of-these', options),
  );
  return card([{ type: 'TextBlock', text: t('clarify', options.lang), wrap: true }], actions);
}

/** A message that offers a person, with a button — every dead end gets one. */
export function offerPersonCard(text: string, options: CardOptions): Attachment {
  return card(
    [{ type: 'TextBlock', text, wrap: true }],
    [button(t('talkToPerson', options.lang), { action: 'handoff' }, 'handoff', options)],
  );
}

/** Reads a card submission (message `value`) into a CardAction, ignoring anything unknown. */
export function parseCardAction(value: unknown): CardAction | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const str = (k: string) => (typeof v[k] === 'string' ? v[k] : undefined);
  switch (v.action) {
    case 'feedback':
      return typeof v.helpful === 'boolean' && str('articleId')
        ? { action: 'feedback', helpful: v.helpful, articleId: str('articleId')!, query: str('query') ?? '' }
        : undefined;
    case 'choose':
      return str('articleId')
        ? { action: 'choose', articleId: str('articleId')!, query: str('query') ?? '' }
        : undefined;
    case 'none-of-these':
      return { action: 'none-of-these', query: str('query') ?? '' };
    case 'handoff':
      return { action: 'handoff' };
    default:
      return undefined;
  }
}
