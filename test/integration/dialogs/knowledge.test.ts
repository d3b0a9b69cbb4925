/**
 * Issue "Knowledge": what Tulay answers from the sample KB, in which language, to whom, and what it
 * does when it cannot answer. Real dialog, real sample KB, real signals, real SQLite feedback
 * store; only the HandoffPort records. Questions are our own paraphrases, worded differently from
 * the articles' titles and `questions:` lists.
 */
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../src/dialogs/index.js';
import type { Lang } from '../../../src/knowledge/index.js';
import {
  answers,
  cardButtons,
  cardOf,
  cardTexts,
  cardTitle,
  clarifyChoices,
  kbArticle,
  offers,
  openDialogEnv,
  showReplies,
  startConversation,
  suggestedTitles,
  type DialogEnv,
} from '../../helpers/dialog-harness.js';

let env: DialogEnv;
beforeAll(async () => {
  env = await openDialogEnv();
});
afterAll(async () => {
  await env?.close();
});

type Replies = Partial<Activity>[];

/** The replies hold exactly one answer card: article `id`, titled as in the KB in `lang`. */
function expectAnswer(replies: Replies, lang: Lang, id: string): Partial<Activity> {
  expect(answers(replies), showReplies(replies)).toEqual([{ id, title: kbArticle(lang, id).title }]);
  const card = replies.find((r) => answers([r]).length > 0)!;
  // In the customer's language: no "(available only in English)" note, the footer in that language.
  const texts = cardTexts(card);
  if (lang !== 'en') expect(texts).not.toContain(t('englishOnly', lang));
  expect(texts.at(-1)).toBe(t('didThisHelp', lang));
  return card;
}

const feedbackOf = async (conversationId: string, kind: 'answer' | 'unanswered') =>
  (await env.storage.feedback.list({ kind, limit: 1000 })).filter((f) => f.conversationId === conversationId);

describe('5. answers in the customer language, to questions worded their own way', () => {
  const cases: [string, Lang, string, string][] = [
    [
      'English',
      'en',
      'my package says it was dropped off but nothing is at my door',
      'delivery-tracking-missing',
    ],
    ['English', 'en', 'my new router has no internet after plugging it in', 'wifi-router-setup'],
    ['English', 'en', 'the TV screen says no input when I connect my console', 'tv-no-signal'],
    ['English', 'en', 'what time does your Makati branch close on Saturday', 'store-hours-locations'],
    [
      'English',
      'en',
      "can you issue an invoice under my employer's name for reimbursement",
      'invoice-receipt',
    ],
    ['English', 'en', 'how do I cancel something I bought yesterday', 'order-cancel'],
    [
      'English',
      'en',
      "I can't get into my Kidlat profile, I don't remember the login",
      'password-reset-customer',
    ],
    ['Filipino', 'fil', 'walang lumalabas sa TV pag sinaksak ko yung console', 'tv-no-signal'],
    ['Filipino', 'fil', 'hanggang anong oras bukas yung branch niyo sa Makati', 'store-hours-locations'],
    ['Filipino', 'fil', 'paano ko ika-cancel yung binili ko kahapon', 'order-cancel'],
    [
      'Filipino',
      'fil',
      'hindi ko na maalala yung password para makapasok sa account ko',
      'password-reset-customer',
    ],
    ['Taglish', 'fil', 'paano ko mapapabilis yung laptop kong sobrang kupad', 'laptop-slow'],
    ['Taglish', 'fil', 'bakit laging lowbat agad yung phone ko kahit bagong charge', 'phone-battery-drain'],
    ['Urdu (Arabic script)', 'ur', 'کھولے ہوئے ہیڈفون واپس کر کے پیسے مل سکتے ہیں؟', 'return-policy'],
    ['Urdu (Arabic script)', 'ur', 'مجھے کمپنی کے نام سے رسید چاہیے', 'invoice-receipt'],
    ['Urdu (Arabic script)', 'ur', 'کل جو چیز خریدی تھی وہ آرڈر کیسے کینسل کروں', 'order-cancel'],
    ['Urdu (Arabic script)', 'ur', 'میرا ڈیلیوری کا پتہ غلط ہے اسے بدلنا ہے', 'order-change-address'],
    ['Urdu (Arabic script)', 'ur', 'گفٹ کارڈ میں کتنے پیسے باقی ہیں کیسے پتا کروں', 'gift-cards'],
    ['Urdu (Arabic script)', 'ur', 'کراچی میں آپ کی دکان کہاں ہے', 'store-hours-locations'],
    ['Roman Urdu', 'ur', 'fridge ghar tak mangwane ka kitna kharcha hai', 'delivery-fees'],
    ['Roman Urdu', 'ur', 'mera password yaad nahi aa raha naya kaise banaun', 'password-reset-customer'],
    ['Roman Urdu', 'ur', 'mujhe purchase ka bill company ke naam par chahiye', 'invoice-receipt'],
    ['Roman Urdu', 'ur', 'phone ki charging bohat aahista ho rahi hai', 'phone-charging-issue'],
    ['Roman Urdu', 'ur', 'order kiye hue saman ka address badalna hai', 'order-change-address'],
    ['Roman Urdu', 'ur', 'TV par picture nahi aa rahi sirf no signal likha hai', 'tv-no-signal'],
  ];

  it('has at least five paraphrases per language, none copied from the KB', () => {
    for (const lang of ['en', 'fil', 'ur'] as const) {
      expect(cases.filter((c) => c[1] === lang).length).toBeGreaterThanOrEqual(5);
    }
    for (const [, lang, text, id] of cases) {
      const a = kbArticle(lang, id);
      const own = [a.title, ...(kbQuestions(lang, id) ?? [])].map(norm);
      expect(own, `${text} is in ${lang}/${id}.md`).not.toContain(norm(text));
    }
  });

  it.each(cases)('%s (%s): "%s" → %s', async (_name, lang, text, id) => {
    const c = startConversation(env);
    const replies = await c.say(text);
    expectAnswer(replies, lang, id);
    expect(offers(replies)).toEqual(kbArticle(lang, id).handoff ? [expect.anything()] : []);
  });
});

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .trim();

