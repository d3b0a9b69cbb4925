import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { validateManifest } from '../../src/channels/teams/index.js';
import { TEAMS_BOT } from '../helpers/teams.js';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'tulay-teams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the script behind `npm run teams:package` the way npm does, without npm's own output. */
function teamsPackage(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  return new Promise((resolve) => {
    execFile(tsx, ['src/channels/teams/package.ts', ...args], { cwd: root }, (err, stdout, stderr) => {
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run teams:package', () => {
  it('writes a zip with manifest.json and both icons that passes the schema', async () => {
    const out = path.join(dir, 'nested', 'tulay-teams.zip');
    const run = await teamsPackage([
      '--bot-id',
      TEAMS_BOT.appId,
      '--name',
      'Tulay',
      '--valid-domain',
      'https://tulay.kidlat.example',
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`teams:package: wrote ${out}`);
    const archive = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(archive.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await archive.file('manifest.json')!.async('string')) as {
      manifestVersion: string;
    };
    expect(validateManifest(manifest)).toEqual([]);
    expect(manifest).toMatchObject({
      bots: [{ botId: TEAMS_BOT.appId }],
      validDomains: ['tulay.kidlat.example'],
    });
  }, 60_000);

  it('fails with a clear message and writes nothing when the bot id is not a GUID', async () => {
    const out = path.join(dir, 'bad.zip');
    const run = await teamsPackage([
      '--bot-id',
      'tulay',
      '--valid-domain',
      'tulay.kidlat.example',
      '--out',
      out,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('teams/manifest: manifest.json does not match the Teams v1.19 schema');
    expect(run.stderr).toContain('/bots/0/botId must match pattern');
    expect(run.stderr).toContain("the bot id is the Azure Bot's Microsoft App ID");
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('explains a missing --bot-id', async () => {
    const run = await teamsPackage(['--out', path.join(dir, 'none.zip')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('teams:package: --bot-id is required');
  }, 60_000);
});
