import { TeamsInfo, type TurnContext } from 'botbuilder';
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

/** Who the customer is: the channel's account, and for Teams employees their directory name and email. */
async function identify(
  context: TurnContext,
  known: { name?: string; email?: string } | undefined,
  logger: Logger,
): Promise<CustomerIdentity> {
  const from = context.activity.from ?? { id: 'unknown', name: '' };
  const identity: CustomerIdentity = { id: from.id };
  const name = known?.name ?? (from.name || undefined);
  if (name) identity.name = name;
  if (known?.email) identity.email = known.email;
  if (context.activity.channelId === 'msteams' && !identity.email) {
    try {
      const member = await TeamsInfo.getMember(context, from.id);
      if (member.name) identity.name = member.name;
      const email = member.email ?? member.userPrincipalName;
      if (email) identity.email = email;
    } catch (err) {
      logger.warn(
        { err: (err as Error).message },
        'handoff: Teams member lookup failed; using the activity identity',
      );
    }
  }
  return identity;
}

/** The evidence summary of API.md from what the dialog knows plus what the turn tells. */
export async function buildSummary(
  context: TurnContext,
  input: unknown,
  setup: QueueSetup,
  logger: Logger,
): Promise<EvidenceSummary> {
  const e = parseEvidence(input);
  const channel = context.activity.channelId ?? 'unknown';
  return {
    question: e.question,
    lang: e.lang,
    channel,
    customer: await identify(context, e.customer, logger),
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
