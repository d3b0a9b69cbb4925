export type { Audience, EventBus, HandoffEvent, HandoffListener } from './ports.js';
export { MemoryEventBus } from './memory.js';
export { PostgresEventBus } from './postgres.js';
