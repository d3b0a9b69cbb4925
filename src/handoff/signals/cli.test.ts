import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runEvalCommand } from './cli.js';

afterEach(() => vi.restoreAllMocks());

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => out.push(s));
  vi.spyOn(console, 'error').mockImplementation((s: string) => err.push(s));
  return { out, err };
}

describe('signals eval CLI', () => {
  it('writes one decision per user turn and prints a summary', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'signals-cli-'));
    const dialogs = path.join(dir, 'd.jsonl');
    const out = path.join(dir, 'decisions.jsonl');
    const dialog = {
      id: 'd1',
      lang: 'fil',
      turns: [
        { role: 'user', text: 'Magkano ang shipping sa Cebu?', dissatisfied: false },
        { role: 'bot', text: 'Ang shipping sa Cebu ay ₱120.' },
        { role: 'user', text: 'pakausap na lang po sa ahente', dissatisfied: true },
      ],
    };
    writeFileSync(dialogs, `${JSON.stringify(dialog)}\nnot json\n`);
    const io = capture();
    expect(runEvalCommand(['eval', '--dialogs', dialogs, '--out', out])).toBe(0);

    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ dialog: 'd1', turn: 2, escalate: true, action: 'escalate' });
    expect(io.err).toEqual([`${dialogs}:2: invalid JSON (${io.err[0]!.split('invalid JSON (')[1]}`]);
    const summary = JSON.parse(io.out.join('\n')) as {
      turn: { recall: number };
      skippedLines: number;
      definition: string;
    };
    expect(summary.turn.recall).toBe(1);
    expect(summary.skippedLines).toBe(1);
    expect(summary.definition).toMatch(/offer.*escalate/);
  });

  it('prints usage for a bad command line', () => {
    const io = capture();
    expect(runEvalCommand(['evaluate'])).toBe(2);
    expect(runEvalCommand(['eval'])).toBe(2);
    expect(runEvalCommand(['eval', '--dialogs', 'x', '--bogus'])).toBe(2);
    expect(io.err.join('\n')).toMatch(/usage: npm run signals -- eval --dialogs PATH/);
  });

  it('reports a missing dialogue path without a stack trace', () => {
    const io = capture();
    expect(runEvalCommand(['eval', '--dialogs', '/nonexistent.jsonl'])).toBe(1);
    expect(io.err[0]).toMatch(/^signals eval: readJsonl: \/nonexistent\.jsonl: no such file/);
  });
});
