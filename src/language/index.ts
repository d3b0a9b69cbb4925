/**
 * Offline language identification for Tulay's three languages.
 *
 * Order of evidence: script (any real share of Arabic-script letters means Urdu), then marker words
 * (short messages and code-switched Taglish / Roman Urdu are where statistical models fail), then
 * franc-min restricted to eng/tgl/urd for longer text without markers, then English.
 */
import { franc } from 'franc-min';
import { z } from 'zod';
import type { Lang } from '../knowledge/types.js';
import markersJson from './markers.json' with { type: 'json' };

export type { Lang } from '../knowledge/types.js';
export { fillTemplate } from './template.js';

export interface LanguageGuess {
  lang: Lang;
  script: 'latin' | 'arabic';
  /** 0..1; how much the evidence separated the winner from the runner-up. */
  confidence: number;
  /** Urdu written in Latin letters. */
  romanUrdu: boolean;
}

const weights = z.record(z.string(), z.number().min(0).max(1));
const markers = z.object({ fil: weights, ur: weights, en: weights }).parse(markersJson);

/** franc on a dozen letters is close to chance between eng and tgl; below this we trust markers only. */
const FRANC_MIN_LETTERS = 30;
const FRANC_TO_LANG: Record<string, Lang> = { eng: 'en', tgl: 'fil', urd: 'ur' };
// Arabic, Arabic Supplement, Arabic Extended-A and the presentation forms Urdu keyboards may emit.
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const LETTER = /\p{L}/gu;

export function detectLanguage(text: string): LanguageGuess {
  const letters = (text.match(LETTER) ?? []).length;
  const arabic = (text.match(ARABIC_LETTER) ?? []).length;
  // A customer may paste an English order number into an Urdu sentence: a third of letters suffices.
  if (arabic > 0 && arabic >= letters / 3) {
    return {
      lang: 'ur',
      script: 'arabic',
      confidence: Math.min(0.99, 0.6 + (0.4 * arabic) / letters),
      romanUrdu: false,
    };
  }
  const scores = markerScores(text);
  const local: Lang = scores.ur > scores.fil ? 'ur' : 'fil';
  const localScore = Math.max(scores.fil, scores.ur);
  const runnerUp = Math.min(scores.fil, scores.ur);
  // Code-switched text is mostly English words; one strong Filipino/Urdu marker per three English
  // ones is how Taglish and Roman Urdu read, and the customer still expects an answer in that language.
  if (localScore >= 1 && localScore >= 0.3 * scores.en && localScore > runnerUp) {
    return latin(local, confidenceFrom(localScore, Math.max(runnerUp, 0.3 * scores.en)));
  }
  if (scores.en >= 1 && scores.en > localScore) return latin('en', confidenceFrom(scores.en, localScore));
  if (letters >= FRANC_MIN_LETTERS) {
    const code = franc(text, { only: ['eng', 'tgl', 'urd'], minLength: FRANC_MIN_LETTERS });
    const lang = FRANC_TO_LANG[code];
    if (lang) return latin(lang, 0.5);
  }
  return latin('en', 0.3);
}

function latin(lang: Lang, confidence: number): LanguageGuess {
  return { lang, script: 'latin', confidence: Math.round(confidence * 100) / 100, romanUrdu: lang === 'ur' };
}

function markerScores(text: string): Record<Lang, number> {
  const scores: Record<Lang, number> = { en: 0, fil: 0, ur: 0 };
  // Apostrophes vanish so "don't" and "dont" are one marker.
  const tokens = text
    .toLowerCase()
    .replace(/['’]/gu, '')
    .split(/[^\p{L}]+/u);
  for (const token of tokens) {
    if (!token) continue;
    scores.fil += markers.fil[token] ?? 0;
    scores.ur += markers.ur[token] ?? 0;
    scores.en += markers.en[token] ?? 0;
  }
  return scores;
}

/** Maps a winning margin to 0.5..0.95 so one stray marker never looks certain. */
function confidenceFrom(best: number, second: number): number {
  return Math.min(0.95, 0.5 + 0.15 * (best - second));
}
