/**
 * Eval figures. "Escalation" means the policy offered a person or escalated: both put a person
 * within the customer's reach, which is what the `dissatisfied` label asks for.
 */
import { LANGS, type Lang } from '../../knowledge/types.js';
import type { TurnRecord } from './eval.js';

export interface Figures {
  dialogues: number;
  userTurns: number;
  turn: {
    precision: number | null;
    recall: number | null;
    f1: number | null;
    tp: number;
    fp: number;
    fn: number;
  };
  dialogue: {
    /** Dialogues with at least one dissatisfied turn. */
    dissatisfied: number;
    /** Share of those that escalate at or after the first dissatisfied turn. */
    recall: number | null;
    /** Dialogues with no dissatisfied turn. */
    satisfied: number;
    /** Share of those that escalate anyway. */
    falseEscalationRate: number | null;
    /** Median user turns from the first dissatisfied turn to the first escalation at or after it. */
    medianTurnsToEscalation: number | null;
  };
}

export interface Summary extends Figures {
  definition: string;
  byLang: Partial<Record<Lang, Figures>>;
}

const ratio = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 1000) / 1000);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function figures(records: readonly TurnRecord[]): Figures {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const r of records) {
    if (r.escalate && r.dissatisfied) tp++;
    else if (r.escalate) fp++;
    else if (r.dissatisfied) fn++;
  }
  const byDialog = new Map<string, TurnRecord[]>();
  for (const r of records) byDialog.set(r.dialog, [...(byDialog.get(r.dialog) ?? []), r]);
  let dissatisfied = 0,
    caught = 0,
    satisfied = 0,
    falseEscalations = 0;
  const delays: number[] = [];
  for (const turns of byDialog.values()) {
    const first = turns.find((t) => t.dissatisfied);
    if (!first) {
      satisfied++;
      if (turns.some((t) => t.escalate)) falseEscalations++;
      continue;
    }
    dissatisfied++;
    const escalation = turns.find((t) => t.escalate && t.turn >= first.turn);
    if (escalation) {
      caught++;
      delays.push(escalation.turn - first.turn);
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? Math.round(((2 * precision * recall) / (precision + recall)) * 1000) / 1000
      : null;
  return {
    dialogues: byDialog.size,
    userTurns: records.length,
    turn: { precision, recall, f1, tp, fp, fn },
    dialogue: {
      dissatisfied,
      recall: ratio(caught, dissatisfied),
      satisfied,
      falseEscalationRate: ratio(falseEscalations, satisfied),
      medianTurnsToEscalation: median(delays),
    },
  };
}

export function summarise(records: readonly TurnRecord[]): Summary {
  const byLang: Partial<Record<Lang, Figures>> = {};
  for (const lang of LANGS) {
    const subset = records.filter((r) => r.lang === lang);
    if (subset.length) byLang[lang] = figures(subset);
  }
  return {
    definition: "escalation = policy action 'offer' or 'escalate'; turn numbers count user turns from 1",
    ...figures(records),
    byLang,
  };
}
