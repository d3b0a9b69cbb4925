import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKAGE_PATH, parsePackageArgs } from './package-args.js';

describe('parsePackageArgs', () => {
  it('reads the bot id, name, output and repeated valid domains', () => {
    const options = parsePackageArgs([
      '--bot-id',
      ' 8d4c2f1e-5b7a-4e39-9c61-3f2a1b0d7e54 ',
      '--name',
      'Tulay (test)',
      '--valid-domain',
      'tulay.kidlat.example',
      '--valid-domain=https://agents.kidlat.example',
      '--out',
      'build/teams.zip',
    ]);
    expect(options).toMatchObject({
      botId: '8d4c2f1e-5b7a-4e39-9c61-3f2a1b0d7e54',
      name: 'Tulay (test)',
      validDomains: ['tulay.kidlat.example', 'https://agents.kidlat.example'],
      out: 'build/teams.zip',
      help: false,
    });
  });

  it('defaults the output path', () => {
    expect(parsePackageArgs(['--bot-id', 'x']).out).toBe(DEFAULT_PACKAGE_PATH);
  });

  it('requires --bot-id unless asking for help', () => {
    expect(() => parsePackageArgs([])).toThrow('teams:package: --bot-id is required');
    expect(parsePackageArgs(['--help']).help).toBe(true);
  });

  it('names unknown options', () => {
    expect(() => parsePackageArgs(['--bot-id', 'x', '--botid', 'y'])).toThrow(/^teams:package: .*--botid/);
  });
});
