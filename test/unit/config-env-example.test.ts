import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { envSchema } from '../../src/config/schema.js';

const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');

describe('.env.example', () => {
  it('parses as it is (copying it to .env gives a working configuration)', () => {
    const config = parseConfig(parseEnv(example));
    expect(config.port).toBe(3978);
    expect(config.storage.kind).toBe('sqlite');
    expect(config.handoff).toEqual({ eventBus: 'auto' });
  });

  it('documents every variable the configuration reads', () => {
    const documented = new Set([...example.matchAll(/^#?\s*([A-Za-z][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
    const missing = Object.keys(envSchema.shape).filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });

  it('maps handoff and web variables onto the features options', () => {
    const config = parseConfig({
      HANDOFF_QUEUES: 'general, billing ,it:internal',
      HANDOFF_MAX_WAIT_MINUTES: '5',
      HANDOFF_HOURS: '{"default":"always"}',
      WEB_ALLOWED_ORIGINS: 'https://shop.example.com,https://www.example.com',
      TEAMS_TENANT_IDS: 't1,t2',
    });
    expect(config.handoff).toMatchObject({
      queues: [
        { id: 'general', internal: false },
        { id: 'billing', internal: false },
        { id: 'it', internal: true },
      ],
      maxWaitMinutes: 5,
      businessHours: { default: 'always' },
    });
    expect(config.web).toMatchObject({
      allowedOrigins: ['https://shop.example.com', 'https://www.example.com'],
    });
    expect(config.teams.tenantIds).toEqual(['t1', 't2']);
  });

  it('names the variable when a JSON setting is malformed', () => {
    expect(() => parseConfig({ HANDOFF_HOURS: '{nope' })).toThrow(
      /^config: HANDOFF_HOURS: must be valid JSON/,
    );
  });
});
