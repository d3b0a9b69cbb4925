export {
  buildHandoffInitiation,
  forwardsInitiate,
  readHandoffStatus,
  HANDOFF_INITIATE,
  HANDOFF_STATUS,
  type HandoffStatus,
} from './initiate.js';
export {
  signWebhook,
  verifyWebhookSignature,
  WebhookSender,
  SIGNATURE_HEADER,
  type WebhookOptions,
  type WebhookOutcome,
} from './webhook.js';
