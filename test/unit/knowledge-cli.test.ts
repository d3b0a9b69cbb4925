import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { SMALL_KB, tempDir, writeMarkdownKb } from '../helpers/knowledge-kb.js';
import { writeTextVectors } from '../helpers/word-vectors.js';

const run = promisify(execFile);
const kb = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/knowledge/cli/main.ts', ...args], { cwd: process.cwd() });

let dir: string;
const queries = [
  { text: 'I forgot my password', expected: 'password-reset' },
  { text: 'when do you open on sunday', expected: 'store-hours' },
  { text: 'where is my refund', expected: 'refund-status' },
  { text: 'what is the capital of mongolia', expected: null },
  { text: 'best pizza topping', expected: null },
];

beforeAll(async () => {
  dir = await tempDir('tulay-kb-cli-');
  await writeMarkdownKb(path.join(dir, 'kb'), SMALL_KB);
  await writeFile(path.join(dir, 'queries.jsonl'), queries.map((q) => JSON.stringify(q)).join('\n'));
});

describe('kb CLI', () => {
  it('builds, then reports the index as up to date', async () => {
    const args = ['build', '--kb', path.join(dir, 'kb'), '--data', path.join(dir, 'data')];
    expect((await kb(args)).stdout).toMatch(/^built: 8 articles \(en 6, fil 1, ur 1\), 6 topics/);
    expect((await kb(args)).stdout).toMatch(/^up to date: 8 articles/);
  });

  it('asks a question and prints the decision', async () => {
    const { stdout } = await kb([
      'ask',
      'forgot my password',
      '--lang',
      'fil',
      '--kb',
      path.join(dir, 'kb'),
      '--data',
      path.join(dir, 'data'),
    ]);
    expect(stdout).toMatch(/^decision: answer password-reset \(fil\)/);
  });

  it('evaluates with calibration and writes one prediction line per query', async () => {
    const out = path.join(dir, 'pred.jsonl');
    const file = path.join(dir, 'queries.jsonl');
    const { stdout } = await kb([
      'eval',
      '--kb',
      path.join(dir, 'kb'),
      '--data',
      path.join(dir, 'data'),
      '--queries',
      file,
      '--calibrate',
      file,
      '--out',
      out,
    ]);
    const summary = JSON.parse(stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ queries: 5, in_scope: 3, out_of_scope: 2 });
    expect(summary.oos_recall).toBeGreaterThanOrEqual(50);
    const lines = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(Object.keys(lines[0]!).sort()).toEqual([
      'candidates',
      'decision',
      'expected',
      'latency_ms',
      'predicted',
      'score',
      'text',
    ]);
  });

  it('calibrates into a thresholds file that ask can load', async () => {
    const out = path.join(dir, 'thresholds.json');
    await kb([
      'calibrate',
      '--kb',
      path.join(dir, 'kb'),
      '--data',
      path.join(dir, 'data'),
      '--queries',
      path.join(dir, 'queries.jsonl'),
      '--out',
      out,
    ]);
    const written = JSON.parse(await readFile(out, 'utf8')) as {
      options: { answer: number };
      models: unknown;
    };
    expect(written.options.answer).toBeGreaterThan(0);
    expect(written.models).toEqual({ embeddings: 'hashed n-grams', wordVectors: 'none' });
    const ask = (...extra: string[]) =>
      kb(['ask', 'forgot my password', '--kb', path.join(dir, 'kb'), '--thresholds', out, ...extra]);
    const same = await ask('--data', path.join(dir, 'data'));
    expect(same.stdout).toMatch(/^decision: /);
    expect(same.stderr).not.toMatch(/calibrated with/);
    // Thresholds fitted to another model's scores still load, with a warning to recalibrate.
    const other = await ask(
      '--data',
      path.join(dir, 'data-other'),
      '--word-vectors',
      await writeTextVectors(dir, false),
    );
    expect(other.stdout).toMatch(/^decision: /);
    expect(other.stderr).toMatch(
      /^warning: .*thresholds\.json was calibrated with embeddings hashed n-grams, word vectors none, but the index uses embeddings hashed n-grams, word vectors vectors\.txt:.*; run kb calibrate again$/m,
    );
  });

  it('builds with word vectors from a file, and names a missing one', async () => {
    const vectors = await writeTextVectors(dir, true);
    const args = ['build', '--kb', path.join(dir, 'kb'), '--data', path.join(dir, 'data-words')];
    expect((await kb([...args, '--word-vectors', vectors])).stdout).toMatch(
      /^built: .*, word vectors vectors\.vec:\d+:[0-9a-f]{12}$/m,
    );
    await expect(kb([...args, '--word-vectors', path.join(dir, 'missing.vec')])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /kb build: word vectors: ".*missing\.vec" is neither a file nor an installed package/,
      ),
    });
  });

  it('exits 2 with usage on a bad option', async () => {
    await expect(kb(['eval', '--kb', 'x'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/eval needs --queries/),
    });
  });
});
