export { HandoffMiddleware } from './handoff-middleware.js';
export { isCancelRequest } from './phrases.js';
export { outgoingHandler } from './outgoing.js';
