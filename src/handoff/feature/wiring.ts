import type { Logger } from 'pino';
import type { PluginContext } from '../../app.js';
import type { PostgresBundle } from '../../storage/index.js';
import { AvailabilityCheck, type Clock } from '../availability/index.js';
import { MemoryEventBus, PostgresEventBus, type EventBus } from '../bus/index.js';
import { WebhookSender } from '../protocol/index.js';
import { CustomerRelay } from '../relay/index.js';
import { LocalConnections } from '../service/connections.js';
import { CustomerHandoff } from '../service/customer.js';
import type { HandoffDeps } from '../service/deps.js';
import type { IdentityLookup } from '../summary/index.js';
import { AgentDesk } from '../service/desk.js';
import { TicketEvents } from '../service/events.js';
import { InboundHandoff } from '../service/inbound.js';
import { CustomerNotifier } from '../service/notifier.js';
import { PresenceKeeper } from '../service/presence.js';
import { QueueWatch } from '../service/queue.js';
import { Sweeper } from '../service/sweeper.js';
import type { HandoffOptions } from './options.js';

function pickBus(ctx: Omit<PluginContext, 'bot'>, options: HandoffOptions, logger: Logger): EventBus {
  const pgBundle = ctx.storage.kind === 'postgres' ? (ctx.storage as PostgresBundle) : undefined;
  if (options.eventBus === 'postgres' && !pgBundle)
    throw new Error('handoff options: eventBus: postgres needs PostgreSQL storage');
  if (options.eventBus !== 'memory' && pgBundle?.url)
    return new PostgresEventBus(pgBundle.url, pgBundle.pool, logger);
  return new MemoryEventBus((err) => logger.error({ err }, 'handoff bus: listener failed'));
}

/** Builds the object graph once; the factory in ./index.ts decides what the lead gets to see. */
export function wire(
  ctx: Omit<PluginContext, 'bot'>,
  options: HandoffOptions,
  logger: Logger,
  clock: Clock,
  overrides: { bus?: EventBus; fetch?: typeof fetch; identify?: IdentityLookup | undefined },
) {
  const bus = overrides.bus ?? pickBus(ctx, options, logger);
  const deps: HandoffDeps = {
    tickets: ctx.storage.tickets,
    agents: ctx.storage.agents,
    transcripts: ctx.storage.transcripts,
    feedback: ctx.storage.feedback,
    bus,
    relay: new CustomerRelay(ctx.adapter, ctx.config.bot.appId ?? ''),
    availability: new AvailabilityCheck(ctx.storage.agents, options, clock),
    clock,
    logger,
    options,
    identify: overrides.identify,
    ...(options.webhook ? { webhook: new WebhookSender(options.webhook, logger, overrides.fetch) } : {}),
  };
  const events = new TicketEvents(deps);
  const notifier = new CustomerNotifier(deps, events);
  const queue = new QueueWatch(deps, events, notifier);
  const connections = new LocalConnections();
  const housekeeping = () => (bus instanceof PostgresEventBus ? bus.prune() : Promise.resolve());
  return {
    deps,
    events,
    notifier,
    queue,
    connections,
    customer: new CustomerHandoff(deps, events, queue),
    inbound: new InboundHandoff(deps, events, queue),
    desk: new AgentDesk(deps, events, notifier, queue),
    presence: new PresenceKeeper(deps, events, connections),
    sweeper: new Sweeper(deps, events, notifier, queue, connections, housekeeping),
  };
}
