/**
 * Where each explicit-request word class occurs in a message, with the sense guards applied, and
 * the distance helpers the rules in explicit.ts are written with.
 */
import type { ExplicitClass, Lexicons } from './loader.js';
import type { PhraseHit } from './phrases.js';

export type Spans = Record<ExplicitClass, PhraseHit[]>;

/** Token gap between two spans; 0 when adjacent or overlapping. */
export const gap = (a: PhraseHit, b: PhraseHit) =>
  Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end));
export const overlaps = (a: PhraseHit, b: PhraseHit) => a.start < b.end && b.start < a.end;
export const near = (a: PhraseHit, b: PhraseHit, max: number) => !overlaps(a, b) && gap(a, b) <= max;
export const pair = (xs: PhraseHit[], ys: PhraseHit[], max: number) => {
  for (const x of xs) for (const y of ys) if (near(x, y, max)) return [x, y] as const;
  return undefined;
};

export function findSpans(lex: Lexicons['explicit'], tokens: string[]): Spans {
  const spans = Object.fromEntries(
    Object.entries(lex.classes).map(([name, set]) => [name, set.find(tokens)]),
  ) as Spans;
  const masked = lex.compounds.find(tokens);
  const beforeEnds = new Set(lex.before.findAll(tokens).map((h) => h.end));
  const afterStarts = new Set(lex.after.findAll(tokens).map((h) => h.start));
  // A guarded noun is a thing or a third party ("agent code", "delivery agent", "my manager").
  const keep = (p: PhraseHit) =>
    !masked.some((m) => overlaps(m, p)) && !beforeEnds.has(p.start) && !afterStarts.has(p.end);
  spans.person = spans.person.filter(keep);
  spans.agent = spans.agent.filter(keep);
  return spans;
}

const BARE: ExplicitClass[] = [
  'person',
  'agent',
  'someone',
  'filler',
  'qualifier',
  'want',
  'me',
  'contact',
  'route',
  'handover',
];

/** True when every token is part of the request, so the message is nothing but "agent please". */
export function coversAll(length: number, spans: Spans): boolean {
  const covered = new Set<number>();
  for (const name of BARE) for (const s of spans[name]) for (let i = s.start; i < s.end; i++) covered.add(i);
  return covered.size === length;
}
