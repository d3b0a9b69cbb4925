import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogState,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { detectLanguage } from '../language/index.js';
import type { Audience, Lang } from '../knowledge/types.js';
import type { FeedbackStore } from '../storage/index.js';
import { sendAnswer, sendClarify, sendOffer } from './answer.js';
import { parseCardAction, type CardAction } from './cards.js';
import { chitChatLanguage, detectChitChat } from './chitchat.js';
import { t } from './messages.js';
import type { HandoffPort, KnowledgePort, SignalDecision, SignalsPort } from './ports.js';
import { newConversationData, rememberQuestion, rememberTried, type ConversationData } from './state.js';

const ROUTER = 'main-router';
/** Signals that make a turn a reaction to the bot rather than a new question. */
const REACTIONS = new Set(['not_helpful', 'frustration', 'abuse', 'waiting']);

export interface MainDialogDeps {
  knowledge: KnowledgePort;
  signals: SignalsPort;
  handoff: HandoffPort;
  feedback: FeedbackStore;
  logger: Logger;
  /** The conversation's memory (language, signals, what was tried). */
  data: StatePropertyAccessor<ConversationData>;
  /** Which articles this conversation may see (Teams employees: internal; see channels/teams). */
  audience: (context: TurnContext) => Audience;
  /** The customer's words (Teams: without the bot's @mention). */
  textOf: (context: TurnContext) => string;
}

/** One customer turn: language → signals → (hand off | small talk | knowledge) → offer a person when stuck. */
export class MainDialog extends ComponentDialog {
  constructor(private readonly deps: MainDialogDeps) {
    super('main');
    this.addDialog(new WaterfallDialog(ROUTER, [(step) => this.route(step)]));
    this.initialDialogId = ROUTER;
  }

