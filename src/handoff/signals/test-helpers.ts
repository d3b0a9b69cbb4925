/** Shared by the signal tests: one detector (lexicons compile once) and a prepare shortcut. */
import { createSignalDetector, detectUserSignals, prepare } from './detector.js';
import type { SignalCode } from './types.js';

export const detector = createSignalDetector();

export function codes(text: string, context: Parameters<typeof detectUserSignals>[2] = {}): SignalCode[] {
  return detectUserSignals(detector, prepare(text), context).map((h) => h.code);
}

export function hit(text: string, code: SignalCode, context: Parameters<typeof detectUserSignals>[2] = {}) {
  return detectUserSignals(detector, prepare(text), context).find((h) => h.code === code);
}
