import { describe, expect, it } from 'vitest';
import { detectLanguage, fillTemplate } from './index.js';

describe('detectLanguage', () => {
  it('reads Arabic script as Urdu, even with Latin order codes inside', () => {
    expect(detectLanguage('میرا آرڈر ابھی تک نہیں پہنچا')).toMatchObject({
      lang: 'ur',
      script: 'arabic',
      romanUrdu: false,
    });
    expect(detectLanguage('آرڈر ZX-1182 کب آئے گا؟')).toMatchObject({ lang: 'ur', script: 'arabic' });
  });

  it('reads Roman Urdu from marker words', () => {
    const guess = detectLanguage('bhai mera parcel kab aayega, abhi tak nahi aaya');
    expect(guess).toMatchObject({ lang: 'ur', script: 'latin', romanUrdu: true });
    expect(guess.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('reads Filipino and Taglish from marker words', () => {
    expect(detectLanguage('Paano po magpalit ng delivery address?').lang).toBe('fil');
    // Mostly English words, but "po", "yung" and "naman" make it Taglish.
    expect(detectLanguage('Can you check po yung order ko, late na naman')).toMatchObject({
      lang: 'fil',
      romanUrdu: false,
    });
  });

  it('reads English', () => {
    expect(detectLanguage('How do I change the delivery address on my order?')).toMatchObject({
      lang: 'en',
      script: 'latin',
    });
  });

  it('falls back to English with low confidence when there is nothing to go on', () => {
    const guess = detectLanguage('ok');
    expect(guess.lang).toBe('en');
    expect(guess.confidence).toBeLessThan(0.5);
    expect(detectLanguage('').lang).toBe('en');
  });

  it('reads longer Filipino sentences', () => {
    const guess = detectLanguage('Magandang umaga, nagbabayad kami gamit kard kahapon ngunit walang resibo');
    expect(guess.lang).toBe('fil');
  });

  it('never reports a confidence outside 0..1', () => {
    for (const text of ['po po po po po po po po po', 'hai hai hai hai', 'the the the', 'سلام']) {
      const { confidence } = detectLanguage(text);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('fillTemplate', () => {
  it('fills known placeholders and leaves unknown ones as written', () => {
    expect(fillTemplate('Hi {name}, #{n} in line {x}', { name: 'Ana', n: 3 })).toBe('Hi Ana, #3 in line {x}');
    expect(fillTemplate('{constructor}', {})).toBe('{constructor}');
  });
});
