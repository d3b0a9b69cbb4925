/**
 * Bot-side evidence, scored when the customer next speaks: the bot could not answer, asked for
 * clarification, gave the same answer again, answered a human-only topic, or got a thumbs-down.
 */
import type { SignalDetector } from '../signals/detector.js';
import { containment, normalise } from '../signals/text.js';
import type { SignalHit } from '../signals/types.js';
import type { SignalState } from './state.js';

export type TurnHit = SignalHit & { turn: number };

export interface BotEvidence {
  hits: TurnHit[];
  /** The bot gave at least one real answer since the last user turn. */
  answered: boolean;
  lastAnswer: SignalState['lastAnswer'];
}

/** Long answers differ in their tails (order numbers, names); the opening says which answer it is. */
const ANSWER_KEY_CHARS = 400;

export function answerKey(text: string | undefined): string | undefined {
  return text === undefined ? undefined : normalise(text).slice(0, ANSWER_KEY_CHARS);
}

export function botEvidence(detector: SignalDetector, state: SignalState): BotEvidence {
  const hits: TurnHit[] = [];
  let answered = false;
  let lastAnswer = state.lastAnswer;
  for (const outcome of state.pendingBot) {
    const { turn } = outcome;
    if (outcome.kind === 'none') hits.push({ code: 'no_answer', score: 1, turn });
    if (outcome.kind === 'clarify') hits.push({ code: 'clarify', score: 1, turn });
    if (outcome.kind !== 'answer') continue;
    answered = true;
    const text = outcome.text;
    const sameArticle = outcome.articleId !== undefined && outcome.articleId === lastAnswer?.articleId;
    const sim = text && lastAnswer?.text ? containment(text, lastAnswer.text) : 0;
    if (sameArticle || sim >= detector.lexicons.repeatAnswer.similarity) {
      const detail = sameArticle
        ? `article ${outcome.articleId} again`
        : `answer repeated (${sim.toFixed(2)})`;
      hits.push({ code: 'repeat_answer', score: 1, turn, detail });
    }
    if (outcome.humanOnly) {
      hits.push({
        code: 'human_only',
        score: 1,
        turn,
        detail: outcome.articleId && `article ${outcome.articleId}`,
      });
    }
    lastAnswer = { turn, articleId: outcome.articleId, text };
  }
  for (const fb of state.pendingFeedback) {
    hits.push(
      fb.value === 'down'
        ? { code: 'feedback_down', score: 1, turn: fb.turn }
        : { code: 'resolved', score: 0.6, turn: fb.turn, detail: 'thumbs up' },
    );
  }
  return { hits, answered, lastAnswer };
}
