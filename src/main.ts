import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/index.js';
import { createLogger } from './logging/index.js';

/** Process entry point: config, logger, app, signals. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.log);
  const app = await createApp(config, logger);
  await app.listen();

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'tulay: signal received');
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'tulay: shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`tulay: failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
