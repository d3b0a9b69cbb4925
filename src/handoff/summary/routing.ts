import type { Priority } from '../tickets/model.js';
import type { ParsedEvidence } from './input.js';

export interface QueueSetup {
  queues: { id: string; internal: boolean }[];
  defaultQueue: string;
  defaultInternalQueue: string;
}

// Internal article ids are prefixed by area (see knowledge-base/en): hr-*, fin-*, it-*.
const INTERNAL_BY_PREFIX: [RegExp, string][] = [
  [/^hr-/, 'hr'],
  [/^fin(ance)?-/, 'finance'],
  [/^it-/, 'it'],
];

/**
 * Queue: an explicit one, else the best article's `queue`, else the default. Employees' topics
 * (an internal article, or an internal asker without an article) must land in an internal queue:
 * a customer queue's agents must not see HR or payroll questions.
 */
export function pickQueue(e: ParsedEvidence, channel: string, setup: QueueSetup): string {
  const known = new Map(setup.queues.map((q) => [q.id, q]));
  const top = e.articles.find((a) => a.queue !== undefined || a.audience !== undefined);
  const audience = top?.audience ?? e.audience ?? (channel === 'msteams' ? 'internal' : 'external');
  const wanted = [e.queue, top?.queue].find((q): q is string => q !== undefined && known.has(q));
  if (audience !== 'internal') return wanted ?? setup.defaultQueue;
  if (wanted && known.get(wanted)?.internal) return wanted;
  const byPrefix = top && INTERNAL_BY_PREFIX.find(([re]) => re.test(top.id))?.[1];
  return byPrefix && known.get(byPrefix)?.internal ? byPrefix : setup.defaultInternalQueue;
}

const URGENT = /safety|danger|threat|self-?harm|legal|lawsuit|security|fraud|stolen/i;
const ABUSE = /abuse|abusive|profan|insult|harass|toxic/i;
const FRUSTRATION = /frustrat|anger|angry|negative|sentiment|caps|repeat|loop/i;
const HUMAN_ONLY = /human-?only|handoff-?required|person-?only/i;
/** A frustration signal at or above this score is "strong". */
const STRONG = 0.7;

/**
 * Priority from the evidence: safety, fraud or legal → urgent; abuse, strong frustration or a
 * topic only a person can finish → high; otherwise normal. An explicit priority wins.
 */
export function pickPriority(e: ParsedEvidence): Priority {
  if (e.priority) return e.priority;
  if (e.reasons.some((r) => URGENT.test(r.code))) return 'urgent';
  const high =
    e.reasons.some(
      (r) => ABUSE.test(r.code) || HUMAN_ONLY.test(r.code) || (FRUSTRATION.test(r.code) && r.score >= STRONG),
    ) ||
    e.articles.some((a) => a.handoff === true) ||
    HUMAN_ONLY.test(e.escalatedBecause);
  return high ? 'high' : 'normal';
}
