import type { Server } from 'restify';
import { PREFIX, type DirectLineDeps } from './context.js';
import { preflight } from './http.js';
import { mountActivityRoutes } from './routes-activities.js';
import { mountConversationRoutes } from './routes-conversations.js';
import { mountTokenRoutes } from './routes-tokens.js';

export { PREFIX, type DirectLineDeps } from './context.js';
export { issueLocalToken, type LocalToken } from './routes-tokens.js';
export { StreamHub } from './hub.js';
export { attachStream, type StreamDeps } from './stream.js';
export { activityId, newConversationId, newUserId, parseWatermark } from './ids.js';
export { handler, preflight, publicBase, clientIp, cors, jsonObject, type HttpDeps } from './http.js';

/** The Direct Line 3.0 REST surface that DirectLineJS and Web Chat use. */
export function mountDirectLine(server: Server, deps: DirectLineDeps): void {
  mountTokenRoutes(server, deps);
  mountConversationRoutes(server, deps);
  mountActivityRoutes(server, deps);
  preflight(server, deps, [
    `${PREFIX}/tokens/generate`,
    `${PREFIX}/tokens/refresh`,
    `${PREFIX}/conversations`,
    `${PREFIX}/conversations/:conversationId`,
    `${PREFIX}/conversations/:conversationId/activities`,
  ]);
}
