import type { FeedbackStore } from '../../storage/ports.js';
import type { TicketStore } from '../tickets/index.js';

export interface Analytics {
  conversations: number;
  answeredWithoutPerson: number;
  deflectionRate: number;
  handoffs: number;
  handoffRate: number;
  reasons: Record<string, number>;
  timeToAcceptSeconds: { p50: number | null; p90: number | null };
  csat: { average: number | null; count: number };
  unanswered: { text: string; count: number }[];
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? 0);
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);

/**
 * GET /api/analytics, derived from what is stored anyway:
 * - conversations: distinct conversations with an incoming activity in [from, to) (transcript);
 * - handoffs: tickets created in the period (each request for a person, offline ones included);
 * - a conversation "needed a person" when it has a ticket that was not cancelled before anyone
 *   accepted it (a customer who changed their mind in the queue went back to the bot);
 * - answeredWithoutPerson: conversations that neither needed a person nor had a question the bot
 *   could not answer (`unanswered` feedback); deflectionRate = answeredWithoutPerson / conversations;
 * - handoffRate: conversations that needed a person / conversations;
 * - reasons: signal codes in the tickets' evidence, counted once per ticket;
 * - timeToAcceptSeconds: queue entry → acceptance of accepted tickets; csat: CSAT feedback;
 * - unanswered: `unanswered` feedback grouped by question, case and spacing ignored, top 20.
 */
export async function computeAnalytics(
  stores: { tickets: TicketStore; feedback: FeedbackStore },
  from: Date,
  to: Date,
): Promise<Analytics> {
  // Only the kinds used here, each under its own cap: 👍/👎 answer feedback outnumbers them.
  const kind = (k: 'unanswered' | 'csat') =>
    stores.feedback.list({ kind: k, since: from, until: to, limit: 100_000 });
  const [conversations, tickets, unanswered, csat] = await Promise.all([
    stores.tickets.countConversations(from, to),
    stores.tickets.list({ createdFrom: from, createdTo: to }),
    kind('unanswered'),
    kind('csat'),
  ]);
  const feedback = [...unanswered, ...csat];
  const needed = new Set(
    tickets.filter((t) => t.state !== 'cancelled' || t.acceptedAt).map((t) => t.conversationId),
  );
  const unansweredConvs = new Set(
    feedback.filter((f) => f.kind === 'unanswered').map((f) => f.conversationId),
  );
  const notDeflected = new Set([...needed, ...unansweredConvs]);
  const answeredWithoutPerson = Math.max(0, conversations - notDeflected.size);

  const reasons: Record<string, number> = {};
  for (const t of tickets)
    for (const code of new Set(t.summary.reasons.map((r) => r.code)))
      reasons[code] = (reasons[code] ?? 0) + 1;

  const waits = tickets
    .filter((t) => t.acceptedAt)
    .map((t) => ((t.acceptedAt?.getTime() ?? 0) - t.queuedAt.getTime()) / 1000);
  const ratings = feedback
    .filter((f) => f.kind === 'csat' && typeof f.rating === 'number')
    .map((f) => f.rating ?? 0);

  const groups = new Map<string, { text: string; count: number }>();
  for (const f of feedback) {
    if (f.kind !== 'unanswered' || !f.query) continue;
    const key = f.query.toLowerCase().replace(/\s+/g, ' ').trim();
    const g = groups.get(key) ?? { text: f.query.trim(), count: 0 };
    g.count++;
    groups.set(key, g);
  }

  return {
    conversations,
    answeredWithoutPerson,
    deflectionRate: ratio(answeredWithoutPerson, conversations),
    handoffs: tickets.length,
    handoffRate: ratio(needed.size, conversations),
    reasons,
    timeToAcceptSeconds: { p50: percentile(waits, 50), p90: percentile(waits, 90) },
    csat: {
      average: ratings.length
        ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100
        : null,
      count: ratings.length,
    },
    unanswered: [...groups.values()].sort((a, b) => b.count - a.count).slice(0, 20),
  };
}
