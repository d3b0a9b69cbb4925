import { beforeAll, describe, expect, it } from 'vitest';
import { SMALL_KB } from '../../../test/helpers/knowledge-kb.js';
import { KnowledgeIndex } from '../search/knowledge-index.js';
import { parseIndexOptions } from '../search/options.js';
import { Answerer } from './answerer.js';
import { resolveAnswerOptions } from './options.js';

let index: KnowledgeIndex;
let answerer: Answerer;

beforeAll(async () => {
  index = await KnowledgeIndex.build(SMALL_KB, parseIndexOptions());
  answerer = new Answerer(index, resolveAnswerOptions());
});

describe('Answerer.decide', () => {
  it('answers a clear question with the right article and a high confidence', () => {
    const d = answerer.decide('I forgot my password', { lang: 'en', audience: 'external' });
    expect(d.kind).toBe('answer');
    expect(d.article?.id).toBe('password-reset');
    expect(d.confidence).toBeGreaterThan(0.5);
    expect(d.fallbackLanguage).toBe(false);
  });

  it('returns candidates best first with confidences in [0,1]', () => {
    const d = answerer.decide('refund for my returned item', { lang: 'en', audience: 'external' });
    const scores = d.candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const c of d.candidates) {
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('abstains on a question the KB does not cover', () => {
    const d = answerer.decide('what is the capital of mongolia', { lang: 'en', audience: 'external' });
    expect(d.kind).toBe('none');
    expect(d.article).toBeUndefined();
  });

  it('never shows internal articles to external customers', () => {
    const external = answerer.decide('how do i set up vpn', { lang: 'en', audience: 'external' });
    expect(external.candidates.map((c) => c.id)).not.toContain('vpn-setup');
    const internal = answerer.decide('how do i set up vpn', { lang: 'en', audience: 'internal' });
    expect(internal.article?.id).toBe('vpn-setup');
  });

  it('hides external-only articles from employees', () => {
    const d = answerer.decide('how long does delivery take', { lang: 'en', audience: 'internal' });
    expect(d.candidates.map((c) => c.id)).not.toContain('delivery-time');
  });

  it("answers in the customer's language when translated, else in English with fallbackLanguage", () => {
    const ur = answerer.decide('delivery kitne din mein hoti hai', { lang: 'ur', audience: 'external' });
    expect(ur.article).toMatchObject({ id: 'delivery-time', lang: 'ur' });
    expect(ur.fallbackLanguage).toBe(false);
    const fil = answerer.decide('how long does delivery take', { lang: 'fil', audience: 'external' });
    expect(fil.article).toMatchObject({ id: 'delivery-time', lang: 'en' });
    expect(fil.fallbackLanguage).toBe(true);
  });

  it('matches across languages: a Filipino question finds the article, served in English to an English chat', () => {
    const d = answerer.decide('nakalimutan ko ang password', { lang: 'en', audience: 'external' });
    expect(d.article).toMatchObject({ id: 'password-reset', lang: 'en' });
  });

  it('asks to clarify when the best candidates are close and confidence is short of answering', () => {
    const strict = new Answerer(
      index,
      resolveAnswerOptions({ answer: 0.999, clarify: { minScore: 0.05, gap: 0.5 } }),
    );
    const d = strict.decide('refund return item', { lang: 'en', audience: 'external' });
    expect(d.kind).toBe('clarify');
    expect(d.candidates.length).toBeGreaterThanOrEqual(2);
    expect(d.candidates.length).toBeLessThanOrEqual(3);
    expect(d.candidates.map((c) => c.id)).toEqual(expect.arrayContaining(['return-item', 'refund-status']));
  });

  it('returns none for an empty query', () => {
    expect(answerer.decide('   ', { lang: 'en', audience: 'all' })).toEqual({
      kind: 'none',
      candidates: [],
      confidence: 0,
    });
  });
});

describe('Answerer.getArticle', () => {
  it('prefers the language, falls back to English, respects audience', () => {
    expect(answerer.getArticle('password-reset', 'fil', 'external')).toMatchObject({
      article: { lang: 'fil' },
      fallbackLanguage: false,
    });
    expect(answerer.getArticle('store-hours', 'ur', 'external')).toMatchObject({
      article: { lang: 'en' },
      fallbackLanguage: true,
    });
    expect(answerer.getArticle('vpn-setup', 'en', 'external')).toBeUndefined();
    expect(answerer.getArticle('nope', 'en', 'internal')).toBeUndefined();
  });
});

describe('resolveAnswerOptions', () => {
  it('merges nested layers and validates once', () => {
    const o = resolveAnswerOptions({ clarify: { gap: 0.2 } }, { clarify: { max: 2 } });
    expect(o.clarify).toMatchObject({ gap: 0.2, max: 2, minScore: 0.3 });
    expect(() => resolveAnswerOptions({ answer: 2 })).toThrow(/knowledge answer options/);
  });
});
