import type { Logger } from 'pino';
import type { Answerer, Decision, DecideContext } from './answer/answerer.js';
import { answererFor, openKnowledge, type OpenKnowledgeOptions, type OpenedKnowledge } from './open.js';
import { loadLastGood } from './search/index-store.js';
import { formatIssue, type Article, type Audience, type IngestIssue, type Lang } from './types.js';

/** What openKnowledge takes, without progress bars (the service logs instead). */
export type KnowledgeServiceOptions = Omit<OpenKnowledgeOptions, 'progress'>;

export interface KnowledgeStatus {
  hash: string;
  articles: number;
  topics: number;
  issues: number;
  builtAt: string;
  /** True when serving an older index because the current KB failed to build. */
  stale: boolean;
}

export interface KnowledgeService {
  decide(query: string, ctx: DecideContext): Promise<Decision>;
  /** The article in `lang` if translated, else English; undefined when unknown or not for this audience. */
  getArticle(
    id: string,
    lang: Lang,
    audience: Audience,
  ): { article: Article; fallbackLanguage: boolean } | undefined;
  /** Re-reads the KB; rebuilds only if its content changed; keeps serving the old index on failure. */
  reload(): Promise<KnowledgeStatus>;
  status(): KnowledgeStatus;
  readonly issues: readonly IngestIssue[];
}

interface State {
  answerer: Answerer;
  status: KnowledgeStatus;
  issues: IngestIssue[];
}

function stateOf(opened: OpenedKnowledge): State {
  const { loaded, answerer, issues } = opened;
  return {
    answerer,
    issues,
    status: {
      hash: loaded.manifest.hash,
      articles: loaded.index.articles.length,
      topics: loaded.index.classes.length,
      issues: issues.length,
      builtAt: loaded.manifest.createdAt,
      stale: false,
    },
  };
}

/**
 * Builds or loads the index for a KB and answers from it. Start-up fails only when there is
 * neither a buildable KB nor a last good index on disk.
 */
export async function createKnowledgeService(
  options: KnowledgeServiceOptions,
  logger: Logger,
): Promise<KnowledgeService> {
  const log = logger.child({ component: 'knowledge' });
  const open = async (): Promise<State> => {
    const started = performance.now();
    const opened = await openKnowledge(options);
    for (const issue of opened.issues) log.warn({ issue: formatIssue(issue) }, 'knowledge base issue');
    for (const warning of opened.warnings) log.warn({ warning }, 'knowledge thresholds');
    const ms = Math.round(performance.now() - started);
    log.info(
      { hash: opened.loaded.manifest.hash, built: opened.loaded.built, articles: opened.articles.length, ms },
      'knowledge index ready',
    );
    return stateOf(opened);
  };

  // A local model loads here, so a broken model directory stops startup rather than a turn.
  await options.embeddings?.ready?.();
  let state: State;
  try {
    state = await open();
  } catch (err) {
    const fallback = await loadLastGood(options.dataDir, {
      dense: options.embeddings,
      words: options.wordVectors,
    }).catch((e: unknown) => {
      log.warn({ err: e }, 'the last good knowledge index cannot be used');
      return undefined;
    });
    if (!fallback)
      throw new Error(
        `knowledge: cannot build ${options.kbPath} and no earlier index in ${options.dataDir}: ${(err as Error).message}`,
        { cause: err },
      );
    log.error(
      { err, index: fallback.manifest.hash },
      'knowledge base failed to build; serving the last good index',
    );
    const { answerer, warnings } = await answererFor(fallback, options);
    for (const warning of warnings) log.warn({ warning }, 'knowledge thresholds');
    const { manifest, index } = fallback;
    state = {
      answerer,
      issues: [],
      status: {
        hash: manifest.hash,
        articles: index.articles.length,
        topics: index.classes.length,
        issues: 0,
        builtAt: manifest.createdAt,
        stale: true,
      },
    };
  }

  let reloading: Promise<KnowledgeStatus> | undefined;
  return {
    decide: async (query, ctx) => {
      // The index in use when the turn began, even if a reload swaps it while the query embeds.
      const { answerer } = state;
      try {
        await answerer.prepare([query]);
      } catch (err) {
        // An embedding outage should not silence the bot: answer from classifier and BM25.
        log.warn(
          { err: (err as Error).message },
          'knowledge: query embedding failed; answering without vectors',
        );
      }
      return answerer.decide(query, ctx);
    },
    getArticle: (id, lang, audience) => state.answerer.getArticle(id, lang, audience),
    status: () => state.status,
    get issues() {
      return state.issues;
    },
    reload() {
      // Concurrent reloads (file watcher bursts) share one build.
      reloading ??= open()
        .then((next) => (state = next).status)
        .catch((err: unknown) => {
          log.error({ err }, 'knowledge reload failed; still serving the previous index');
          state = { ...state, status: { ...state.status, stale: true } };
          return state.status;
        })
        .finally(() => (reloading = undefined));
      return reloading;
    },
  };
}
