/**
 * Replays labelled dialogues through the same detector and policy the bot uses. Bot turns become
 * observeBotOutcome calls, their kind recovered from the bot's own phrasings.
 */
import type { Lang } from '../../knowledge/types.js';
import { detectLanguage } from '../../language/index.js';
import { initialSignalState, observeBotOutcome, observeUserTurn, type Reason } from '../policy/index.js';
import type { Action, Trigger } from '../policy/decide.js';
import { inferBotOutcome } from './bot-outcome.js';
import type { SignalDetector } from './detector.js';
import type { Dialog } from './dialogs.js';

export interface TurnRecord {
  dialog: string;
  /** User turn number, 1-based, as in the policy's reasons. */
  turn: number;
  /** Offer or escalate: both count as escalation in the eval. */
  escalate: boolean;
  action: Action;
  trigger?: Trigger;
  score: number;
  reasons: Reason[];
  lang: Lang;
  dissatisfied: boolean;
}

/** The dialogue's language: its label, else what its customer's first message looks like. */
export function dialogLang(dialog: Dialog): Lang {
  const first = dialog.turns.find((t) => t.role === 'user');
  return dialog.lang ?? detectLanguage(first?.text ?? '').lang;
}

export function replayDialog(detector: SignalDetector, dialog: Dialog): TurnRecord[] {
  const lang = dialogLang(dialog);
  const records: TurnRecord[] = [];
  let state = initialSignalState();
  for (const turn of dialog.turns) {
    if (turn.role === 'bot') {
      // A transcript may carry what the live bot knew (kind, article, human-only); else infer it.
      const inferred = inferBotOutcome(detector.lexicons.bot, turn.text);
      state = observeBotOutcome(state, {
        ...inferred,
        ...(turn.kind ? { kind: turn.kind } : {}),
        ...(turn.articleId ? { articleId: turn.articleId } : {}),
        ...(turn.humanOnly ? { humanOnly: true } : {}),
        text: turn.text,
      });
      continue;
    }
    const result = observeUserTurn(detector, state, {
      text: turn.text,
      ...(dialog.lang ? { lang: dialog.lang } : {}),
    });
    state = result.state;
    const { decision } = result;
    records.push({
      dialog: dialog.id,
      turn: decision.turn,
      escalate: decision.action !== 'continue',
      action: decision.action,
      ...(decision.trigger ? { trigger: decision.trigger } : {}),
      score: decision.score,
      reasons: decision.reasons,
      lang,
      dissatisfied: turn.dissatisfied === true,
    });
  }
  return records;
}
