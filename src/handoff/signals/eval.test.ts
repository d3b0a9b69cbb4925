/**
 * The eval over the labelled fixture dialogues, with floors that say what "good enough to ship"
 * means rather than the figures of the day:
 * - dialogue recall >= 0.75 overall and >= 0.65 in every language: three in four unhappy customers
 *   reach a person; with ~34 unhappy dialogues a language, one dialogue is ~3 points, so the
 *   per-language floor leaves room for a few misses. Dialogues whose only cue is a human-only topic
 *   (refunds, returns) cannot be caught from text; the live bot gets that flag from the KB.
 * - no language more than 0.2 behind the best on dialogue recall: fairness across languages.
 * - false escalation <= 0.15 overall and <= 0.25 per language (16 satisfied dialogues each).
 * - turn-level precision >= 0.7: most offers come when the customer is in fact unhappy.
 * - median delay <= 1 turn from the first unhappy turn to the offer.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSignalDetector } from './detector.js';
import { loadDialogs } from './dialogs.js';
import { replayDialog } from './eval.js';
import { summarise } from './metrics.js';

const DIALOGS = path.join(import.meta.dirname, '../../../test/fixtures/dialogs');

describe('signals eval on the fixture dialogues', () => {
  const detector = createSignalDetector();
  const { dialogs } = loadDialogs(DIALOGS);
  const summary = summarise(dialogs.flatMap((d) => replayDialog(detector, d)));

  it('has labelled dialogues in every language', () => {
    expect(Object.keys(summary.byLang).sort()).toEqual(['en', 'fil', 'ur']);
    expect(summary.dialogue.dissatisfied).toBeGreaterThan(0);
    expect(summary.dialogue.satisfied).toBeGreaterThan(0);
  });

  it('reaches most unhappy customers without bothering happy ones', () => {
    expect(summary.dialogue.recall).toBeGreaterThanOrEqual(0.75);
    expect(summary.dialogue.falseEscalationRate).toBeLessThanOrEqual(0.15);
    expect(summary.turn.precision).toBeGreaterThanOrEqual(0.7);
    expect(summary.dialogue.medianTurnsToEscalation).toBeLessThanOrEqual(1);
  });

  it('is fair to every language', () => {
    const recalls = Object.values(summary.byLang).map((f) => f.dialogue.recall ?? 0);
    for (const figures of Object.values(summary.byLang)) {
      expect(figures.dialogue.recall).toBeGreaterThanOrEqual(0.65);
      expect(figures.dialogue.falseEscalationRate ?? 0).toBeLessThanOrEqual(0.25);
    }
    expect(Math.max(...recalls) - Math.min(...recalls)).toBeLessThanOrEqual(0.2);
  });
});

describe('eval input handling', () => {
  it('reports bad lines as file:line and keeps the good ones', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'signals-eval-'));
    const good = {
      id: 'ok-1',
      lang: 'en',
      turns: [{ role: 'user', text: 'agent please', dissatisfied: true }],
    };
    writeFileSync(
      path.join(dir, 'a.jsonl'),
      [
        JSON.stringify(good),
        '{not json',
        JSON.stringify({ id: 'x', turns: [{ role: 'customer', text: 'hi' }] }),
        '',
        JSON.stringify(good),
        JSON.stringify({ id: 'b', turns: [{ role: 'bot', text: 'hello' }] }),
      ].join('\n'),
    );
    writeFileSync(path.join(dir, 'ignored.txt'), 'not a dialogue');
    const { dialogs, issues } = loadDialogs(dir);
    expect(dialogs.map((d) => d.id)).toEqual(['ok-1']);
    const file = path.join(dir, 'a.jsonl');
    expect(issues).toEqual([
      expect.stringMatching(new RegExp(`^${file}:2: invalid JSON`)),
      expect.stringMatching(new RegExp(`^${file}:3: turns\\.0\\.role:`)),
      `${file}:5: duplicate dialogue id "ok-1" (first at ${file}:1)`,
      `${file}:6: turns: no user turn to score`,
    ]);
  });

  it('fails clearly on a missing path', () => {
    expect(() => loadDialogs('/nonexistent/dialogs')).toThrow(
      /readJsonl: \/nonexistent\/dialogs: no such file/,
    );
  });
});
