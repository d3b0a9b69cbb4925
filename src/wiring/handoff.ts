import type { TurnContext } from 'botbuilder';
import type { HandoffPort, HandoffSummaryInput } from '../dialogs/index.js';
import {
  handoffText,
  offlineReplies,
  queuedReplies,
  readCsatSubmission,
  type HandoffService,
} from '../handoff/index.js';

/** Name and email of the person behind a turn, when the channel can say (Teams employees). */
export type IdentityLookup = (context: TurnContext) => Promise<{ name?: string; email?: string } | undefined>;

/** The dialogs' view of the handoff service: queue (or explain why nobody can come), and CSAT. */
export function createHandoffPort(service: HandoffService, identify?: IdentityLookup): HandoffPort {
  return {
    async request(context: TurnContext, s: HandoffSummaryInput): Promise<void> {
      const who = await identify?.(context);
      const customer = who && (who.name || who.email) ? { name: who.name, email: who.email } : undefined;
      const result = await service.request(context, {
        summary: {
          question: s.question,
          lang: s.lang,
          articles: s.articles,
          reasons: s.reasons,
          escalatedBecause: s.escalatedBecause,
          audience: s.audience,
          ...(s.queue ? { queue: s.queue } : {}),
          ...(customer ? { customer } : {}),
        },
      });
      const replies =
        result.kind === 'queued' ? queuedReplies(result, s.lang) : offlineReplies(result, s.lang);
      await context.sendActivities(replies);
    },
    async csat(context: TurnContext): Promise<boolean> {
      const submission = readCsatSubmission(context.activity);
      if (!submission) return false;
      const ticket = await service.recordCsat(submission.ticketId, submission.rating, submission.comment);
      await context.sendActivity(handoffText('csatThanks', ticket.lang));
      return true;
    },
  };
}