function kbQuestions(lang: Lang, id: string): string[] | undefined {
  return (kbArticle(lang, id) as { questions?: string[] }).questions;
}

describe('6. clarify: "did you mean…?" for a question between close articles', () => {
  it.each([
    ['English', 'en', 'about my delivery', ['delivery-fees', 'delivery-times']],
    ['Filipino', 'fil', 'tungkol sa account ko', ['account-create', 'account-delete']],
    ['Roman Urdu', 'ur', 'phone ka masla hai', ['phone-battery-drain', 'phone-wont-turn-on']],
    ['Urdu (Arabic script)', 'ur', 'ڈیلیوری کے بارے میں', ['delivery-fees', 'delivery-times']],
  ] as const)('%s (%s): "%s"', async (_name, lang, text, close) => {
    const c = startConversation(env);
    const replies = await c.say(text);
    expect(replies, showReplies(replies)).toHaveLength(1);
    const card = replies[0]!;
    expect(cardTexts(card)).toEqual([t('clarify', lang)]);
    const choices = clarifyChoices(card);
    expect(choices.length).toBeGreaterThanOrEqual(2);
    expect(choices.length).toBeLessThanOrEqual(3);
    expect(choices.map((x) => x.articleId)).toEqual(expect.arrayContaining([...close]));
    for (const choice of choices) {
      expect(choice.title).toBe(kbArticle(lang, choice.articleId).title);
      expect(choice.query).toBe(text);
    }
    expect(cardButtons(card).at(-1)).toMatchObject({
      title: t('noneOfThese', lang),
      data: { action: 'none-of-these' },
    });

    // Choosing the second candidate answers that one, in the same language.
    const picked = choices[1]!;
    const button = cardButtons(card).find((b) => b.data.articleId === picked.articleId)!;
    const answer = await c.press(button.data);
    const answerCard = expectAnswer(answer, lang, picked.articleId);
    // 👍/👎 on that answer carry the customer's original question.
    expect(cardButtons(answerCard).find((b) => b.data.action === 'feedback')?.data.query).toBe(text);
    expect(c.handoff.calls).toEqual([]);
  });

  it('English: "none of these" admits it, offers a person and records the question', async () => {
    const c = startConversation(env);
    const [card] = await c.say('about my delivery');
    const none = cardButtons(card!).find((b) => b.data.action === 'none-of-these')!;
    const replies = await c.press(none.data);
    expect(replies).toHaveLength(1);
    expect(cardTexts(replies[0]!)).toEqual([t('noAnswer', 'en')]);
    expect(offers(replies)).toHaveLength(1);
    expect(await feedbackOf(c.conversationId, 'unanswered')).toEqual([
      expect.objectContaining({ query: 'about my delivery', lang: 'en', channel: 'webchat' }),
    ]);
  });
});

