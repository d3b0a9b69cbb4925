import path from 'node:path';
import type { TurnContext } from 'botbuilder';
import type { WebSocket } from 'ws';
import type { Feature, PluginContext } from '../../app.js';
import { ensureDemoAgent } from '../agents/demo.js';
import { systemClock, type Clock } from '../availability/index.js';
import type { EventBus } from '../bus/index.js';
import { AgentHub, ConsoleAuth, consoleRoutes, LoginLimiter } from '../console/index.js';
import { HandoffMiddleware } from '../middleware/index.js';
import type { LocalConnections } from '../service/connections.js';
import type { CustomerHandoff } from '../service/customer.js';
import type { IdentityLookup } from '../summary/index.js';
import { parseHandoffOptions, type HandoffOptionsInput } from './options.js';
import { wire } from './wiring.js';

export {
  handoffOptionsSchema,
  parseHandoffOptions,
  type HandoffOptions,
  type HandoffOptionsInput,
  type Schedule,
  type Hours,
} from './options.js';

/** What the composition root adds (`identify`), and seams for tests and benchmarks. */
export interface HandoffOverrides {
  clock?: Clock;
  bus?: EventBus;
  fetch?: typeof fetch;
  /** Who a Teams employee is (the channel's cached directory lookup), for the summary. */
  identify?: IdentityLookup | undefined;
  /** The bot's count of a customer turn the handoff took (a message to the agent, a card press). */
  countTurn?: ((context: TurnContext) => Promise<void>) | undefined;
}

export interface HandoffFeature {
  feature: Feature;
  /** For the dialogs: request, cancel, createOffline, openTicketFor, recordCsat, positionOf, ticket. */
  service: CustomerHandoff;
  /** Add right after TranscriptMiddleware. */
  middleware: HandoffMiddleware;
  /** Internals for tests and the relay benchmark. */
  internals: ReturnType<typeof wire>;
}

/**
 * The human handoff, mounted by the composition root:
 *   const handoff = createHandoffFeature(ctx, options);
 *   adapter.use(transcriptMiddleware); adapter.use(handoff.middleware);
 *   features.push(handoff.feature);
 */
export function createHandoffFeature(
  ctx: Omit<PluginContext, 'bot'>,
  input: HandoffOptionsInput = {},
  overrides: HandoffOverrides = {},
): HandoffFeature {
  const options = parseHandoffOptions(input);
  const demo = options.demoAgent ?? ctx.config.env === 'development';
  if (demo && ctx.config.env !== 'development') {
    throw new Error(
      `handoff options: demoAgent: refused in ${ctx.config.env}; default credentials exist only in development`,
    );
  }
  const logger = ctx.logger.child({ feature: 'handoff' });
  const clock = overrides.clock ?? systemClock;
  const parts = wire(ctx, options, logger, clock, overrides);
  const publicUrl = ctx.config.publicUrl;
  const auth = new ConsoleAuth(
    ctx.storage.agents,
    new LoginLimiter(options.loginMaxFailures, options.loginWindowSeconds * 1000),
    clock,
    {
      sessionHours: options.sessionHours,
      secureCookie: publicUrl?.startsWith('https:') ?? false,
    },
  );
  const hub = new AgentHub({
    auth,
    desk: parts.desk,
    presence: parts.presence,
    sweeper: parts.sweeper,
    connections: parts.connections as LocalConnections<WebSocket>,
    bus: parts.deps.bus,
    logger,
    graceMs: options.requeueGraceSeconds * 1000,
    ...(publicUrl ? { publicUrl } : {}),
  });
  let beat: NodeJS.Timeout | undefined;

  const feature: Feature = {
    routes: (server) => {
      consoleRoutes(server, {
        deps: parts.deps,
        auth,
        desk: parts.desk,
        presence: parts.presence,
        logger,
        ...(publicUrl ? { publicUrl } : {}),
      });
      hub.attach(server.server);
    },
    start: async () => {
      await parts.deps.bus.start();
      beat = setInterval(() => {
        parts.presence
          .beat()
          .catch((err: unknown) => logger.error({ err }, 'handoff: presence heartbeat failed'));
      }, options.heartbeatSeconds * 1000);
      beat.unref();
      parts.sweeper.start();
      if (demo)
        await ensureDemoAgent(ctx.storage.agents, logger, path.join(ctx.config.dataDir, 'demo-agent.txt'));
    },
    stop: async () => {
      clearInterval(beat);
      hub.close();
      parts.deps.webhook?.stop();
      await parts.sweeper.stop();
      await parts.queue.idle();
      await parts.deps.bus.close();
    },
  };
  const middleware = new HandoffMiddleware(
    parts.customer,
    parts.inbound,
    logger,
    options.protocolChannels,
    overrides.countTurn,
  );
  return { feature, service: parts.customer, middleware, internals: parts };
}
