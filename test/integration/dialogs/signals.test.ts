/**
 * Issue "Signals": when Tulay brings in a person, and what the agent is told. Real dialog, real
 * sample KB, real signal detector and policy, real SQLite; only the HandoffPort records.
 */
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../src/dialogs/index.js';
import type { Lang } from '../../../src/knowledge/index.js';
import {
  answers,
  cardButtons,
  cardTexts,
  kbArticle,
  offers,
  offersPerson,
  openDialogEnv,
  showReplies,
  startConversation,
  type Conversation,
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

/** The reply is the "couldn't find an answer" card in `lang`, with a "Talk to a person" button. */
function expectNoAnswerOffer(replies: Replies, lang: Lang): void {
  expect(replies, showReplies(replies)).toHaveLength(1);
  const [reply] = replies as [Partial<Activity>];
  expect(cardTexts(reply)).toEqual([t('noAnswer', lang)]);
  expect(cardButtons(reply)).toEqual([
    expect.objectContaining({ title: t('talkToPerson', lang), data: { action: 'handoff' } }),
  ]);
}

function expectNoHandoff(c: Conversation): void {
  expect(c.handoff.calls, JSON.stringify(c.handoff.calls.map((x) => x.summary))).toEqual([]);
}

/** Exactly one handoff, requested on the turn just sent. */
function lastHandoff(c: Conversation) {
  expect(c.handoff.calls).toHaveLength(1);
  const call = c.handoff.calls[0]!;
  expect(call.turn).toBe(c.turns);
  return call.summary;
}

describe('1. an explicit request for a person hands off at once', () => {
  it.each([
    ['English', 'en', 'talk to a human please'],
    ['Filipino', 'fil', 'gusto kong makausap ang tao'],
    ['Taglish', 'fil', 'pwede po ba akong makausap ng totoong tao?'],
    ['Roman Urdu', 'ur', 'kisi banday se baat karao'],
    ['Urdu (Arabic script)', 'ur', 'انسان سے بات کرائیں'],
  ] as const)('%s (%s): "%s"', async (_name, lang, text) => {
    const c = startConversation(env);
    const replies = await c.say(text);

    const summary = lastHandoff(c);
    expect(summary.explicit).toBe(true);
    expect(summary.reasons).toContainEqual(expect.objectContaining({ code: 'explicit_request', turn: 1 }));
    expect(summary.question).toBe(text);
    expect(summary.lang).toBe(lang);
    expect(summary).toMatchObject({
      channel: 'webchat',
      audience: 'external',
      escalatedBecause: 'customer asked for a person',
    });
    // The bot does not also try the knowledge base or offer what was just asked for.
    expect(answers(replies)).toEqual([]);
    expect(offers(replies)).toEqual([]);
  });

  it.each([
    [
      'English',
      'en',
      'how do I cancel something I bought yesterday',
      'order-cancel',
      'can I talk to a real person',
    ],
    [
      'Filipino',
      'fil',
      'paano ko ika-cancel yung binili ko kahapon',
      'order-cancel',
      'gusto kong makausap ang tao',
    ],
    [
      'Roman Urdu',
      'ur',
      'kal wala order cancel karna hai kaise hoga',
      'order-cancel',
      'kisi banday se baat karao',
    ],
    ['Urdu (Arabic script)', 'ur', 'مجھے اپنا آرڈر منسوخ کروانا ہے', 'order-cancel', 'انسان سے بات کرائیں'],
  ] as const)(
    '%s: asked after a question, on turn 2, with the question and the article tried',
    async (_name, lang, question, articleId, request) => {
      const c = startConversation(env);
      expect(answers(await c.say(question)).map((a) => a.id)).toEqual([articleId]);
      expectNoHandoff(c);

      await c.say(request);
      const summary = lastHandoff(c);
      expect(summary.explicit).toBe(true);
      expect(summary.reasons).toContainEqual(expect.objectContaining({ code: 'explicit_request', turn: 2 }));
      expect(summary.question).toBe(`${question}\n${request}`);
      expect(summary.lang).toBe(lang);
      expect(summary.articles[0]?.id).toBe(articleId);
      expect(summary.queue).toBe(kbArticle('en', articleId).queue);
    },
  );
});

/** Off-topic for an electronics retailer, in each language. */
const OFF_TOPIC = {
  English: ['do you sell pizza', 'can you book me a flight to Dubai'],
  Filipino: ['nagbebenta ba kayo ng pizza', 'pwede niyo ba akong i-book ng flight papuntang Dubai'],
  'Roman Urdu': ['kya aap pizza bechte hain', 'mere liye Dubai ki flight book kar do'],
  'Urdu (Arabic script)': ['میرے لیے دبئی کی فلائٹ بک کر دیں', 'مجھے بریانی کی ترکیب بتائیں'],
} as const;

describe('2. two no-answer turns in a row', () => {
  it.each([
    ['English', 'en', 'yes'],
    ['Filipino', 'fil', 'oo'],
    ['Roman Urdu', 'ur', 'haan'],
    ['Urdu (Arabic script)', 'ur', 'جی ہاں'],
  ] as const)('%s (%s): each offers a person; "%s" to the offer hands off', async (name, lang, yes) => {
    const c = startConversation(env);
    const [first, second] = OFF_TOPIC[name];
    expectNoAnswerOffer(await c.say(first), lang);
    expectNoAnswerOffer(await c.say(second), lang);
    expectNoHandoff(c);

    const replies = await c.say(yes);
    const summary = lastHandoff(c);
    expect(summary.explicit).toBe(true);
    expect(summary.escalatedBecause).toBe('customer accepted the offer of a person');
    expect(summary.lang).toBe(lang);
    expect(summary.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'no_answer', turn: 1 }),
        expect.objectContaining({ code: 'no_answer', turn: 2 }),
        expect.objectContaining({ code: 'accepted_offer', turn: 3 }),
      ]),
    );
    expect(summary.question).toBe(`${first}\n${second}`);
    expect(answers(replies)).toEqual([]);
  });

  it.each([
    ['English', 'en', 'how do I cancel something I bought yesterday', 'yes please'],
    ['Filipino', 'fil', 'paano ko ika-cancel yung binili ko kahapon', 'sige po'],
    ['Roman Urdu', 'ur', 'kal wala order cancel karna hai kaise hoga', 'ji haan'],
    ['Urdu (Arabic script)', 'ur', 'مجھے اپنا آرڈر منسوخ کروانا ہے', 'جی بالکل'],
  ] as const)(
    '%s: after the second, the policy offers a person even when the next question is answered',
    async (name, lang, answerable, yes) => {
      const c = startConversation(env);
      const [first, second] = OFF_TOPIC[name];
      expectNoAnswerOffer(await c.say(first), lang);
      expectNoAnswerOffer(await c.say(second), lang);

      const replies = await c.say(answerable);
      expect(answers(replies), showReplies(replies)).toEqual([
        { id: 'order-cancel', title: kbArticle(lang, 'order-cancel').title },
      ]);
      // The answer first, then the policy's offer (two unresolved exchanges in a row).
      expect(replies).toHaveLength(2);
      expect(cardTexts(replies[1]!)).toEqual([t('offerPerson', lang)]);
      expect(offersPerson(replies[1]!)).toBe(true);
      expectNoHandoff(c);

      await c.say(yes);
      const summary = lastHandoff(c);
      expect(summary.escalatedBecause).toBe('customer accepted the offer of a person');
      expect(summary.reasons).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'no_answer', turn: 1 }),
          expect.objectContaining({ code: 'no_answer', turn: 2 }),
          expect.objectContaining({ code: 'accepted_offer', turn: 4 }),
        ]),
      );
    },
  );

  it.each([
    ['English', 'en'],
    ['Filipino', 'fil'],
    ['Roman Urdu', 'ur'],
    ['Urdu (Arabic script)', 'ur'],
  ] as const)(
    '%s: pressing "Talk to a person" hands off with the earlier reasons too',
    async (name, lang) => {
      const c = startConversation(env);
      const [first, second] = OFF_TOPIC[name];
      expectNoAnswerOffer(await c.say(first), lang);
      const offer = await c.say(second);
      expectNoAnswerOffer(offer, lang);

      const button = cardButtons(offer[0]!).find((b) => b.data.action === 'handoff')!;
      await c.press(button.data);
      const summary = lastHandoff(c);
      expect(summary.explicit).toBe(true);
      expect(summary.escalatedBecause).toBe('customer asked for a person');
      expect(summary.lang).toBe(lang);
      expect(summary.reasons).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'no_answer', turn: 1 }),
          expect.objectContaining({ code: 'no_answer', turn: 2 }),
          expect.objectContaining({ code: 'explicit_request', turn: 3 }),
        ]),
      );
      expect(summary.question).toBe(`${first}\n${second}`);
    },
  );
});