describe('7. abstain: an off-topic question gets "no answer", a person, and a KB-gap record', () => {
  it.each([
    ['English', 'en', 'can you recommend a good restaurant nearby'],
    ['Filipino', 'fil', 'nagbebenta ba kayo ng pizza'],
    ['Roman Urdu', 'ur', 'mere liye Dubai ki flight book kar do'],
    ['Urdu (Arabic script)', 'ur', 'مجھے بریانی کی ترکیب بتائیں'],
  ] as const)('%s (%s): "%s"', async (_name, lang, text) => {
    const c = startConversation(env);
    const replies = await c.say(text);
    expect(replies, showReplies(replies)).toHaveLength(1);
    expect(answers(replies)).toEqual([]);
    expect(cardTexts(replies[0]!)).toEqual([t('noAnswer', lang)]);
    expect(cardButtons(replies[0]!)).toEqual([
      expect.objectContaining({ title: t('talkToPerson', lang), data: { action: 'handoff' } }),
    ]);
    // A plain-text summary for clients that cannot show cards.
    expect(replies[0]!.summary).toBe(t('noAnswer', lang));

    const unanswered = await feedbackOf(c.conversationId, 'unanswered');
    expect(unanswered).toEqual([
      expect.objectContaining({ kind: 'unanswered', query: text, lang, channel: 'webchat' }),
    ]);
    expect(unanswered[0]!.createdAt).toBeInstanceOf(Date);
    expect(c.handoff.calls).toEqual([]);
  });
});

describe('7b. a complaint is a reaction, not a KB gap', () => {
  it.each([
    ['English', 'en', 'this is useless'],
    ['Filipino', 'fil', 'nakakainis na talaga kayo'],
    ['Roman Urdu', 'ur', 'yeh kya bakwas hai'],
  ] as const)(
    '%s: "%s" gets an apology with a person offered, and no unanswered record',
    async (_n, lang, text) => {
      const c = startConversation(env);
      const replies = await c.say(text);
      expect(answers(replies)).toEqual([]);
      expect(offers(replies)).toHaveLength(1);
      expect(replies.flatMap((r) => cardTexts(r))).not.toContain(t('noAnswer', lang));
      expect(await feedbackOf(c.conversationId, 'unanswered')).toEqual([]);
    },
  );
});

describe('7c. after a complaint, the next plain question is a question again', () => {
  it('English: an off-topic question after "this is useless" is recorded as a KB gap', async () => {
    const c = startConversation(env);
    await c.say('this is useless');
    const text = 'can you recommend a good restaurant nearby';
    const replies = await c.say(text);
    expect(replies.flatMap((r) => cardTexts(r))).toContain(t('noAnswer', 'en'));
    expect(await feedbackOf(c.conversationId, 'unanswered')).toEqual([
      expect.objectContaining({ query: text }),
    ]);
  });
});

