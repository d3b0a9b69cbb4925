import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Metrics } from '../metrics/index.js';

/** Apology sent when a turn fails; the customer is never left without an answer. */
export const TURN_ERROR_TEXT =
  "Sorry, something went wrong on my side. Please try again — or type 'agent' to reach a person.";

/**
 * CloudAdapter with Bot Framework JWT auth whenever MicrosoftAppId is set; anonymous
 * (local development, the Emulator, the local Direct Line) only when it is not.
 */
export function createAdapter(bot: Config['bot'], logger: Logger, metrics: Metrics): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.appPassword ?? '',
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId ?? '',
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context, error) => {
    metrics.errors.inc({ where: 'turn' });
    logger.error(
      { err: error, conversationId: context.activity.conversation?.id, channel: context.activity.channelId },
      'bot: turn failed',
    );
    try {
      await context.sendActivity(TURN_ERROR_TEXT);
    } catch (sendErr) {
      logger.error({ err: sendErr }, 'bot: could not send the apology');
    }
  };
  return adapter;
}
