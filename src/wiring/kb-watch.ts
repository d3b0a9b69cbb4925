import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from 'pino';
import type { KnowledgeService } from '../knowledge/index.js';

/**
 * Development convenience: reindex when a KB file changes. Editors write a file in several
 * steps, so changes are gathered for a moment; reload() itself rebuilds only when the content
 * hash changed and keeps the last good index when the new content fails to build.
 */
export function watchKnowledgeBase(
  kbPath: string,
  knowledge: Pick<KnowledgeService, 'reload'>,
  logger: Logger,
  debounceMs = 500,
): { close(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const reload = () => {
    running = running.then(async () => {
      try {
        const status = await knowledge.reload();
        logger.info({ articles: status.articles, stale: status.stale }, 'knowledge: reloaded after a change');
      } catch (err) {
        logger.error({ err }, 'knowledge: reload failed; still serving the last good index');
      }
    });
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(kbPath, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(reload, debounceMs);
    });
    watcher.on('error', (err) => logger.warn({ err }, 'knowledge: watcher stopped'));
  } catch (err) {
    logger.warn({ err }, 'knowledge: cannot watch the KB folder; hot reload is off');
  }
  return {
    async close() {
      clearTimeout(timer);
      watcher?.close();
      await running;
    },
  };
}