describe('8. audience: employee articles only in Teams', () => {
  const cases = [
    ['English', 'en', 'how do I set up the VPN on my new work laptop', 'it-vpn-setup'],
    ['Filipino', 'fil', 'saan ko makikita ang payslip ko', 'hr-payslip'],
    ['Roman Urdu', 'ur', 'meri salary slip kahan milegi', 'hr-payslip'],
    ['Urdu (Arabic script)', 'ur', 'payslip کہاں سے ملے گی', 'hr-payslip'],
  ] as const;

  it('the articles used here are internal', () => {
    for (const [, , , id] of cases) expect(kbArticle('en', id).audience).toBe('internal');
  });

  it.each(cases)('%s (%s): "%s" is never answered on the website', async (_name, _lang, text, id) => {
    for (const channelId of ['webchat', 'directline']) {
      const c = startConversation(env, { channelId });
      const replies = await c.say(text);
      expect(answers(replies).map((a) => a.id)).not.toContain(id);
      for (const r of replies) {
        // Not even as a "did you mean" choice or a follow-up.
        for (const choice of clarifyChoices(r)) expect(choice.articleId).not.toMatch(/^(it|hr|fin)-/);
        for (const a of answers([r])) expect(a.id).not.toMatch(/^(it|hr|fin)-/);
        expect(JSON.stringify(r)).not.toContain(kbArticle('en', id).title);
      }
    }
  });

  it.each(cases)('%s (%s): "%s" is answered in a Teams personal chat', async (_name, lang, text, id) => {
    const c = startConversation(env, { channelId: 'msteams', conversationType: 'personal' });
    const replies = await c.say(text);
    // Employee articles are written in English: the card says so in the customer's language.
    expect(answers(replies), showReplies(replies)).toEqual([{ id, title: kbArticle('en', id).title }]);
    const card = replies.find((r) => answers([r]).length > 0)!;
    if (lang !== 'en') expect(cardTexts(card)).toContain(t('englishOnly', lang));
    expect(cardTexts(card).at(-1)).toBe(t('didThisHelp', lang));
    // Teams gets Universal Actions, with a Submit fallback for older clients.
    expect(cardButtons(card).every((b) => b.type === 'Action.Execute')).toBe(true);
    expect(c.handoff.calls).toEqual([]);
  });
});

describe('9. human-only topics: answered, then a person is offered', () => {
  it.each([
    ['English', 'en', 'the TV arrived with a cracked screen', 'damaged-item', 'yes'],
    ['Filipino', 'fil', 'pwede ko pa bang ibalik yung earphones na binuksan ko na', 'return-policy', 'opo'],
    ['Roman Urdu', 'ur', 'refund abhi tak account mein nahi aaya', 'refund-status', 'haan ji'],
    ['Urdu (Arabic script)', 'ur', 'میرے پیسے کب واپس آئیں گے', 'refund-status', 'جی ہاں'],
  ] as const)('%s (%s): "%s" → %s', async (_name, lang, text, id, yes) => {
    expect(kbArticle(lang, id).handoff).toBe(true);
    const c = startConversation(env);
    const replies = await c.say(text);
    expect(replies, showReplies(replies)).toHaveLength(2);
    expectAnswer([replies[0]!], lang, id);
    expect(cardTexts(replies[1]!)).toEqual([t('humanOnly', lang)]);
    expect(cardButtons(replies[1]!)).toEqual([
      expect.objectContaining({ title: t('talkToPerson', lang), data: { action: 'handoff' } }),
    ]);
    expect(c.handoff.calls).toEqual([]);

    // Saying yes hands off to the article's queue, with the topic named.
    await c.say(yes);
    expect(c.handoff.calls).toHaveLength(1);
    const { summary, turn } = c.handoff.calls[0]!;
    expect(turn).toBe(2);
    expect(summary).toMatchObject({
      explicit: true,
      lang,
      queue: kbArticle('en', id).queue,
      escalatedBecause: 'customer accepted the offer of a person',
    });
    expect(summary.articles[0]?.id).toBe(id);
    expect(summary.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'human_only', turn: 1, detail: `article ${id}` }),
        expect.objectContaining({ code: 'accepted_offer', turn: 2 }),
      ]),
    );
  });
});