describe('3. rising frustration brings in a person, and the summary says why', () => {
  interface Case {
    lang: Lang;
    turns: [string, string, string];
    /** Reasons (code, turn) the agent must see. */
    reasons: [string, number][];
  }
  const cases: Record<string, Case> = {
    English: {
      lang: 'en',
      turns: ['my laptop is very slow', 'MY LAPTOP IS STILL SLOW!!! this is so annoying', 'this is useless'],
      reasons: [
        ['frustration', 2],
        ['repeat_answer', 2],
        ['frustration', 3],
        ['accepted_offer', 3],
      ],
    },
    Filipino: {
      lang: 'fil',
      turns: [
        'kailan darating yung parcel na inorder ko',
        'ang tagal naman, nasaan na yung order ko??',
        'ang tagal naman talaga, wala pa rin!!',
      ],
      reasons: [
        ['waiting', 2],
        ['waiting', 3],
        ['accepted_offer', 3],
      ],
    },
    'Roman Urdu': {
      lang: 'ur',
      turns: ['mera order kab tak pohnchega', 'yeh kya bakwas hai, order kahan hai??', 'yeh kya bakwas hai'],
      reasons: [
        ['frustration', 2],
        ['frustration', 3],
        ['accepted_offer', 3],
      ],
    },
    'Urdu (Arabic script)': {
      lang: 'ur',
      turns: [
        'ٹی وی پر تصویر نہیں آ رہی',
        'یہ کیا بکواس ہے، میں نے پوچھا ٹی وی پر تصویر کیوں نہیں آ رہی',
        'بہت بکواس سروس ہے',
      ],
      reasons: [
        ['frustration', 2],
        ['frustration', 3],
        ['accepted_offer', 3],
      ],
    },
  };

  it.each(Object.entries(cases))('%s', async (_name, { lang, turns, reasons }) => {
    const c = startConversation(env);
    const [calm, angry, angrier] = turns;
    const first = await c.say(calm);
    expect(offers(first), showReplies(first)).toEqual([]);

    // Angrier: a person is offered (by the policy, or with the no-answer), nobody is forced on them.
    const second = await c.say(angry);
    expect(offers(second), showReplies(second)).toHaveLength(1);
    expect(cardButtons(offers(second)[0]!)).toContainEqual(
      expect.objectContaining({ title: t('talkToPerson', lang) }),
    );
    expectNoHandoff(c);

    // Complaining again instead of answering the offer is a yes.
    await c.say(angrier);
    const summary = lastHandoff(c);
    expect(summary.lang).toBe(lang);
    expect(summary.score).toBeGreaterThan(0);
    for (const [code, turn] of reasons) {
      expect(summary.reasons, JSON.stringify(summary.reasons)).toContainEqual(
        expect.objectContaining({ code, turn, score: expect.any(Number) as number }),
      );
    }
    // Frustration and waiting say which words fired, so the agent can see for themselves.
    for (const r of summary.reasons.filter((x) => x.code === 'frustration' || x.code === 'waiting')) {
      expect(r.detail).toBeTruthy();
    }
    expect(summary.question.split('\n')).toEqual(turns);
  });
});

