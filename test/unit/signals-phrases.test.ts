/**
 * Phrase suites written independently of the lexicons: every explicit request must escalate,
 * every routine question must not trigger anything.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSignalDetector, initialSignalState, observeUserTurn } from '../../src/handoff/policy/index.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/phrases');
const detector = createSignalDetector();

function lines(file: string): string[] {
  return readFileSync(path.join(FIXTURES, file), 'utf8')
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

const firstTurn = (text: string) => observeUserTurn(detector, initialSignalState(), { text }).decision;

describe.each(['en', 'fil', 'ur'])('phrase suite (%s)', (lang) => {
  it('catches every explicit request', () => {
    const phrases = lines(`explicit-${lang}.txt`);
    expect(phrases.length).toBeGreaterThan(0);
    const missed = phrases.filter((p) => firstTurn(p).trigger !== 'explicit_request');
    expect(missed).toEqual([]);
  });

  it('triggers nothing on routine questions', () => {
    const phrases = lines(`routine-${lang}.txt`);
    expect(phrases.length).toBeGreaterThan(0);
    const triggered = phrases
      .map((p) => ({ p, d: firstTurn(p) }))
      .filter(({ d }) => d.action !== 'continue' || d.reasons.some((r) => r.code === 'explicit_request'))
      .map(({ p, d }) => `${p} → ${d.trigger ?? d.reasons.map((r) => r.code).join(',')}`);
    expect(triggered).toEqual([]);
  });
});
