/**
 * npm run agents -- add <username> --name "Maria Santos" --queues billing,orders [--role admin] [--password-stdin]
 * npm run agents -- list | remove <username> | passwd <username> [--password-stdin]
 * Passwords come from a hidden prompt or, for scripts, stdin; never from arguments (shell history).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/index.js';
import { openStorage } from '../../storage/index.js';
import { addAgent, changePassword, CliError, listAgents, removeAgent } from './commands.js';
import { readPassword } from './prompt.js';

const USAGE = `usage:
  npm run agents -- add <username> --name "Full Name" --queues billing,orders [--role agent|admin] [--password-stdin]
  npm run agents -- list
  npm run agents -- remove <username>
  npm run agents -- passwd <username> [--password-stdin]`;

async function main(argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      queues: { type: 'string' },
      role: { type: 'string', default: 'agent' },
      'password-stdin': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, username] = positionals;
  if (values.help || !command) return USAGE;
  if ((command === 'add' || command === 'remove' || command === 'passwd') && !username)
    throw new CliError(`agents: ${command} needs a username\n${USAGE}`);
  const storage = await openStorage(loadConfig().storage);
  try {
    const fromStdin = values['password-stdin'];
    switch (command) {
      case 'add':
        return await addAgent(storage.agents, {
          username: username ?? '',
          name: values.name ?? '',
          queues: (values.queues ?? '')
            .split(',')
            .map((q) => q.trim())
            .filter(Boolean),
          role: values.role,
          password: await readPassword(fromStdin, true),
        });
      case 'list':
        return await listAgents(storage.agents);
      case 'remove':
        return await removeAgent(storage.agents, username ?? '');
      case 'passwd':
        return await changePassword(storage.agents, username ?? '', await readPassword(fromStdin, true));
      default:
        throw new CliError(`agents: unknown command "${command}"\n${USAGE}`);
    }
  } finally {
    await storage.close();
  }
}

main(process.argv.slice(2)).then(
  (out) => console.log(out),
  (err: unknown) => {
    console.error(err instanceof CliError ? err.message : `agents: ${(err as Error).message}`);
    process.exitCode = 1;
  },
);
