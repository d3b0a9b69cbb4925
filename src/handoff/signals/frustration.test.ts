import { describe, expect, it } from 'vitest';
import { noisyOr } from './frustration.js';
import { codes, hit } from './test-helpers.js';

describe('frustration', () => {
  it('English: vader sentiment plus support phrases vader misses', () => {
    expect(hit('This is absolutely terrible service, I hate this', 'frustration')?.detail).toMatch(
      /sentiment/,
    );
    expect(hit('honestly this is a waste of time', 'frustration')?.detail).toMatch(/waste of time/);
  });

  it('Filipino / Taglish lexicon', () => {
    expect(hit('nakakainis na talaga kayo', 'frustration')).toBeDefined();
    expect(hit('walang kwenta yung sagot mo', 'frustration')?.detail).toMatch(/walang kwenta/);
    expect(hit('hay nako, bwisit', 'frustration')!.score).toBeGreaterThan(0.8);
  });

  it('Urdu lexicon, Arabic script and Roman', () => {
    expect(hit('یہ کیا بکواس سروس ہے', 'frustration')?.detail).toMatch(/بکواس/);
    expect(hit('bilkul ghatiya service hai, tang aa gaya hun', 'frustration')!.score).toBeGreaterThan(0.9);
  });

  it('does not read Filipino "po" or Roman Urdu "kia" as English slang', () => {
    expect(codes('pwede po ba magbayad gamit gcash po?')).not.toContain('frustration');
    expect(codes('maine order kia tha kal')).not.toContain('frustration');
  });

  it('leaves plain problem statements alone', () => {
    expect(codes('My package arrived with a dent in the box')).not.toContain('frustration');
    expect(codes('sira po yung charger na dumating')).not.toContain('frustration');
  });

  it('treats ALL CAPS and !!!/??? as amplifiers only', () => {
    expect(codes('WHERE IS THE TRACKING NUMBER???')).toEqual([]);
    expect(codes('Thank you so much!!!')).not.toContain('frustration');
    const plain = hit('this is ridiculous', 'frustration')!.score;
    const loud = hit('THIS IS RIDICULOUS!!!', 'frustration')!;
    expect(loud.score).toBeGreaterThan(plain);
    expect(loud.detail).toMatch(/ALL CAPS/);
  });

  it('strengthens a complaint after an intensifier', () => {
    expect(hit('sobrang nakakairita', 'frustration')!.score).toBeGreaterThan(
      hit('nakakairita', 'frustration')!.score,
    );
  });

  it('counts angry faces', () => {
    expect(hit('order cancelled again 😡', 'frustration')?.detail).toContain('😡');
  });
});

describe('waiting complaints', () => {
  it.each([
    ['en', 'I am still waiting for my refund'],
    ['en', 'been 3 weeks and nothing'],
    ['fil', 'ang tagal naman ng delivery'],
    ['fil', '5 araw na wala pa rin'],
    ['ur', 'abhi tak nahi aaya mera parcel'],
    ['ur', 'کب تک انتظار کروں'],
  ])('%s: %s', (_lang, text) => expect(codes(text)).toContain('waiting'));

  it('weighs "how many days / until when" questions lightly: asking is not complaining', () => {
    for (const text of [
      'Cebu tak delivery mein kitne din lagenge',
      'mera order kab tak pohnchega',
      'لاہور میں ڈیلیوری میں کتنے دن لگتے ہیں',
      'ilang araw bago dumating sa Davao',
    ]) {
      expect(hit(text, 'waiting')?.score ?? 0, text).toBeLessThan(0.35);
    }
    expect(hit('kitne din ho gaye, abhi tak nahi aaya', 'waiting')!.score).toBeGreaterThan(0.6);
  });
});

describe('abuse and profanity', () => {
  it.each([
    ['en', 'this fucking app'],
    ['en', 'screw you'],
    ['fil', 'putangina ang bagal'],
    ['fil', 'gago ka ba'],
    ['ur', 'kuttay log ho tum'],
    ['ur', 'کمینے لوگ'],
  ])('%s: %s', (_lang, text) => expect(codes(text)).toContain('abuse'));

  it('does not find slurs inside Filipino words or model numbers', () => {
    expect(codes('wala pa ako natatanggap na email')).not.toContain('abuse');
    expect(codes('I ordered the Galaxy A55')).not.toContain('abuse');
    expect(codes('Scunthorpe assessment class')).not.toContain('abuse');
  });

  it('keeps potato apart from the insult', () => {
    expect(codes('آلو کی قیمت کیا ہے')).not.toContain('abuse');
  });
});

describe('noisyOr', () => {
  it('combines evidence without passing 1', () => {
    expect(noisyOr([])).toBe(0);
    expect(noisyOr([0.5, 0.5])).toBeCloseTo(0.75);
    expect(noisyOr([1, 0.3])).toBe(1);
  });
});
