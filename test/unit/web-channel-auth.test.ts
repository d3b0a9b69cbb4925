import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { PluginContext } from '../../src/app.js';
import {
  deriveKey,
  loadTokenSecret,
  RateLimiter,
  SECRET_FILE,
  TokenService,
} from '../../src/channels/web/auth/index.js';
import { createWebChannel } from '../../src/channels/web/index.js';
import { activitySet } from '../../src/channels/web/directline/render.js';
import { parseConfig } from '../../src/config/index.js';

const dir = () => mkdtempSync(path.join(tmpdir(), 'tulay-auth-'));

describe('web channel: token secret', () => {
  it('generates a development secret once, keeps it private, and reuses it', () => {
    const dataDir = dir();
    const first = loadTokenSecret({ production: false, dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadTokenSecret({ production: false, dataDir })).toBe(first);
    expect(readFileSync(path.join(dataDir, SECRET_FILE), 'utf8')).toBe(first);
    expect(statSync(path.join(dataDir, SECRET_FILE)).mode & 0o077).toBe(0);
  });

  it('refuses to start in production without a configured secret, naming the variable', () => {
    expect(() => loadTokenSecret({ production: true, dataDir: dir() })).toThrow(/DIRECT_LINE_TOKEN_SECRET/);
    expect(loadTokenSecret({ production: true, dataDir: dir(), tokenSecret: 'x'.repeat(32) })).toBe(
      'x'.repeat(32),
    );
  });

  it('derives independent keys for tokens and the connector', () => {
    expect(deriveKey('s'.repeat(32), 'tokens').equals(deriveKey('s'.repeat(32), 'connector'))).toBe(false);
  });
});

describe('web channel: tokens', () => {
  const key = deriveKey('k'.repeat(32), 'tokens');

  it('round-trips the conversation and user, and refuses the wrong scope', async () => {
    const tokens = new TokenService(key, 600);
    const { token, expiresIn } = await tokens.issue({ conversationId: 'c', userId: 'dl_u' });
    expect(expiresIn).toBe(600);
    await expect(tokens.verify(token, 'conversation', 'here')).resolves.toEqual({
      conversationId: 'c',
      userId: 'dl_u',
    });
    await expect(tokens.verify(token, 'stream', 'here')).rejects.toMatchObject({ status: 403 });
    await expect(tokens.verifyFor(token, 'other', 'here')).rejects.toThrow(
      /here: the token belongs to another/,
    );
  });

  it('expires tokens after their TTL', async () => {
    let now = Date.now();
    const tokens = new TokenService(key, 60, () => now);
    const { token } = await tokens.issue({ conversationId: 'c', userId: 'dl_u' });
    now += 61_000;
    await expect(tokens.verify(token, 'conversation', 'here')).rejects.toThrow(/expired/);
  });
});

describe('web channel: rate limiter', () => {
  it('allows the burst, then refills at the per-minute rate, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 2, () => now);
    limiter.take('a', 'w');
    limiter.take('a', 'w');
    expect(() => limiter.take('a', 'w')).toThrow(/w: too many requests; retry in 1 s/);
    limiter.take('b', 'w');
    now += 1000;
    expect(() => limiter.take('a', 'w')).not.toThrow();
  });
});

describe('web channel: options and rendering', () => {
  const ctx = (env: Record<string, string> = {}) =>
    ({
      config: parseConfig({ DATA_DIR: dir(), ...env }),
      logger: pino({ level: 'silent' }),
    }) as unknown as PluginContext;

  it('names the bad option', () => {
    expect(() => createWebChannel(ctx(), { tokenSecret: 'short' })).toThrow(
      /web channel: option tokenSecret/,
    );
    expect(() => createWebChannel(ctx({ NODE_ENV: 'production' }))).toThrow(/DIRECT_LINE_TOKEN_SECRET/);
  });

  it('hides stale typing indicators but still advances the watermark past them', () => {
    const old = new Date(Date.now() - 60_000);
    const set = activitySet(
      [
        { conversationId: 'c', seq: 4, activity: { type: 'message', text: 'hi' }, createdAt: old },
        { conversationId: 'c', seq: 5, activity: { type: 'typing' }, createdAt: old },
      ],
      3,
    );
    expect(set.watermark).toBe('5');
    expect(set.activities.map((a) => a.id)).toEqual(['c|0000004']);
    expect(activitySet([], 0)).toEqual({ activities: [] });
  });
});
