/**
 * Human handoff: tickets, live agents, relay, console API. The composition root uses
 * createHandoffFeature; dialogs use `service`, the texts (messages.ts) and the cards (cards.ts).
 */
export {
  createHandoffFeature,
  parseHandoffOptions,
  handoffOptionsSchema,
  type HandoffFeature,
  type HandoffOptions,
  type HandoffOptionsInput,
  type HandoffOverrides,
} from './feature/index.js';
export type {
  CustomerHandoff as HandoffService,
  HandoffRequestResult,
  OfflineRequest,
  OfflineResult,
} from './service/customer.js';
export type { QueueStanding } from './service/queue.js';
export { HandoffMiddleware, isCancelRequest } from './middleware/index.js';
export { handoffText, formatWait, formatWhen, type HandoffMessageKey } from './messages.js';
export {
  handoffStatusCard,
  offlineCard,
  solvedCard,
  csatCard,
  CARD_ACTIONS,
  type StatusCardInput,
  type OfflineCardInput,
} from './cards.js';
export { readCardAction, readCsatSubmission, type CardAction, type CsatSubmission } from './card-actions.js';
export { queuedReplies, offlineReplies } from './replies.js';
export { evidenceInputSchema, HandoffInputError, type EvidenceInput } from './summary/index.js';
export {
  signWebhook,
  verifyWebhookSignature,
  SIGNATURE_HEADER,
  HANDOFF_INITIATE,
  HANDOFF_STATUS,
} from './protocol/index.js';
export type {
  Ticket,
  TicketState,
  HandoffState,
  Priority,
  EvidenceSummary,
  Contact,
  TicketView,
  TicketStore,
} from './tickets/index.js';
export type { AgentStore, Agent, AgentRecord } from './agents/ports.js';
export type { TranscriptItem } from './relay/index.js';
export type { EventBus, HandoffEvent } from './bus/index.js';
export type { Clock } from './availability/index.js';
