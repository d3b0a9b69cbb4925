export { SupportBot } from './support-bot.js';
export { createAdapter, TURN_ERROR_TEXT } from './adapter.js';
export { TranscriptMiddleware } from './transcript-middleware.js';
export { TurnMetricsMiddleware } from './turn-metrics.js';
