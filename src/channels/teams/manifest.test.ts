import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAMS_BOT } from '../../../test/helpers/teams.js';
import { MANIFEST_VERSION, buildManifest, toDomain } from './manifest.js';
import { assertValidManifest, loadBundledSchema, validateManifest } from './manifest-schema.js';

const options = { botId: TEAMS_BOT.appId, validDomains: ['https://tulay.kidlat.example/webchat'] };

// Validation must never fetch the $schema URL.
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe('buildManifest', () => {
  it('declares the bot in personal, team and group chat with help and agent commands', () => {
    const manifest = buildManifest(options);
    expect(manifest).toMatchObject({
      manifestVersion: MANIFEST_VERSION,
      id: TEAMS_BOT.appId,
      icons: { color: 'color.png', outline: 'outline.png' },
      validDomains: ['tulay.kidlat.example'],
      developer: {
        websiteUrl: 'https://tulay.kidlat.example/',
        privacyUrl: 'https://tulay.kidlat.example/privacy',
        termsOfUseUrl: 'https://tulay.kidlat.example/terms',
      },
    });
    const [bot] = manifest.bots as {
      botId: string;
      scopes: string[];
      commandLists: { commands: { title: string }[] }[];
    }[];
    expect(bot?.botId).toBe(TEAMS_BOT.appId);
    expect(bot?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot?.commandLists[0]?.commands.map((c) => c.title)).toEqual(['help', 'agent']);
  });

  it('passes the official schema', () => {
    expect(validateManifest(buildManifest(options))).toEqual([]);
    expect(
      validateManifest(buildManifest({ ...options, appId: '0b9d6c3e-1f2a-4b5c-8d7e-6f5a4b3c2d1e' })),
    ).toEqual([]);
  });

  it('needs a website, from an option or a valid domain', () => {
    expect(() => buildManifest({ botId: TEAMS_BOT.appId })).toThrow(
      'teams/manifest: a website URL is required',
    );
    const manifest = buildManifest({
      botId: TEAMS_BOT.appId,
      websiteUrl: 'https://intranet.kidlat.example/it',
    });
    expect(manifest.developer).toMatchObject({ privacyUrl: 'https://intranet.kidlat.example/it/privacy' });
    expect(manifest.validDomains).toEqual([]);
  });

  it('reduces URLs to host names for validDomains', () => {
    expect(toDomain('https://tulay.kidlat.example:8443/x?y')).toBe('tulay.kidlat.example:8443');
    expect(toDomain(' tulay.kidlat.example/agent ')).toBe('tulay.kidlat.example');
    expect(toDomain('*.kidlat.example')).toBe('*.kidlat.example');
  });
});

describe('validateManifest', () => {
  it('reports a bad bot id with the value and what the id should be', () => {
    const problems = validateManifest(buildManifest({ ...options, botId: 'tulay-bot' }));
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^\/bots\/0\/botId must match pattern .*\(got "tulay-bot"\) — .*Microsoft App ID/,
      ),
    );
    expect(() => assertValidManifest(buildManifest({ ...options, botId: 'tulay-bot' }))).toThrow(
      /^teams\/manifest: manifest\.json does not match the Teams v1\.19 schema:\n {2}- \/id must match pattern/,
    );
  });

  it('reports every problem, as the official validator does', () => {
    const manifest = buildManifest({
      ...options,
      name: 'Tulay with a very long name over thirty chars',
      botId: 'nope',
    });
    expect(validateManifest(manifest)).toEqual([
      expect.stringContaining('/id must match pattern'),
      expect.stringContaining('/name/short must NOT have more than 30 characters'),
      expect.stringContaining('/bots/0/botId must match pattern'),
    ]);
  });

  it('names unknown properties', () => {
    const manifest = { ...buildManifest(options), colour: 'blue' };
    expect(validateManifest(manifest)).toEqual(['(root) must NOT have additional properties "colour"']);
  });

  it('refuses a manifest version whose schema is not bundled instead of fetching it', () => {
    expect(() => loadBundledSchema('0.9')).toThrow('teams/manifest: no bundled schema for manifest v0.9');
  });
});
