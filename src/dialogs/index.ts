export { MainDialog, type MainDialogDeps } from './main-dialog.js';
export { t, type MessageKey } from './messages.js';
export {
  parseCardAction,
  answerCard,
  clarifyCard,
  offerPersonCard,
  type CardAction,
  type CardOptions,
} from './cards.js';
export { newConversationData, type ConversationData } from './state.js';
export type * from './ports.js';