describe("3b. turn numbers in the reasons match the customer's turns, card presses included", () => {
  it('English: answer, 👎 (the bot offers a person), a complaint that takes the offer', async () => {
    const c = startConversation(env);
    const first = await c.say('how long does delivery take to cebu');
    const card = first.find((r) => answers([r]).length > 0)!;
    const down = cardButtons(card).find((b) => b.data.action === 'feedback' && b.data.helpful === false)!;
    expect(offers(await c.press(down.data))).toHaveLength(1); // turn 2
    await c.say('this is useless, nobody here helps'); // turn 3
    const summary = lastHandoff(c);
    expect(summary.reasons).toEqual(
      expect.arrayContaining([
        // Feedback belongs to the answer it judges (turn 1); the complaint to its own turn.
        expect.objectContaining({ code: 'feedback_down', turn: 1 }),
        expect.objectContaining({ code: 'frustration', turn: 3 }),
        expect.objectContaining({ code: 'accepted_offer', turn: 3 }),
      ]),
    );
  });
});

describe('4. a happy dialogue never brings in a person', () => {
  it.each([
    ['English', 'en', 'hi', 'how many days until my parcel gets to Cebu?', 'thanks'],
    ['Filipino', 'fil', 'kumusta', 'gaano katagal bago dumating ang order ko sa Cebu', 'salamat po'],
    ['Roman Urdu', 'ur', 'assalam o alaikum', 'Cebu tak delivery mein kitne din lagenge', 'shukriya'],
    ['Urdu (Arabic script)', 'ur', 'السلام علیکم', 'کراچی تک ڈیلیوری میں کتنے دن لگیں گے', 'شکریہ'],
  ] as const)('%s: greeting, answer, thanks', async (_name, lang, hello, question, thanks) => {
    const c = startConversation(env);
    // The same exchange written as a TestAdapter script: reply by reply.
    await c.adapter
      .send(hello)
      .assertReply((reply) => {
        expect(reply.text).toBe(t('greeting', lang));
        expect(offersPerson(reply)).toBe(false);
      })
      .send(question)
      .assertReply((reply) => {
        expect(answers([reply])).toEqual([
          { id: 'delivery-times', title: kbArticle(lang, 'delivery-times').title },
        ]);
        expect(offersPerson(reply)).toBe(false);
      })
      .send(thanks)
      .assertReply((reply) => {
        expect(reply.text).toBe(t('thanks', lang));
      })
      .assertNoReply('nothing after the thank-you', 20)
      .startTest();
    expectNoHandoff(c);
  });
});
