import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { CustomerIdentity, EvidenceSummary } from '../tickets/model.js';
import { parseEvidence } from './input.js';
import { pickPriority, pickQueue, type QueueSetup } from './routing.js';

export {
  evidenceInputSchema,
  parseEvidence,
  HandoffInputError,
  type EvidenceInput,
  type ParsedEvidence,
} from './input.js';
export { pickPriority, pickQueue, type QueueSetup } from './routing.js';

/**
 * Name and email of the person behind a turn, when the channel can say (Teams employees). The
 * composition root passes the Teams channel's resolver, which caches answers and failures, so a
 * Teams outage costs one slow lookup per employee, not one per handoff step.
 */
export type IdentityLookup = (context: TurnContext) => Promise<{ name?: string; email?: string } | undefined>;

export interface SummaryDeps {
  options: QueueSetup;
  logger: Logger;
  identify?: IdentityLookup | undefined;
}

/** Who the customer is: the channel's account, and what the dialog or the channel's directory adds. */
async function identify(
  context: TurnContext,
  known: { name?: string; email?: string } | undefined,
  deps: SummaryDeps,
): Promise<CustomerIdentity> {
  const from = context.activity.from ?? { id: 'unknown', name: '' };
  let found = known ?? {};
  if (!found.email && deps.identify) {
    const looked = await deps.identify(context).catch((err: unknown) => {
      deps.logger.warn(
        { err: (err as Error).message },
        'handoff: identity lookup failed; using the activity',
      );
      return undefined;
    });
    // The directory's name is the one colleagues know; the dialog's is the fallback.
    found = { name: looked?.name || found.name, email: looked?.email };
  }
  const identity: CustomerIdentity = { id: from.id };
  const name = found.name || from.name || undefined;
  if (name) identity.name = name;
  if (found.email) identity.email = found.email;
  return identity;
}

/** The evidence summary of API.md from what the dialog knows plus what the turn tells. */
export async function buildSummary(
  context: TurnContext,
  input: unknown,
  deps: SummaryDeps,
): Promise<EvidenceSummary> {
  const e = parseEvidence(input);
  const setup = deps.options;
  const channel = context.activity.channelId ?? 'unknown';
  return {
    question: e.question,
    lang: e.lang,
    channel,
    customer: await identify(context, e.customer, deps),
    articles: e.articles.map(({ id, title, score, confidence }) => ({ id, title, score, confidence })),
    reasons: e.reasons.map(({ code, turn, score, detail }) => ({
      code,
      turn,
      score,
      ...(detail ? { detail } : {}),
    })),
    priority: pickPriority(e),
    queue: pickQueue(e, channel, setup),
    escalatedBecause: e.escalatedBecause,
  };
}
