import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { askCommand } from './ask.js';
import { buildCommand } from './build.js';
import { calibrateCommand } from './calibrate.js';
import { UsageError } from './common.js';
import { evalCommand } from './eval.js';
import { gapsCommand } from './gaps.js';

type Command = (args: string[]) => Promise<number>;

/** `npm run kb -- <command>`. New commands register here: one file under cli/ exporting a Command, one line below. */
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
  gaps: {
    run: gapsCommand,
    usage:
      'gaps [--since DATE|30d] [--limit 20] [--lang en|fil|ur] [--json]  (storage from DATABASE_URL / DATA_DIR)',
  },
};

function usage(): string {
  return ['usage: kb <command> [options]', ...Object.values(COMMANDS).map((c) => `  kb ${c.usage}`)].join(
    '\n',
  );
}

/** The whole CLI: runs one command and returns its exit code (2 for usage errors). */
export async function main(argv: string[]): Promise<number> {
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

/** True when this file is the program (tsx src/knowledge/cli/main.ts), not a test importing `main`. */
function isEntry(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntry()) process.exitCode = await main(process.argv.slice(2));
