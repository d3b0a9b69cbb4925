import { TestAdapter, TurnContext, type Activity, type TeamsChannelAccount } from 'botbuilder';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { TEAMS_TENANT_ID, teamsFixture, teamsMember } from '../../../test/helpers/teams.js';
import { createEmployeeIdentity, type EmployeeIdentityOptions } from './identity.js';

const contextOf = (activity: Partial<Activity>) => new TurnContext(new TestAdapter(), activity);
const logger = pino({ level: 'silent' });
const maria = teamsMember('maria-santos');

function resolver(
  getMember: EmployeeIdentityOptions['getMember'],
  extra: Partial<EmployeeIdentityOptions> = {},
) {
  return createEmployeeIdentity({ logger, getMember, ...extra });
}

describe('createEmployeeIdentity', () => {
  it('takes name and email from getMember, called with the sender id', async () => {
    const getMember = vi.fn(() => Promise.resolve(maria));
    const identity = await resolver(getMember)(contextOf(teamsFixture('personal-message')));
    expect(identity).toEqual({
      aadObjectId: maria.aadObjectId,
      tenantId: TEAMS_TENANT_ID,
      name: 'Maria Santos',
      email: 'maria.santos@kidlat.example',
    });
    expect(getMember).toHaveBeenCalledWith(expect.any(TurnContext), teamsFixture('personal-message').from.id);
  });

  it('uses the sign-in name as the email of members without a mail attribute (guests)', async () => {
    const guest = { ...maria, email: undefined, userPrincipalName: 'guest@partner.example' };
    const identity = await resolver(() => Promise.resolve(guest))(
      contextOf(teamsFixture('personal-message')),
    );
    expect(identity?.email).toBe('guest@partner.example');
  });

  it('falls back to activity.from when getMember fails, and retries after the failure TTL', async () => {
    let now = 0;
    const getMember = vi.fn(() => Promise.reject(new Error('503')));
    const identify = resolver(getMember, { now: () => now, failureTtlMs: 1000 });
    const context = contextOf(teamsFixture('personal-message'));
    expect(await identify(context)).toEqual({
      aadObjectId: maria.aadObjectId,
      tenantId: TEAMS_TENANT_ID,
      name: 'Maria Santos',
      email: undefined,
    });
    await identify(context);
    expect(getMember).toHaveBeenCalledTimes(1);
    now = 1001;
    await identify(context);
    expect(getMember).toHaveBeenCalledTimes(2);
  });

  it('logs why a lookup failed without the request it wraps', async () => {
    const lines: string[] = [];
    const memory = { write: (line: string) => lines.push(line) };
    const failure = Object.assign(new Error('Forbidden'), {
      statusCode: 403,
      code: 'BotNotInConversationRoster',
      request: { headers: { authorization: 'Bearer s3cret-token' } },
    });
    const identify = createEmployeeIdentity({
      logger: pino({}, memory),
      getMember: () => Promise.reject(failure),
    });
    await identify(contextOf(teamsFixture('personal-message')));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      status: 403,
      code: 'BotNotInConversationRoster',
      reason: 'Forbidden',
    });
    expect(lines[0]).not.toContain('s3cret');
  });

  it('gives up on a slow getMember after lookupTimeoutMs', async () => {
    const identify = resolver(() => new Promise<TeamsChannelAccount>(() => undefined), {
      lookupTimeoutMs: 20,
    });
    const identity = await identify(contextOf(teamsFixture('personal-message')));
    expect(identity?.name).toBe('Maria Santos');
  });

  it('caches per user for ttlMs and shares one lookup between concurrent turns', async () => {
    let now = 0;
    const getMember = vi.fn(() => Promise.resolve(maria));
    const identify = resolver(getMember, { now: () => now, ttlMs: 5000 });
    const context = contextOf(teamsFixture('personal-message'));
    await Promise.all([identify(context), identify(context)]);
    now = 4999;
    await identify(context);
    expect(getMember).toHaveBeenCalledTimes(1);
    now = 5000;
    await identify(context);
    expect(getMember).toHaveBeenCalledTimes(2);
    await identify(contextOf(teamsFixture('groupchat-message-mention')));
    expect(getMember).toHaveBeenCalledTimes(3);
  });

  it('evicts the oldest user beyond maxEntries', async () => {
    const getMember = vi.fn(() => Promise.resolve(maria));
    const identify = resolver(getMember, { maxEntries: 1 });
    await identify(contextOf(teamsFixture('personal-message')));
    await identify(contextOf(teamsFixture('groupchat-message-mention')));
    await identify(contextOf(teamsFixture('personal-message')));
    expect(getMember).toHaveBeenCalledTimes(3);
  });

  it('is undefined off Teams and for users without an AAD object id', async () => {
    const getMember = vi.fn(() => Promise.resolve({ ...maria, aadObjectId: undefined }));
    const identify = resolver(getMember);
    expect(
      await identify(contextOf({ ...teamsFixture('personal-message'), channelId: 'webchat' })),
    ).toBeUndefined();
    const guest = teamsFixture('personal-message');
    guest.from = { id: guest.from.id, name: 'Guest' };
    expect(await identify(contextOf(guest))).toBeUndefined();
    expect(getMember).toHaveBeenCalledTimes(1);
  });
});