  /** Runs the dialog stack for one turn, starting MainDialog when nothing is active. */
  async runTurn(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const set = new DialogSet(accessor);
    set.add(this);
    const dc = await set.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  private async route(step: WaterfallStepContext) {
    const { context } = step;
    const data = await this.load(context);
    data.turn++;
    const action = parseCardAction(cardValue(context));
    if (await this.deps.handoff.csat(context)) {
      // The rating closes a handoff; nothing else to do this turn.
      data.signals = this.deps.signals.observePress(data.signals);
    } else if (action) await this.onCardAction(context, data, action);
    else await this.onText(context, data, this.textOf(context));
    await this.deps.data.set(context, data);
    return step.endDialog();
  }

  /**
   * A customer turn the handoff took without the dialog (a message to the agent, a card press):
   * counted like a card press, so turn numbers in a later escalation still match the transcript.
   */
  async countTurnTakenElsewhere(context: TurnContext): Promise<void> {
    const data = await this.load(context);
    data.turn++;
    data.signals = this.deps.signals.observePress(data.signals);
    await this.deps.data.set(context, data);
  }

  private async load(context: TurnContext): Promise<ConversationData> {
    const hint = localeToLang(context.activity.locale);
    return (await this.deps.data.get(context)) ?? newConversationData(hint, this.deps.signals.initial());
  }

  private async onText(context: TurnContext, data: ConversationData, text: string): Promise<void> {
    if (!text) {
      data.signals = this.deps.signals.observePress(data.signals);
      await context.sendActivity(t('emptyMessage', data.lang));
      return;
    }
    // A follow-up prompt is the bot's own title, sent back by a click: it keeps the conversation's
    // language ("Failed o declined na payment" is not English) and says nothing about the
    // customer's mood ("…damaged, wrong or incomplete" is not a complaint), but it is a turn.
    const followUp = data.followUps.find((f) => f.title.toLowerCase() === text.toLowerCase());
    if (!followUp) data.lang = chitChatLanguage(text) ?? pickLanguage(text, data.lang);
    const observed = this.deps.signals.observeUser(data.signals, {
      text: followUp ? '' : text,
      lang: data.lang,
    });
    data.signals = observed.state;
    const chit = detectChitChat(text);
    // A bare "yes" to the offer of a person is not part of the question the agent should read.
    // (A complaint that accepts it carries other reasons on the same turn and is kept.)
    const now = observed.decision.reasons.filter((r) => r.turn === observed.decision.turn);
    const acceptsOffer =
      text.split(/\s+/).length <= 4 && now.length > 0 && now.every((r) => r.code === 'accepted_offer');
    if (!chit && !acceptsOffer) rememberQuestion(data, text);
    if (observed.decision.action === 'escalate') {
      await this.handOff(context, data, observed.decision);
      return;
    }
    if (chit) {
      await context.sendActivity(t(chit, data.lang));
      data.signals = this.deps.signals.observeBot(data.signals, { kind: 'chitchat' });
      return;
    }
    // "this is useless", "ang tagal naman": a reaction, not a question. If the KB has nothing for
    // it, say sorry and offer a person — and keep it out of the KB-gap report.
    const reaction = now.some((r) => REACTIONS.has(r.code));
    const offered = followUp
      ? await this.answerArticle(context, data, followUp.id, text)
      : await this.answerFromKnowledge(context, data, text, reaction);
    if (observed.decision.action === 'offer' && !offered) await this.offer(context, data, 'offerPerson');
  }

  /** Offers a person and tells the policy, so that a "yes" next turn hands off. */
  private async offer(context: TurnContext, data: ConversationData, key: 'offerPerson' | 'feedbackSorry') {
    await sendOffer(context, t(key, data.lang), this.cardOptions(context, data));
    data.signals = this.deps.signals.observeBot(data.signals, { kind: 'chitchat', offeredPerson: true });
  }

  private textOf(context: TurnContext): string {
    return this.deps.textOf(context).trim();
  }

  private audience(context: TurnContext): Audience {
    return this.deps.audience(context);
  }

  /** Answers, clarifies or admits it cannot; true when the reply already offered a person. */
  private async answerFromKnowledge(
    context: TurnContext,
    data: ConversationData,
    text: string,
    reaction = false,
  ): Promise<boolean> {
    const audience = this.audience(context);
    const decision = await this.deps.knowledge.decide(text, { lang: data.lang, audience });
    rememberTried(data, decision.candidates.slice(0, 3));
    const options = this.cardOptions(context, data);
    if (decision.kind === 'answer' && decision.article) {
      return this.answerArticle(context, data, decision.article.id, text, decision.confidence);
    }
    if (decision.kind === 'clarify') {
      await sendClarify(context, text, decision.candidates.slice(0, 3), options);
      data.signals = this.deps.signals.observeBot(data.signals, {
        kind: 'clarify',
        confidence: decision.confidence,
      });
      return false;
    }
    if (reaction) {
      await sendOffer(context, t('feedbackSorry', data.lang), options);
      data.signals = this.deps.signals.observeBot(data.signals, { kind: 'chitchat', offeredPerson: true });
      return true;
    }
    await this.recordUnanswered(context, data, text);
    await sendOffer(context, t('noAnswer', data.lang), options);
    data.signals = this.deps.signals.observeBot(data.signals, { kind: 'none', offeredPerson: true });
    return true;
  }

  /** Sends the article; true when the reply also offered a person (human-only topics, unknown ids). */
  private async answerArticle(
    context: TurnContext,
    data: ConversationData,
    id: string,
    query: string,
    confidence = 1,
  ): Promise<boolean> {
    const audience = this.audience(context);
    const found = this.deps.knowledge.getArticle(id, data.lang, audience);
    const options = this.cardOptions(context, data);
    if (!found) {
      await sendOffer(context, t('noAnswer', data.lang), options);
      data.signals = this.deps.signals.observeBot(data.signals, { kind: 'none', offeredPerson: true });
      return true;
    }
    const { article, fallbackLanguage } = found;
    data.followUps = article.followUps
      .map((f) => this.deps.knowledge.getArticle(f, data.lang, audience)?.article)
      .filter((a) => a !== undefined)
      .map((a) => ({ id: a.id, title: a.title }));
    await sendAnswer(context, { article, query, fallbackLanguage, followUps: data.followUps }, options);
    data.signals = this.deps.signals.observeBot(data.signals, {
      kind: 'answer',
      articleId: article.id,
      confidence,
      humanOnly: article.handoff === true,
      offeredPerson: article.handoff === true,
      text: article.answer,
    });
    if (article.handoff) await sendOffer(context, t('humanOnly', data.lang), options);
    return article.handoff === true;
  }

  private async onCardAction(
    context: TurnContext,
    data: ConversationData,
    action: CardAction,
  ): Promise<void> {
    const options = this.cardOptions(context, data);
    switch (action.action) {
      case 'handoff': {
        // The button says what the customer would type: the policy hears it as the words, so the
        // agent gets every reason so far (no answers, frustration…), not only this click.
        const label = t('talkToPerson', data.lang);
        const observed = this.deps.signals.observeUser(data.signals, { text: label, lang: data.lang });
        data.signals = observed.state;
        const decision: SignalDecision =
          observed.decision.action === 'escalate'
            ? observed.decision
            : {
                action: 'escalate',
                turn: observed.decision.turn,
                score: observed.decision.score,
                reasons: [
                  ...observed.decision.reasons,
                  {
                    code: 'explicit_request',
                    turn: observed.decision.turn,
                    score: 1,
                    detail: `clicked "${label}"`,
                  },
                ],
              };
        await this.handOff(context, data, decision);
        return;
      }
      case 'choose':
        data.signals = this.deps.signals.observePress(data.signals);
        await this.answerArticle(context, data, action.articleId, action.query);
        return;
      case 'none-of-these':
        data.signals = this.deps.signals.observePress(data.signals);
        await this.recordUnanswered(context, data, action.query);
        await sendOffer(context, t('noAnswer', data.lang), options);
        data.signals = this.deps.signals.observeBot(data.signals, { kind: 'none', offeredPerson: true });
        return;
      case 'feedback': {
        await this.deps.feedback.add({
          kind: 'answer',
          conversationId: context.activity.conversation.id,
          query: action.query,
          articleId: action.articleId,
          helpful: action.helpful,
          lang: data.lang,
          channel: context.activity.channelId,
        });
        // Feedback belongs to the answer's turn; the press is a turn of its own.
        data.signals = this.deps.signals.observePress(
          this.deps.signals.observeFeedback(data.signals, action.helpful),
        );
        if (action.helpful) await context.sendActivity(t('feedbackThanks', data.lang));
        else await this.offer(context, data, 'feedbackSorry');
        return;
      }
    }
  }

  private async handOff(
    context: TurnContext,
    data: ConversationData,
    decision: SignalDecision,
  ): Promise<void> {
    const explicit = decision.reasons.some(
      (r) => r.code === 'explicit_request' || r.code === 'accepted_offer',
    );
    const audience = this.audience(context);
    const top = data.tried[0];
    const article = top ? this.deps.knowledge.getArticle(top.id, 'en', audience)?.article : undefined;
    await this.deps.handoff.request(context, {
      question: data.questions.join('\n') || this.textOf(context) || '-',
      lang: data.lang,
      channel: context.activity.channelId,
      audience,
      articles: data.tried,
      reasons: decision.reasons,
      score: decision.score,
      ...(article?.queue ? { queue: article.queue } : {}),
      escalatedBecause:
        decision.because ??
        (explicit ? 'customer asked for a person' : (decision.reasons[0]?.code ?? 'policy')),
      explicit,
    });
  }

  private async recordUnanswered(context: TurnContext, data: ConversationData, query: string): Promise<void> {
    try {
      await this.deps.feedback.add({
        kind: 'unanswered',
        conversationId: context.activity.conversation.id,
        query,
        lang: data.lang,
        channel: context.activity.channelId,
      });
    } catch (err) {
      this.deps.logger.error({ err }, 'dialogs: could not record an unanswered question');
    }
  }

  private cardOptions(context: TurnContext, data: ConversationData) {
    return { lang: data.lang, universal: context.activity.channelId === 'msteams' };
  }
}

/** A card press: Action.Submit puts its data in `value`, Action.Execute in an invoke's `value.action.data`. */
function cardValue(context: TurnContext): unknown {
  const a = context.activity;
  if (a.type === 'invoke' && a.name === 'adaptiveCard/action') {
    return (a.value as { action?: { data?: unknown } } | undefined)?.action?.data;
  }
  return a.value;
}

function localeToLang(locale: string | undefined): Lang {
  const l = (locale ?? '').toLowerCase();
  if (l.startsWith('ur')) return 'ur';
  if (l.startsWith('fil') || l.startsWith('tl')) return 'fil';
  return 'en';
}

/** One-word messages say little about language: keep the conversation's language unless sure. */
function pickLanguage(text: string, current: Lang): Lang {
  const guess = detectLanguage(text);
  if (guess.script === 'arabic') return 'ur';
  return guess.confidence >= 0.5 || text.split(/\s+/).length >= 4 ? guess.lang : current;
}
