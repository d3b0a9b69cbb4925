/**
 * `npm run signals -- eval --dialogs PATH [--out DECISIONS.jsonl]`
 * Replays labelled dialogues through the handoff detector and policy and prints a JSON summary.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createSignalDetector } from './detector.js';
import { loadDialogs } from './dialogs.js';
import { replayDialog } from './eval.js';
import { summarise } from './metrics.js';

const USAGE = 'usage: npm run signals -- eval --dialogs PATH [--out DECISIONS.jsonl]';

export function runEvalCommand(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { dialogs: { type: 'string' }, out: { type: 'string' } },
    });
  } catch (err) {
    console.error(`signals: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals[0] !== 'eval' || positionals.length > 1 || !values.dialogs) {
    console.error(USAGE);
    return 2;
  }
  let loaded;
  try {
    loaded = loadDialogs(values.dialogs);
  } catch (err) {
    console.error(`signals eval: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  for (const issue of loaded.issues) console.error(issue);
  const detector = createSignalDetector();
  const records = loaded.dialogs.flatMap((d) => replayDialog(detector, d));
  if (values.out) {
    const lines = records.map(({ dialog, turn, escalate, action, trigger, score, reasons }) =>
      JSON.stringify({ dialog, turn, escalate, action, trigger, score, reasons }),
    );
    writeFileSync(values.out, lines.length ? `${lines.join('\n')}\n` : '');
  }
  console.log(JSON.stringify({ ...summarise(records), skippedLines: loaded.issues.length }, null, 2));
  return 0;
}

// Run only when executed as the CLI, so tests can import runEvalCommand.
if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = runEvalCommand(process.argv.slice(2));
