import { describe, expect, it } from 'vitest';
import { editDistance, tokenMatches } from './fuzzy.js';
import { PhraseSet } from './phrases.js';
import { containment, normalise, similarity, squeeze, tokenize } from './text.js';

describe('normalise', () => {
  it('lowercases, strips accents and punctuation, keeps apostrophe words whole', () => {
    expect(normalise("Café!!  Didn't   WORK?")).toBe('cafe didnt work');
    expect(normalise('ma-access yung e-mail')).toBe('ma access yung e mail');
  });

  it('shortens stretched letters but keeps real doubles', () => {
    expect(normalise('pleeeeease sooo baaaat need')).toBe('pleease soo baat need');
  });

  it('maps Arabic-keyboard letters to Urdu ones and drops short vowels, but keeps madda', () => {
    expect(normalise('كيا')).toBe(normalise('کیا'));
    expect(normalise('بَات')).toBe('بات');
    // آلو (potato) must not become الو (an insult).
    expect(normalise('آلو')).not.toBe(normalise('الو'));
  });
});

describe('fuzzy token matching', () => {
  it('tolerates typos in longer words and transpositions in short ones', () => {
    expect(tokenMatches('represntative', 'representative')).toBe(true);
    expect(tokenMatches('humna', 'human')).toBe(true);
    expect(tokenMatches('tlak', 'talk')).toBe(true);
  });

  it('does not turn one word into another', () => {
    expect(tokenMatches('grab', 'grabe')).toBe(false);
    expect(tokenMatches('router', 'route')).toBe(false);
    expect(tokenMatches('lahat', 'lanat')).toBe(false);
    expect(tokenMatches('tao', 'tae')).toBe(false);
  });

  it('reads texting spellings with vowels left out', () => {
    expect(tokenMatches('bndy', 'banday')).toBe(true);
    expect(tokenMatches('krwao', 'karwao')).toBe(true);
    expect(tokenMatches('ki', 'koi')).toBe(false);
  });

  it('supports prefix patterns and looser matching for words that only count in combination', () => {
    expect(tokenMatches('nakakainis', 'nakakainis*')).toBe(true);
    expect(tokenMatches('ajent', 'agent', 'loose')).toBe(true);
    expect(tokenMatches('ajent', 'agent', 'normal')).toBe(false);
    expect(tokenMatches('tanda', 'tanga', 'strict')).toBe(false);
  });

  it('computes bounded edit distance', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
    expect(editDistance('ab', 'ba', 2)).toBe(1);
  });
});

describe('PhraseSet', () => {
  const set = new PhraseSet(
    { 'ang tagal': 0.7, tagal: 0.4, 'ho gaya': 0.5, '# days na': 0.6 },
    { maxGap: 1 },
  );
  const find = (text: string) => set.find(tokenize(normalise(text))).map((h) => h.phrase);

  it('prefers the longest match and does not double count', () => {
    expect(find('ang tagal naman')).toEqual(['ang tagal']);
  });

  it('matches joined spellings and numbers', () => {
    expect(find('kaam hogaya')).toEqual(['ho gaya']);
    expect(find('3 days na wala')).toEqual(['# days na']);
  });
});

describe('similarity', () => {
  it('scores rephrasings high and unrelated text low', () => {
    const a = normalise('how do i change my delivery address');
    expect(similarity(a, normalise('how can i change the delivery address'))).toBeGreaterThan(0.5);
    expect(similarity(a, normalise('my card was charged twice'))).toBeLessThan(0.2);
  });

  it('sees a shortened restatement as contained in the original', () => {
    const long = normalise(
      'Before anything else, restart the laptop and install pending updates from Settings.',
    );
    expect(
      containment(normalise('Restart the laptop and install pending updates from Settings.'), long),
    ).toBeGreaterThan(0.9);
  });

  it('squeezes repeated letters', () => {
    expect(squeeze('baaat')).toBe('bat');
  });
});
