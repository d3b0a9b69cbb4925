import type { Logger } from 'pino';
import type { FeedbackStore, TranscriptStore } from '../../storage/ports.js';
import type { AgentStore } from '../agents/ports.js';
import type { AvailabilityCheck, Clock } from '../availability/index.js';
import type { EventBus } from '../bus/index.js';
import type { HandoffOptions } from '../feature/options.js';
import type { WebhookSender } from '../protocol/index.js';
import type { CustomerRelay } from '../relay/index.js';
import type { IdentityLookup } from '../summary/index.js';
import type { TicketStore } from '../tickets/index.js';

/** Everything the handoff services share; built once by the feature factory. */
export interface HandoffDeps {
  tickets: TicketStore;
  agents: AgentStore;
  transcripts: TranscriptStore;
  feedback: FeedbackStore;
  bus: EventBus;
  relay: CustomerRelay;
  availability: AvailabilityCheck;
  clock: Clock;
  logger: Logger;
  options: HandoffOptions;
  webhook?: WebhookSender;
  /** Directory identity of Teams employees for the handoff summary; none elsewhere. */
  identify?: IdentityLookup | undefined;
}
