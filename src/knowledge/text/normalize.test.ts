import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features.js';
import { normalizeText, tokenize } from './normalize.js';

describe('normalizeText', () => {
  it('unifies Arabic and Urdu letter variants and digits', () => {
    // Arabic yeh/kaf/heh typed on an Arabic keyboard vs the Urdu letters.
    expect(normalizeText('كيا')).toBe(normalizeText('کیا'));
    expect(normalizeText('ميرا پاس ورڈ')).toBe(normalizeText('میرا پاس ورڈ'));
    expect(normalizeText('۱۲۳ ١٢٣')).toBe('123 123');
  });

  it('strips accents and Urdu diacritics (aerab), and tatweel', () => {
    expect(normalizeText('Café ÑAndú')).toBe('cafe nandu');
    expect(normalizeText('پَاس')).toBe('پاس');
    expect(normalizeText('کـــیا')).toBe('کیا');
  });

  it('collapses elongated letters but keeps normal doubles', () => {
    expect(normalizeText('salamaaaat poooo')).toBe('salamat po');
    expect(normalizeText('good coffee')).toBe('good coffee');
  });

  it('tokenizes letters and digits in every script', () => {
    expect(tokenize(normalizeText('Hindi ko ma-login! Mera password kya hai? میرا 2FA'))).toEqual([
      'hindi',
      'ko',
      'ma',
      'login',
      'mera',
      'password',
      'kya',
      'hai',
      'میرا',
      '2fa',
    ]);
  });
});

describe('extractFeatures', () => {
  it('gives variant spellings shared features and different words few', () => {
    const shared = (a: string, b: string) => {
      const fa = extractFeatures(a);
      const fb = extractFeatures(b);
      return [...fa.keys()].filter((k) => fb.has(k)).length / Math.max(fa.size, fb.size);
    };
    expect(shared('كيا', 'کیا')).toBe(1);
    expect(shared('password reset', 'pasword reset')).toBeGreaterThan(0.5);
    expect(shared('password reset', 'delivery fees')).toBeLessThan(0.1);
  });
});
