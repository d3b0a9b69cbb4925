import { AppError } from '../../errors/index.js';
import type { Lang } from '../../knowledge/types.js';
import { computeAnalytics } from '../analytics/index.js';
import type { HandoffDeps } from '../service/deps.js';
import type { PresenceKeeper } from '../service/presence.js';
import { query, type ConsoleRouter } from './http.js';

export interface CannedReply {
  id: string;
  title: string;
  text: string;
  lang: Lang;
}

export const DEFAULT_CANNED: CannedReply[] = [
  {
    id: 'greet-en',
    title: 'Greeting',
    lang: 'en',
    text: "Hi, thanks for waiting! I'm reading your conversation with Tulay now.",
  },
  {
    id: 'greet-fil',
    title: 'Pagbati',
    lang: 'fil',
    text: 'Hi, salamat sa paghihintay! Binabasa ko na ang usapan ninyo ni Tulay.',
  },
  {
    id: 'greet-ur',
    title: 'سلام',
    lang: 'ur',
    text: 'السلام علیکم، انتظار کا شکریہ! میں تُلے کے ساتھ آپ کی گفتگو پڑھ رہا ہوں۔',
  },
  {
    id: 'order-en',
    title: 'Ask for order number',
    lang: 'en',
    text: 'Could you give me your order number? It starts with KE-.',
  },
  {
    id: 'order-fil',
    title: 'Order number',
    lang: 'fil',
    text: 'Pwede ko bang makuha ang order number mo? Nagsisimula ito sa KE-.',
  },
  {
    id: 'order-ur',
    title: 'آرڈر نمبر',
    lang: 'ur',
    text: 'براہ کرم اپنا آرڈر نمبر بتائیں، یہ KE- سے شروع ہوتا ہے۔',
  },
  { id: 'bye-en', title: 'Closing', lang: 'en', text: 'Is there anything else I can help you with?' },
  { id: 'bye-fil', title: 'Pagtatapos', lang: 'fil', text: 'May iba pa ba akong maitutulong sa iyo?' },
  { id: 'bye-ur', title: 'اختتام', lang: 'ur', text: 'کیا میں آپ کی کسی اور چیز میں مدد کر سکتا ہوں؟' },
];

function date(raw: string | undefined, fallback: Date, name: string): Date {
  if (!raw) return fallback;
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) throw new AppError('BAD_REQUEST', `analytics: ${name} must be an ISO date`);
  return d;
}

/** canned replies, the team list, analytics (API.md). */
export function teamRoutes(router: ConsoleRouter, deps: HandoffDeps, presence: PresenceKeeper): void {
  router.get('/agent/api/canned', () =>
    Promise.resolve({ replies: deps.options.cannedReplies ?? DEFAULT_CANNED }),
  );

  router.get('/agent/api/agents', async () => ({
    agents: (await deps.agents.list()).map((a) => ({
      id: a.id,
      displayName: a.displayName,
      presence: presence.view(a),
      queues: a.queues,
    })),
  }));

  router.get('/api/analytics', async (req) => {
    const now = deps.clock.now();
    const to = date(query(req, 'to'), now, 'to');
    const from = date(query(req, 'from'), new Date(to.getTime() - 7 * 86_400_000), 'from');
    if (from.getTime() >= to.getTime())
      throw new AppError('BAD_REQUEST', 'analytics: from must be before to');
    return computeAnalytics(deps, from, to);
  });
}
