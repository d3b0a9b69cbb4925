import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { TEAMS_TENANT_ID, teamsFixture } from '../../../test/helpers/teams.js';
import {
  audienceFor,
  cleanText,
  conversationKind,
  isBotMentioned,
  isTeams,
  shouldRespond,
  tenantIdOf,
} from './activity.js';

const contextOf = (activity: Partial<Activity>) => new TurnContext(new TestAdapter(), activity);
const webchat = () => contextOf({ ...teamsFixture('personal-message'), channelId: 'webchat' });

describe('isTeams / conversationKind', () => {
  it('tells Teams conversations apart by channel and conversation type', () => {
    expect(isTeams(contextOf(teamsFixture('personal-message')))).toBe(true);
    expect(isTeams(webchat())).toBe(false);
    expect(conversationKind(contextOf(teamsFixture('personal-message')))).toBe('personal');
    expect(conversationKind(contextOf(teamsFixture('channel-message-mention')))).toBe('channel');
    expect(conversationKind(contextOf(teamsFixture('groupchat-message-mention')))).toBe('groupChat');
    expect(conversationKind(webchat())).toBeUndefined();
  });

  it('falls back to isGroup when conversationType is missing', () => {
    const activity = teamsFixture('groupchat-message-mention');
    activity.conversation = { ...activity.conversation, conversationType: undefined as unknown as string };
    expect(conversationKind(contextOf(activity))).toBe('groupChat');
  });
});

describe('shouldRespond', () => {
  it('always answers personal chats and other channels', () => {
    expect(shouldRespond(contextOf(teamsFixture('personal-message')))).toBe(true);
    expect(shouldRespond(webchat())).toBe(true);
  });

  it('answers channels and group chats only when the bot is mentioned', () => {
    expect(shouldRespond(contextOf(teamsFixture('channel-message-mention')))).toBe(true);
    expect(shouldRespond(contextOf(teamsFixture('groupchat-message-mention')))).toBe(true);
    expect(shouldRespond(contextOf(teamsFixture('channel-message-no-mention')))).toBe(false);
  });

  it('does not count a mention of someone else', () => {
    const activity = teamsFixture('channel-message-mention');
    activity.entities = [
      { type: 'mention', mentioned: { id: '29:someone-else', name: 'Ana' }, text: '<at>Ana</at>' },
    ];
    expect(isBotMentioned(contextOf(activity))).toBe(false);
    expect(shouldRespond(contextOf(activity))).toBe(false);
  });

  it('answers card submits and invokes in channels, which carry no mention', () => {
    const channel = teamsFixture('channel-message-mention');
    const submit = { ...teamsFixture('card-submit'), conversation: channel.conversation, entities: [] };
    const invoke = { ...teamsFixture('card-execute-invoke'), conversation: channel.conversation };
    expect(shouldRespond(contextOf(submit))).toBe(true);
    expect(shouldRespond(contextOf(invoke))).toBe(true);
  });
});

describe('cleanText', () => {
  it('removes the bot mention and trims', () => {
    expect(cleanText(contextOf(teamsFixture('channel-message-mention')))).toBe(
      'where do I submit my expense report?',
    );
  });

  it('turns &nbsp; into a space and collapses the gap the mention leaves', () => {
    expect(cleanText(contextOf(teamsFixture('groupchat-message-mention')))).toBe(
      'how many vacation days do I have left?',
    );
    const activity = teamsFixture('channel-message-mention', {
      text: 'Hi <at>Tulay</at>  where is the VPN guide?',
    });
    expect(cleanText(contextOf(activity))).toBe('Hi where is the VPN guide?');
  });

  it('removes every mention of the bot, and only the bot', () => {
    const activity = teamsFixture('channel-message-mention', {
      text: '<at>Tulay</at> ask <at>Ana</at> or <at>Tulay</at>',
    });
    activity.entities = [
      ...(activity.entities ?? []),
      { type: 'mention', mentioned: activity.recipient, text: '<at>Tulay</at>' },
      { type: 'mention', mentioned: { id: '29:ana', name: 'Ana' }, text: '<at>Ana</at>' },
    ];
    expect(cleanText(contextOf(activity))).toBe('ask <at>Ana</at> or');
  });

  it('leaves the activity itself untouched', () => {
    const activity = teamsFixture('channel-message-mention');
    const context = contextOf(activity);
    cleanText(context);
    expect(context.activity.text).toBe('<at>Tulay</at> where do I submit my expense report?\n');
  });

  it('returns an empty string for an activity without text', () => {
    expect(cleanText(contextOf(teamsFixture('card-submit')))).toBe('');
  });
});

describe('audienceFor', () => {
  it('is internal on Teams and external elsewhere', () => {
    expect(audienceFor(contextOf(teamsFixture('personal-message')))).toBe('internal');
    expect(audienceFor(webchat())).toBe('external');
  });

  it('keeps Teams users from other tenants external when tenants are given', () => {
    const ours = contextOf(teamsFixture('personal-message'));
    expect(tenantIdOf(ours)).toBe(TEAMS_TENANT_ID);
    expect(audienceFor(ours, [TEAMS_TENANT_ID])).toBe('internal');
    const foreign = teamsFixture('personal-message', { channelData: { tenant: { id: 'other-tenant' } } });
    foreign.conversation = { ...foreign.conversation, tenantId: 'other-tenant' };
    expect(audienceFor(contextOf(foreign), [TEAMS_TENANT_ID])).toBe('external');
  });
});
