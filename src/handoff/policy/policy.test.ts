import { describe, expect, it } from 'vitest';
import {
  createSignalDetector,
  initialSignalState,
  observeBotOutcome,
  observeFeedback,
  observeUserTurn,
  parseSignalState,
  type Decision,
  type SignalState,
} from './index.js';

const detector = createSignalDetector();

/** Plays user lines, each followed by a bot outcome, and returns every decision. */
function play(steps: { user: string; bot?: Parameters<typeof observeBotOutcome>[1] }[], d = detector) {
  let state: SignalState = initialSignalState();
  const decisions: Decision[] = [];
  for (const step of steps) {
    const r = observeUserTurn(d, state, { text: step.user });
    decisions.push(r.decision);
    state = step.bot ? observeBotOutcome(r.state, step.bot) : r.state;
  }
  return { decisions, state };
}

const answer = (text: string, extra = {}) => ({ kind: 'answer' as const, text, ...extra });

describe('decide', () => {
  it('escalates at once on an explicit request, in any language', () => {
    for (const text of ['I want to talk to a human', 'pakausap po sa ahente', 'kisi insaan se baat karwao']) {
      const { decisions } = play([{ user: text }]);
      expect(decisions[0]).toMatchObject({ action: 'escalate', trigger: 'explicit_request', turn: 1 });
      expect(decisions[0]!.because).toBe('customer asked for a person');
    }
  });

  it('continues on a routine question', () => {
    expect(play([{ user: 'How long does delivery to Cebu take?' }]).decisions[0]!.action).toBe('continue');
  });

  it('offers (does not escalate) on abuse', () => {
    expect(play([{ user: 'gago ka ba' }]).decisions[0]).toMatchObject({ action: 'offer', trigger: 'abuse' });
  });

  it('offers after two unresolved exchanges, and says which turns', () => {
    const { decisions } = play([
      { user: 'Can I pay with Maya?', bot: { kind: 'none' } },
      { user: 'What about paying with Maya wallet?', bot: { kind: 'clarify' } },
      { user: 'the Maya e-wallet' },
    ]);
    expect(decisions.map((d) => d.action)).toEqual(['continue', 'continue', 'offer']);
    const last = decisions[2]!;
    expect(last.trigger).toBe('unresolved_streak');
    expect(last.reasons.map((r) => [r.code, r.turn])).toEqual(
      expect.arrayContaining([
        ['no_answer', 1],
        ['clarify', 2],
      ]),
    );
  });

  it('accumulates frustration with decay until it crosses the threshold', () => {
    const { decisions } = play([
      { user: 'where is my parcel, ang tagal', bot: answer('It is with the courier.') },
      { user: 'still waiting po', bot: answer('It should arrive soon.') },
    ]);
    expect(decisions[0]!.action).toBe('continue');
    expect(decisions[1]).toMatchObject({ action: 'offer', trigger: 'score' });
    expect(decisions[1]!.score).toBeGreaterThan(decisions[0]!.score);
  });

  it('lets a mild complaint fade when the conversation recovers', () => {
    const { decisions } = play([
      { user: 'ugh the app logged me out', bot: answer('Please sign in again.') },
      { user: 'What are your store hours?', bot: answer('We are open 9 to 6.') },
      { user: 'Do you deliver to Davao?' },
    ]);
    expect(decisions.every((d) => d.action === 'continue')).toBe(true);
    expect(decisions[2]!.score).toBeLessThan(decisions[0]!.score);
  });

  it('lowers the score on resolution cues', () => {
    const { decisions } = play([
      { user: 'this is so annoying', bot: answer('Try clearing the cache.') },
      { user: 'salamat po, ok na' },
    ]);
    expect(decisions[1]!.score).toBeLessThan(decisions[0]!.score);
    expect(decisions[1]!.reasons.at(-1)).toMatchObject({ code: 'resolved', turn: 2 });
  });

  it('offers after answering a human-only topic', () => {
    const { decisions } = play([
      {
        user: 'How do I get a refund?',
        bot: answer('Refunds take 7 days.', { articleId: 'refunds', humanOnly: true }),
      },
      { user: 'ok' },
    ]);
    expect(decisions[1]).toMatchObject({ action: 'offer', trigger: 'human_only' });
    expect(decisions[1]!.reasons).toContainEqual(expect.objectContaining({ code: 'human_only', turn: 1 }));
  });

  it('escalates when the customer accepts an offered person', () => {
    const { decisions } = play([
      { user: 'my voucher does not work', bot: { kind: 'none', offeredPerson: true } },
      { user: 'haan please' },
    ]);
    expect(decisions[1]).toMatchObject({ action: 'escalate', trigger: 'accepted_offer' });
  });

  it('counts a repeated answer and a thumbs-down as unresolved', () => {
    let state = initialSignalState();
    state = observeUserTurn(detector, state, { text: 'How do I reset my password?' }).state;
    state = observeBotOutcome(state, answer('Use Forgot password on the login page.', { articleId: 'pw' }));
    state = observeUserTurn(detector, state, { text: 'The reset email never comes' }).state;
    state = observeBotOutcome(state, answer('Use Forgot password on the login page.', { articleId: 'pw' }));
    state = observeFeedback(state, 'down');
    const { decision } = observeUserTurn(detector, state, { text: 'hello?' });
    expect(decision.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['repeat_answer', 'feedback_down']),
    );
    expect(decision.action).toBe('offer');
  });

  it('does not re-offer on leftovers after an escalation, but does on a new request', () => {
    const { decisions } = play([
      { user: 'agent please', bot: { kind: 'chitchat' } },
      { user: 'my order number is 4471', bot: { kind: 'chitchat' } },
      { user: 'hello? is a real person there?' },
    ]);
    expect(decisions.map((d) => d.action)).toEqual(['escalate', 'continue', 'escalate']);
  });
});

describe('state', () => {
  it('is plain JSON that round-trips through parseSignalState', () => {
    const { state } = play([
      { user: 'ang tagal naman', bot: answer('Paparating na.') },
      { user: 'wala pa rin', bot: { kind: 'none', offeredPerson: true } },
    ]);
    const restored = parseSignalState(JSON.parse(JSON.stringify(state)));
    expect(restored).toEqual(JSON.parse(JSON.stringify(state)));
  });

  it('rejects a corrupt stored state, naming the field', () => {
    expect(() => parseSignalState({ ...initialSignalState(), score: -1 })).toThrow(
      /handoff signal state[\s\S]*score/,
    );
  });

  it('never mutates the state it is given', () => {
    const state = initialSignalState();
    const frozen = JSON.stringify(state);
    observeUserTurn(detector, state, { text: 'this is useless' });
    observeBotOutcome(state, { kind: 'none' });
    observeFeedback(state, 'down');
    expect(JSON.stringify(state)).toBe(frozen);
  });

  it('keeps the reason list bounded', () => {
    const small = createSignalDetector({ maxReasons: 3 });
    const steps = Array.from({ length: 6 }, () => ({
      user: 'ugh, so annoying',
      bot: { kind: 'none' as const },
    }));
    expect(play(steps, small).state.reasons).toHaveLength(3);
  });

  it('rejects a bad bot outcome', () => {
    expect(() => observeBotOutcome(initialSignalState(), { kind: 'maybe' as 'none' })).toThrow(
      /observeBotOutcome: kind/,
    );
  });
});
