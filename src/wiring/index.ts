export { createSignalsPort } from './signals.js';
export { createHandoffPort } from './handoff.js';
export { watchKnowledgeBase } from './kb-watch.js';
