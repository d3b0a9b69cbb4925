import { askCommand } from './ask.js';
import { buildCommand } from './build.js';
import { calibrateCommand } from './calibrate.js';
import { UsageError } from './common.js';
import { evalCommand } from './eval.js';

type Command = (args: string[]) => Promise<number>;

/**
 * `npm run kb -- <command>`. New commands register here (e.g. `gaps`, which another engineer
 * adds: one file under cli/ exporting a Command, one line below).
 */
const COMMANDS: Record<string, { run: Command; usage: string }> = {
  build: { run: buildCommand, usage: 'build [--kb PATH] [--data DIR]' },
  ask: {
    run: askCommand,
    usage:
      'ask "question" [--lang en|fil|ur] [--audience external|internal] [--kb PATH] [--thresholds FILE] [--json]',
  },
  eval: {
    run: evalCommand,
    usage:
      'eval --kb PATH --queries PATH [--calibrate VAL_PATH] [--oos-recall 0.5] [--out PREDICTIONS.jsonl]',
  },
  calibrate: {
    run: calibrateCommand,
    usage: 'calibrate --kb PATH --queries VAL_PATH [--out FILE] [--oos-recall 0.5]',
  },
  // gaps: { run: gapsCommand, usage: 'gaps ...' },
};

function usage(): string {
  return ['usage: kb <command> [options]', ...Object.values(COMMANDS).map((c) => `  kb ${c.usage}`)].join(
    '\n',
  );
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(name && name !== '--help' ? `kb: unknown command "${name}"\n${usage()}` : usage());
    return name && name !== '--help' ? 2 : 0;
  }
  try {
    return await command.run(args);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`kb ${name}: ${err.message}\n  kb ${command.usage}`);
      return 2;
    }
    console.error(`kb ${name}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
