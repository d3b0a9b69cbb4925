import { describe, expect, it } from 'vitest';
import { createSignalDetector } from './detector.js';
import { BUNDLED_LEXICONS, compileLexicons } from './loader.js';

describe('lexicon loader', () => {
  it('compiles every bundled lexicon', () => {
    const lex = compileLexicons();
    expect(lex.frustration.size).toBeGreaterThan(100);
    expect(lex.explicit.classes.person.size).toBeGreaterThan(10);
    expect(lex.profanity.size).toBeGreaterThan(50);
  });

  it('rejects a malformed lexicon, naming the file and the field', () => {
    const broken = {
      ...BUNDLED_LEXICONS,
      frustration: { ...BUNDLED_LEXICONS.frustration, sentiment: { en: { bad: 3 }, fil: {}, ur: {} } },
    };
    expect(() => compileLexicons(broken)).toThrow(/frustration\.json[\s\S]*sentiment\.en\.bad/);
  });

  it('accepts replacement lexicons through the detector', () => {
    const profanity = { en: ['blorp'], fil: [], ur: [] };
    const detector = createSignalDetector({ lexicons: { ...BUNDLED_LEXICONS, profanity } });
    expect(detector.lexicons.profanity.size).toBe(1);
  });
});
