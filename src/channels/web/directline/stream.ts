import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { AppError, toAppError } from '../../../errors/index.js';
import type { DirectLineStore } from '../../../storage/index.js';
import type { TokenService } from '../auth/index.js';
import type { StreamHub } from './hub.js';
import { parseWatermark } from './ids.js';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
const WHERE = 'directline: stream';
const MAX_SOCKETS_PER_CONVERSATION = 8;

export interface StreamDeps {
  tokens: TokenService;
  store: DirectLineStore;
  hub: StreamHub;
  logger: Logger;
}

/**
 * Serves `streamUrl` on the HTTP server's 'upgrade' event. Other paths are left alone: other
 * features (the agent console) listen for their own upgrades on the same server.
 */
export function attachStream(server: HttpServer, deps: StreamDeps): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match?.[1]) return;
    const conversationId = decodeURIComponent(match[1]);
    accept(deps, conversationId, url.searchParams).then(
      (afterSeq) => wss.handleUpgrade(req, socket, head, (ws) => deps.hub.add(conversationId, ws, afterSeq)),
      (err: unknown) => {
        if (!(err instanceof AppError))
          deps.logger.error({ err, conversationId }, 'web channel: stream upgrade failed');
        refuse(socket, toAppError(err));
      },
    );
  };
  server.on('upgrade', onUpgrade);
  return () => {
    server.off('upgrade', onUpgrade);
    wss.close();
  };
}

async function accept(deps: StreamDeps, conversationId: string, query: URLSearchParams): Promise<number> {
  const token = query.get('t');
  if (!token) throw new AppError('UNAUTHORIZED', `${WHERE}: the stream URL has no token`);
  const claims = await deps.tokens.verify(token, 'stream', WHERE);
  if (claims.conversationId !== conversationId) {
    throw new AppError('FORBIDDEN', `${WHERE}: the token belongs to another conversation`);
  }
  if (deps.hub.count(conversationId) >= MAX_SOCKETS_PER_CONVERSATION) {
    throw new AppError('TOO_MANY_REQUESTS', `${WHERE}: too many open streams for this conversation`);
  }
  const afterSeq = parseWatermark(query.get('watermark') ?? undefined, WHERE);
  if (!(await deps.store.getConversation(conversationId))) {
    throw new AppError('NOT_FOUND', `${WHERE}: no conversation "${conversationId}"`);
  }
  return afterSeq;
}

/** Answers a refused upgrade in plain HTTP; the URL (with its token) is never logged. */
function refuse(socket: Duplex, err: AppError): void {
  const body = JSON.stringify(err.toJSON());
  socket.end(
    `HTTP/1.1 ${err.status} ${err.code}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
