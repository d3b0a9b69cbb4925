import { describe, expect, it } from 'vitest';
import {
  csatCard,
  handoffStatusCard,
  offlineCard,
  readCardAction,
  readCsatSubmission,
  solvedCard,
} from '../../../src/handoff/index.js';

const content = (a: { content?: unknown }) => JSON.stringify(a.content);

describe('handoff cards', () => {
  it('build Adaptive Cards in the customer language', () => {
    const status = handoffStatusCard({ lang: 'fil', ticketId: 't1', position: 3, etaSeconds: 240 });
    expect(status.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(content(status)).toContain('Puwesto mo sa pila');
    expect(content(status)).toContain('"action":"handoff.cancel"');
    expect(content(offlineCard({ lang: 'ur', reason: 'no-agents', queue: 'billing' }))).toContain(
      '"queue":"billing"',
    );
    expect(content(solvedCard({ lang: 'en', ticketId: 't1' }))).toContain('"solved":false');
  });

  it('uses Action.Execute (verb csat) in Teams and Action.Submit elsewhere', () => {
    const teams = JSON.parse(content(csatCard({ lang: 'en', ticketId: 't1', channel: 'msteams' }))) as {
      body: { type: string; actions?: unknown[] }[];
    };
    const stars = teams.body.find((b) => b.type === 'ActionSet')?.actions ?? [];
    expect(stars).toHaveLength(5);
    expect(stars[4]).toMatchObject({
      type: 'Action.Execute',
      verb: 'csat',
      data: { action: 'csat', ticketId: 't1', rating: 5 },
      fallback: { type: 'Action.Submit' },
    });
    expect(content(csatCard({ lang: 'en', ticketId: 't1', channel: 'webchat' }))).not.toContain(
      'Action.Execute',
    );
  });

  it('reads submissions from Action.Submit messages and Action.Execute invokes', () => {
    expect(
      readCsatSubmission({
        type: 'message',
        value: { action: 'csat', ticketId: 't1', rating: '4', comment: ' ok ' },
      }),
    ).toEqual({
      action: 'csat',
      ticketId: 't1',
      rating: 4,
      comment: 'ok',
    });
    const invoke = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', verb: 'csat', data: { ticketId: 't2', rating: 2, comment: '' } },
      },
    };
    expect(readCsatSubmission(invoke)).toEqual({ action: 'csat', ticketId: 't2', rating: 2 });
    expect(
      readCsatSubmission({ type: 'message', value: { action: 'csat', ticketId: 't1', rating: 9 } }),
    ).toBeUndefined();
    expect(
      readCardAction({
        type: 'message',
        value: {
          action: 'handoff.offline',
          email: '',
          phone: '0917 555 0101',
          callback: 'true',
          message: 'hi',
        },
      }),
    ).toMatchObject({
      action: 'handoff.offline',
      phone: '0917 555 0101',
      callback: true,
    });
    expect(readCardAction({ type: 'message', text: 'hello' })).toBeUndefined();
  });
});
