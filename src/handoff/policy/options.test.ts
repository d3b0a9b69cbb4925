import { describe, expect, it } from 'vitest';
import { createSignalDetector, initialSignalState, observeUserTurn } from './index.js';
import { resolvePolicyOptions } from './options.js';

describe('policy options', () => {
  it('merges partial options over the defaults once', () => {
    const o = resolvePolicyOptions({ threshold: 2, weights: { waiting: 0.5 } });
    expect(o.threshold).toBe(2);
    expect(o.weights.waiting).toBe(0.5);
    expect(o.weights.frustration).toBeGreaterThan(0);
    expect(o.unresolvedTurns).toBe(2);
  });

  it.each([
    [{ threshold: 0 }, /threshold/],
    [{ decay: 1.5 }, /decay/],
    [{ unresolvedTurns: 1.5 }, /unresolvedTurns/],
    [{ weights: { frustration: -1 } }, /weights\.frustration/],
    [{ treshold: 1 }, /treshold/],
  ])('throws naming the bad option: %j', (options, name) => {
    expect(() => createSignalDetector(options as Parameters<typeof createSignalDetector>[0])).toThrow(name);
  });

  it('moves the point where a person is offered', () => {
    const text = 'ugh, this is annoying';
    const offers = (threshold: number) =>
      observeUserTurn(createSignalDetector({ threshold }), initialSignalState(), { text }).decision.action;
    expect(offers(0.3)).toBe('offer');
    expect(offers(5)).toBe('continue');
  });
});
