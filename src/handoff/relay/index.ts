export { CustomerRelay, relayedMessage, type Speaker } from './proactive.js';
export {
  countsAsTurn,
  entriesToItems,
  entryToItem,
  handoffEntity,
  HANDOFF_ENTITY,
  SUBMIT_CONTENT_TYPE,
  toTranscriptItem,
  type HandoffEntity,
  type TranscriptItem,
  type TranscriptRole,
} from './transcript.js';
