import type { Lang } from '../knowledge/types.js';
import type { Candidate } from './ports.js';

/** What Tulay remembers about one conversation between turns (JSON, stored via Storage). */
export interface ConversationData {
  lang: Lang;
  turn: number;
  signals: unknown;
  /** The customer's recent messages, newest last — the agent gets them in the summary. */
  questions: string[];
  /** Every article the bot tried in this conversation, best score kept. */
  tried: Candidate[];
  /** Follow-up prompts offered with the last answer: a reply equal to a title answers it. */
  followUps: { id: string; title: string }[];
  lastQuery?: string;
}

export function newConversationData(lang: Lang, signals: unknown): ConversationData {
  return { lang, turn: 0, signals, questions: [], tried: [], followUps: [] };
}

export function rememberQuestion(data: ConversationData, text: string): void {
  data.questions = [...data.questions, text].slice(-8);
  data.lastQuery = text;
}

export function rememberTried(data: ConversationData, candidates: Candidate[]): void {
  const byId = new Map(data.tried.map((c) => [c.id, c]));
  for (const c of candidates) {
    const old = byId.get(c.id);
    if (!old || old.score < c.score) byId.set(c.id, c);
  }
  data.tried = [...byId.values()].sort((a, b) => b.score - a.score).slice(0, 8);
}
