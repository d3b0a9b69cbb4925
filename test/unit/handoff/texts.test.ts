import { describe, expect, it } from 'vitest';
import { entriesToItems, HANDOFF_ENTITY, toTranscriptItem } from '../../../src/handoff/relay/index.js';
import {
  formatWait,
  handoffText,
  isCancelRequest,
  type HandoffMessageKey,
} from '../../../src/handoff/index.js';

const KEYS: HandoffMessageKey[] = [
  'coming',
  'position',
  'positionChanged',
  'agentJoined',
  'agentLeft',
  'transferred',
  'offlineNoAgents',
  'offlineClosed',
  'waitingTooLong',
  'offlineSaved',
  'contactInvalid',
  'cancelled',
  'resolved',
  'solvedQuestion',
  'notSolved',
  'csatThanks',
];

describe('customer texts', () => {
  it('exist in en, fil and ur with the same parameters', () => {
    for (const key of KEYS) {
      const params = (lang: 'en' | 'fil' | 'ur') =>
        [...handoffText(key, lang).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params('fil'), key).toEqual(params('en'));
      expect(params('ur'), key).toEqual(params('en'));
    }
    expect(handoffText('agentJoined', 'fil', { name: 'Maria' })).toBe('Sumali na si Maria sa usapan.');
    expect(handoffText('position', 'ur', { position: 2, wait: formatWait(200, 'ur') })).toContain('2');
    expect(formatWait(20, 'en')).toBe('less than a minute');
    expect(formatWait(190, 'en')).toBe('about 3 minutes');
  });

  it('recognises "back to the bot" only when that is the whole message', () => {
    for (const yes of [
      'cancel',
      'Cancel please!',
      'back to the bot',
      'never mind',
      'wag na po',
      'Balik sa bot',
      'cancel na lang',
      'منسوخ کریں',
      'rehne do',
      'Wapas bot',
    ]) {
      expect(isCancelRequest(yes), yes).toBe(true);
    }
    for (const no of [
      'cancel my order',
      'how do I cancel',
      'hindi',
      'hello',
      undefined,
      'cancel '.repeat(20),
    ]) {
      expect(isCancelRequest(no), String(no)).toBe(false);
    }
  });
});

describe('transcript items', () => {
  it('tells customer, bot, agent and system lines apart and skips transport noise', () => {
    const at = new Date('2025-01-01T00:00:00Z');
    expect(toTranscriptItem({ type: 'message', id: 'a1', text: 'hi' }, 'in', at, 'f')).toEqual({
      id: 'a1',
      at: at.toISOString(),
      from: 'customer',
      text: 'hi',
    });
    expect(toTranscriptItem({ type: 'message', text: 'bot says' }, 'out', at, 'f')?.from).toBe('bot');
    const marker = { type: HANDOFF_ENTITY, role: 'agent', ticketId: 't', itemId: 'agent-1', name: 'Maria' };
    expect(
      toTranscriptItem({ type: 'message', text: 'x', entities: [marker] }, 'out', at, 'f'),
    ).toMatchObject({ id: 'agent-1', from: 'agent', name: 'Maria' });
    expect(toTranscriptItem({ type: 'typing' }, 'in', at, 'f')).toBeUndefined();
    expect(toTranscriptItem({ type: 'event', name: 'ContinueConversation' }, 'in', at, 'f')).toBeUndefined();
    const submit = toTranscriptItem({ type: 'message', value: { action: 'csat', rating: 4 } }, 'in', at, 'f');
    expect(submit?.attachments?.[0]?.content).toEqual({ action: 'csat', rating: 4 });
  });

  it('numbers customer lines by turn as the summary reasons do: messages and card presses', () => {
    let id = 0;
    const entry = (direction: 'in' | 'out', activity: Record<string, unknown>) => ({
      id: ++id,
      conversationId: 'c',
      direction,
      activity,
      createdAt: new Date('2025-01-01T00:00:00Z'),
    });
    const items = entriesToItems([
      entry('in', { type: 'conversationUpdate', membersAdded: [{ id: 'u' }] }),
      entry('in', { type: 'message', text: 'where is my order' }),
      entry('out', { type: 'message', text: 'Here is how to track it' }),
      entry('in', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { data: {} } } }),
      entry('in', { type: 'typing' }),
      entry('in', { type: 'message', text: 'agent please' }),
    ]);
    expect(items.map((i) => [i.from, i.text, i.turn])).toEqual([
      ['customer', 'where is my order', 1],
      ['bot', 'Here is how to track it', undefined],
      ['customer', 'agent please', 3],
    ]);
  });

  it('does not count Teams channel messages that do not @mention the bot (the bot ignores them too)', () => {
    const channel = {
      type: 'message',
      channelId: 'msteams',
      conversation: { id: 'c', conversationType: 'channel' },
      recipient: { id: 'bot' },
    };
    const mention = { type: 'mention', mentioned: { id: 'bot', name: 'Tulay' }, text: '<at>Tulay</at>' };
    const entry = (id: number, activity: Record<string, unknown>) => ({
      id,
      conversationId: 'c',
      direction: 'in' as const,
      activity,
      createdAt: new Date('2025-01-01T00:00:00Z'),
    });
    const items = entriesToItems([
      entry(1, { ...channel, text: '<at>Tulay</at> vpn is down', entities: [mention] }),
      entry(2, { ...channel, text: 'same here' }),
      entry(3, { ...channel, text: '<at>Tulay</at> still down', entities: [mention] }),
    ]);
    expect(items.map((i) => i.turn)).toEqual([1, undefined, 2]);
  });
});
