import type { TurnContext } from 'botbuilder';
import type { Article, Audience, Lang } from '../knowledge/types.js';

/**
 * What the dialogs need from the rest of Tulay. The composition root adapts the real
 * knowledge service, signal detector and handoff service to these; dialogs stay testable.
 */
export interface Candidate {
  id: string;
  title: string;
  score: number;
  confidence: number;
}

export interface KnowledgeDecision {
  kind: 'answer' | 'clarify' | 'none';
  article?: Article;
  candidates: Candidate[];
  confidence: number;
  fallbackLanguage?: boolean;
}

export interface KnowledgePort {
  decide(query: string, options: { lang: Lang; audience: Audience }): Promise<KnowledgeDecision>;
  /** The article in `lang` if translated, else English; undefined when unknown or not for this audience. */
  getArticle(
    id: string,
    lang: Lang,
    audience: Audience,
  ): { article: Article; fallbackLanguage: boolean } | undefined;
}

export interface Reason {
  code: string;
  turn: number;
  score: number;
  detail?: string;
}

export interface SignalDecision {
  action: 'continue' | 'offer' | 'escalate';
  /** The customer turn (1-based) this decision is for; reasons carry the turn they fired on. */
  turn: number;
  score: number;
  reasons: Reason[];
  /** One line for the agent saying why (present on offer and escalate). */
  because?: string;
}

export type BotOutcome = {
  kind: 'answer' | 'clarify' | 'none' | 'chitchat';
  articleId?: string;
  confidence?: number;
  humanOnly?: boolean;
  /** The reply offered the customer a person: a "yes" next turn accepts it. */
  offeredPerson?: boolean;
  text?: string;
};

/** Signal state is opaque JSON kept in conversation state between turns. */
export interface SignalsPort {
  initial(): unknown;
  observeUser(
    state: unknown,
    input: { text: string; lang: Lang },
  ): { state: unknown; decision: SignalDecision };
  observeBot(state: unknown, outcome: BotOutcome): unknown;
  observeFeedback(state: unknown, helpful: boolean): unknown;
  /** A customer turn without words (a card press, an empty message): counted, so turn numbers match the transcript. */
  observePress(state: unknown): unknown;
}

/** The evidence an agent sees: the customer never has to repeat themselves. */
export interface HandoffSummaryInput {
  question: string;
  lang: Lang;
  channel: string;
  audience: Audience;
  articles: Candidate[];
  reasons: Reason[];
  score: number;
  queue?: string;
  escalatedBecause: string;
  explicit: boolean;
}

export interface HandoffPort {
  /** Queues the conversation for a person (or explains why nobody can come) and tells the customer. */
  request(context: TurnContext, summary: HandoffSummaryInput): Promise<void>;
  /** Stores a CSAT card submission and thanks the customer; false when the activity is not one. */
  csat(context: TurnContext): Promise<boolean>;
}
