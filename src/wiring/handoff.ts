import type { TurnContext } from 'botbuilder';
import type { HandoffPort, HandoffSummaryInput } from '../dialogs/index.js';
import {
  handoffText,
  offlineReplies,
  queuedReplies,
  readCsatSubmission,
  type HandoffService,
} from '../handoff/index.js';

/**
 * The dialogs' view of the handoff service: queue (or explain why nobody can come), and CSAT.
 * Who the customer is, the service asks the channel itself (HandoffOverrides.identify).
 */
export function createHandoffPort(service: HandoffService): HandoffPort {
  return {
    async request(context: TurnContext, s: HandoffSummaryInput): Promise<void> {
      const result = await service.request(context, {
        summary: {
          question: s.question,
          lang: s.lang,
          articles: s.articles,
          reasons: s.reasons,
          escalatedBecause: s.escalatedBecause,
          audience: s.audience,
          ...(s.queue ? { queue: s.queue } : {}),
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