describe('10. feedback on an answer', () => {
  const cases = [
    ['English', 'en', 'how do I cancel something I bought yesterday'],
    ['Filipino', 'fil', 'paano ko ika-cancel yung binili ko kahapon'],
    ['Roman Urdu', 'ur', 'kal wala order cancel karna hai kaise hoga'],
    ['Urdu (Arabic script)', 'ur', 'مجھے اپنا آرڈر منسوخ کروانا ہے'],
  ] as const;

  it.each(cases)('%s (%s): 👍 is stored as helpful and thanked', async (_name, lang, text) => {
    const c = startConversation(env);
    const card = expectAnswer(await c.say(text), lang, 'order-cancel');
    const up = cardButtons(card).find((b) => b.title === '👍')!;
    expect(up.data).toEqual({ action: 'feedback', helpful: true, articleId: 'order-cancel', query: text });

    const replies = await c.press(up.data);
    expect(replies.map((r) => r.text)).toEqual([t('feedbackThanks', lang)]);
    expect(offers(replies)).toEqual([]);
    expect(await feedbackOf(c.conversationId, 'answer')).toEqual([
      expect.objectContaining({
        kind: 'answer',
        articleId: 'order-cancel',
        query: text,
        helpful: true,
        lang,
        channel: 'webchat',
      }),
    ]);
    expect(c.handoff.calls).toEqual([]);
  });

  it.each(cases)(
    '%s (%s): 👎 is stored as not helpful and a person is offered',
    async (_name, lang, text) => {
      const c = startConversation(env);
      const card = expectAnswer(await c.say(text), lang, 'order-cancel');
      const down = cardButtons(card).find((b) => b.title === '👎')!;

      const replies = await c.press(down.data);
      expect(replies, showReplies(replies)).toHaveLength(1);
      expect(cardTexts(replies[0]!)).toEqual([t('feedbackSorry', lang)]);
      expect(cardButtons(replies[0]!)).toEqual([
        expect.objectContaining({ title: t('talkToPerson', lang), data: { action: 'handoff' } }),
      ]);
      expect(await feedbackOf(c.conversationId, 'answer')).toEqual([
        expect.objectContaining({ articleId: 'order-cancel', query: text, helpful: false, lang }),
      ]);
      expect(c.handoff.calls).toEqual([]);
    },
  );
});

describe('11. follow-ups: suggested actions that answer the next turn', () => {
  it.each([
    ['English', 'en', 'how do I cancel something I bought yesterday', 'order-cancel', 'order-change-address'],
    ['Filipino', 'fil', 'anong mga bangko ang pwede sa hulugan', 'installments', 'payment-failed'],
    ['Roman Urdu', 'ur', 'store kitne baje band hota hai', 'store-hours-locations', 'price-match'],
    ['Urdu (Arabic script)', 'ur', 'مجھے اپنا آرڈر منسوخ کروانا ہے', 'order-cancel', 'order-change-address'],
  ] as const)('%s (%s): "%s" → %s, then %s', async (_name, lang, text, id, next) => {
    const c = startConversation(env);
    const replies = await c.say(text);
    const card = expectAnswer(replies, lang, id);
    const expected = (kbArticle(lang, id).follow_ups ?? []).map((f) => kbArticle(lang, f).title);
    expect(expected.length).toBeGreaterThan(0);
    expect(suggestedTitles(card)).toEqual(expected);
    for (const action of card.suggestedActions!.actions) expect(action).toMatchObject({ type: 'imBack' });

    // A click sends the title back as the customer's message; it answers that article, in the
    // conversation's language even when the title reads like English ("Failed o declined na payment").
    const title = kbArticle(lang, next).title;
    expect(suggestedTitles(card)).toContain(title);
    const after = await c.say(title);
    expectAnswer(after, lang, next);
    expect(offers(after)).toEqual([]);
    expect(c.handoff.calls).toEqual([]);
  });

  it('English: a follow-up title is not a complaint ("Payment failed or declined")', async () => {
    const c = startConversation(env);
    const card = expectAnswer(await c.say('do you take GCash'), 'en', 'payment-methods');
    expect(suggestedTitles(card)).toContain('Payment failed or declined');
    expectAnswer(await c.say('Payment failed or declined'), 'en', 'payment-failed');

    await c.say('talk to a human please');
    const { summary } = c.handoff.calls[0]!;
    expect(summary.reasons.map((r) => r.code)).not.toContain('frustration');
    expect(summary.reasons).toContainEqual(expect.objectContaining({ code: 'explicit_request', turn: 3 }));
  });
});

describe('replies are cards with a text summary', () => {
  it('an answer card carries the title as its summary, for clients without cards', async () => {
    const c = startConversation(env);
    const replies = await c.say('how do I cancel something I bought yesterday');
    expect(replies[0]!.summary).toBe(cardTitle(replies[0]!));
    expect(cardOf(replies[0]!)).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });
});
