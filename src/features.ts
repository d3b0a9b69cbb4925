import path from 'node:path';
import { ConversationState, UserState, type ActivityHandlerBase } from 'botbuilder';
import type { Logger } from 'pino';
import type { AppOverrides, Feature, PluginContext } from './app.js';
import type { Config } from './config/index.js';
import { SupportBot } from './bot/index.js';
import {
  audienceFor,
  cleanText,
  createEmployeeIdentity,
  NoHandoffEventToTeams,
} from './channels/teams/index.js';
import { createWebChannel } from './channels/web/index.js';
import { MainDialog, type ConversationData, type HandoffPort, type KnowledgePort } from './dialogs/index.js';
import { createHandoffFeature } from './handoff/index.js';
import { createKnowledgeService, loadWordVectors, type KnowledgeService } from './knowledge/index.js';
import type { StorageBundle } from './storage/index.js';
import { createHandoffPort, createSignalsPort, watchKnowledgeBase } from './wiring/index.js';

export interface Assembled {
  bot: ActivityHandlerBase;
  knowledge: KnowledgeService | undefined;
  features: Feature[];
}

/**
 * Builds Tulay's features on the shared parts: knowledge, signals, handoff (middleware after the
 * transcript), the bot with its dialog, the web channel. Options are validated here, so bad
 * configuration fails at startup.
 */
export async function assemble(
  base: Omit<PluginContext, 'bot'>,
  overrides: AppOverrides,
  logger: Logger,
): Promise<Assembled> {
  const { config, storage, adapter } = base;
  adapter.use(new NoHandoffEventToTeams(logger));
  if (overrides.bot) {
    const bot = overrides.bot({ storage });
    return { bot, knowledge: undefined, features: [webFeature({ ...base, bot })] };
  }
  const knowledge =
    overrides.knowledge ??
    (await createKnowledgeService(
      {
        kbPath: config.knowledge.path,
        dataDir: path.join(config.dataDir, 'kb'),
        thresholdsFile: config.knowledge.thresholdsFile,
        // Loaded only when configured: the provider SDKs take a while to import.
        embeddings: config.embeddings
          ? (await import('./knowledge/providers/index.js')).createEmbeddingProvider(config.embeddings, {
              logger: logger.child({ feature: 'embeddings' }),
            })
          : undefined,
        wordVectors: config.knowledge.wordVectors
          ? await loadWordVectors(config.knowledge.wordVectors, path.join(config.dataDir, 'word-vectors'))
          : undefined,
      },
      logger.child({ feature: 'knowledge' }),
    ));
  const employees = createEmployeeIdentity({ logger });
  const handoff = createHandoffFeature(base, config.handoff, {
    ...overrides.handoff,
    // Undefined off Teams: web customers are who the widget says.
    identify: employees,
    // The bot is built below; turns arrive only once the app listens.
    countTurn: (context) => bot.countTurnTakenElsewhere(context),
  });
  adapter.use(handoff.middleware);

  const bot = createSupportBot({
    config,
    storage,
    knowledge,
    logger,
    handoff: createHandoffPort(handoff.service),
  });
  const features: Feature[] = [handoff.feature, webFeature({ ...base, bot })];
  if (config.knowledge.hotReload && !overrides.knowledge) {
    let watcher: { close(): Promise<void> } | undefined;
    features.push({
      start: () => {
        watcher = watchKnowledgeBase(config.knowledge.path, knowledge, logger);
      },
      stop: () => watcher?.close(),
    });
  }
  return { bot, knowledge, features };
}

/** Tulay's bot: SupportBot running MainDialog on the given knowledge and handoff (tests pass their own handoff). */
export function createSupportBot(parts: {
  config: Config;
  storage: StorageBundle;
  knowledge: KnowledgePort;
  handoff: HandoffPort;
  logger: Logger;
}): SupportBot {
  const { config, storage, logger } = parts;
  const conversationState = new ConversationState(storage.state);
  const dialog = new MainDialog({
    knowledge: parts.knowledge,
    signals: createSignalsPort(config.signals, logger),
    handoff: parts.handoff,
    feedback: storage.feedback,
    logger,
    data: conversationState.createProperty<ConversationData>('tulay'),
    audience: (context) => audienceFor(context, config.teams.tenantIds),
    textOf: cleanText,
  });
  return new SupportBot(conversationState, new UserState(storage.state), dialog, logger);
}

function webFeature(ctx: PluginContext): Feature {
  return createWebChannel(ctx, ctx.config.web);
}
