import { describe, expect, it } from 'vitest';
import { inferBotOutcome } from './bot-outcome.js';
import { normalise } from './text.js';
import { codes, detector, hit } from './test-helpers.js';

describe('not helpful replies', () => {
  it.each([
    ['en', "that didn't help at all"],
    ['en', 'thats not what i asked'],
    ['fil', 'hindi po yan ang tinatanong ko'],
    ['fil', 'hindi yun, iba yung problema'],
    ['fil', 'sinubukan ko na, ganun pa rin'],
    ['ur', 'yeh nahi pucha maine'],
    ['ur', 'is se kaam nahi bana'],
    ['ur', 'یہ نہیں، میرا سوال کچھ اور تھا'],
  ])('%s: %s', (_lang, text) => expect(codes(text)).toContain('not_helpful'));

  it('needs a bot reply to refer to', () => {
    expect(codes("I tried restarting and it didn't work", { afterBot: false })).not.toContain('not_helpful');
  });
});

describe('rephrasing', () => {
  const recent = [{ turn: 1, text: normalise('how do i change the delivery address on my order') }];

  it('fires when the customer asks the same thing again', () => {
    expect(hit('how can I change the delivery address of my order', 'rephrase', { recent })?.detail).toMatch(
      /turn 1/,
    );
  });

  it('ignores new questions and short replies', () => {
    expect(codes('what payment methods do you accept', { recent })).not.toContain('rephrase');
    expect(codes('ok', { recent: [{ turn: 1, text: 'ok' }] })).not.toContain('rephrase');
  });
});

describe('resolution cues', () => {
  it.each([
    ['en', 'thanks, that worked'],
    ['fil', 'salamat po, ok na'],
    ['ur', 'shukriya bhai, theek ho gaya'],
    ['ur', 'شکریہ، مسئلہ حل ہو گیا'],
  ])('%s: %s', (_lang, text) => expect(codes(text)).toEqual(['resolved']));

  it('is not fooled by "thanks, but…", negation or sarcasm', () => {
    expect(codes('thanks but it still does not work')).not.toContain('resolved');
    expect(codes('salamat pero hindi pa rin gumagana')).not.toContain('resolved');
    expect(codes('shukriya lekin masla hal nahi hua')).not.toContain('resolved');
    expect(codes('not solved')).not.toContain('resolved');
    expect(codes('thanks for nothing, useless bot')).not.toContain('resolved');
  });
});

describe('answering an offer of a person', () => {
  const offered = { offerPending: true };

  it.each(['yes please', 'sige po', 'opo', 'haan jaldi', 'جی ملا دیں', 'ok'])('accepts: %s', (text) =>
    expect(codes(text, offered)).toContain('accepted_offer'),
  );

  it.each(['no thanks, I will try again', 'hindi na po', 'nahi rehne do', 'نہیں شکریہ'])(
    'declines: %s',
    (text) => expect(codes(text, offered)).not.toContain('accepted_offer'),
  );

  it('takes a fresh complaint instead of an answer as a yes', () => {
    expect(hit('this is ridiculous', 'accepted_offer', offered)?.detail).toMatch(/complained/);
  });

  it('means nothing without an offer', () => {
    expect(codes('yes please')).not.toContain('accepted_offer');
  });
});

describe('bot outcome from the bot text', () => {
  const infer = (text: string) => inferBotOutcome(detector.lexicons.bot, text);

  it.each([
    ["Sorry, I couldn't find anything about that.", 'none'],
    ['Pasensya na, hindi ko alam ang sagot diyan.', 'none'],
    ['معذرت، مجھے اس بارے میں معلومات نہیں ملیں۔', 'none'],
    ['Did you mean your order status or your refund?', 'clarify'],
    ['Ano po ang ibig ninyong sabihin?', 'clarify'],
    ['Kya aap ka matlab refund se hai?', 'clarify'],
    ['Your order ships tomorrow from our Pasig warehouse.', 'answer'],
  ])('%s → %s', (text, kind) => expect(infer(text).kind).toBe(kind));

  it('recognises an offer of a person', () => {
    expect(infer('Would you like me to connect you with an agent?').offeredPerson).toBe(true);
    expect(infer('Gusto mo bang makausap ang isang ahente?').offeredPerson).toBe(true);
    expect(infer('کیا میں آپ کو نمائندے سے ملا دوں؟').offeredPerson).toBe(true);
  });
});
