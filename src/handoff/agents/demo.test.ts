import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/knowledge-kb.js';
import { openStorage, type StorageBundle } from '../../storage/index.js';
import { ensureDemoAgent } from './demo.js';
import { verifyPassword } from './password.js';

let storage: StorageBundle | undefined;
afterEach(async () => {
  await storage?.close();
  storage = undefined;
});

/** A pino logger that keeps every line it writes. */
function capturingLogger(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

describe('ensureDemoAgent', () => {
  it('writes the login to an owner-only file and keeps the password out of the log', async () => {
    const dir = await tempDir('tulay-demo-');
    storage = await openStorage({ kind: 'sqlite', path: path.join(dir, 'tulay.db') });
    const { logger, lines } = capturingLogger();
    const file = path.join(dir, 'data', 'demo-agent.txt');
    expect(await ensureDemoAgent(storage.agents, logger, file)).toBe(true);

    const password = /^password: (\S+)$/m.exec(await readFile(file, 'utf8'))?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const demo = await storage.agents.findByUsername('demo');
    expect(await verifyPassword(password, demo?.passwordHash ?? '')).toBe(true);
    expect(lines.join('\n')).toContain(file);
    expect(lines.join('\n')).not.toContain(password);
  });

  it('does nothing once any agent exists', async () => {
    const dir = await tempDir('tulay-demo-');
    storage = await openStorage({ kind: 'sqlite', path: path.join(dir, 'tulay.db') });
    const file = path.join(dir, 'demo-agent.txt');
    await ensureDemoAgent(storage.agents, pino({ level: 'silent' }), file);
    expect(await ensureDemoAgent(storage.agents, pino({ level: 'silent' }), file)).toBe(false);
  });
});
