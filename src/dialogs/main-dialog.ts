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
import { detectChitChat } from './chitchat.js';
import { t } from './messages.js';
import type { HandoffPort, KnowledgePort, SignalDecision, SignalsPort } from './ports.js';
import { newConversationData, rememberQuestion, rememberTried, type ConversationData } from './state.js';

const ROUTER = 'main-router';

export interface MainDialogDeps {
  knowledge: KnowledgePort;
  signals: SignalsPort;
  handoff: HandoffPort;
  feedback: FeedbackStore;
  logger: Logger;
  /** The conversation's memory (language, signals, what was tried). */
  data: StatePropertyAccessor<ConversationData>;
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
    const action = parseCardAction(context.activity.value);
    if (action) await this.onCardAction(context, data, action);
    else await this.onText(context, data, (context.activity.text ?? '').trim());
    await this.deps.data.set(context, data);
    return step.endDialog();
  }

  private async load(context: TurnContext): Promise<ConversationData> {
    const hint = localeToLang(context.activity.locale);
    return (await this.deps.data.get(context)) ?? newConversationData(hint, this.deps.signals.initial());
  }

  private async onText(context: TurnContext, data: ConversationData, text: string): Promise<void> {
    if (!text) {
      await context.sendActivity(t('emptyMessage', data.lang));
      return;
    }
    data.lang = pickLanguage(text, data.lang);
    const observed = this.deps.signals.observeUser(data.signals, { text, lang: data.lang });
    data.signals = observed.state;
    const chit = detectChitChat(text);
    if (!chit) rememberQuestion(data, text);
    if (observed.decision.action === 'escalate') {
      await this.handOff(context, data, observed.decision);
      return;
    }
    if (chit) {
      await context.sendActivity(t(chit, data.lang));
      data.signals = this.deps.signals.observeBot(data.signals, { kind: 'chitchat' });
      return;
    }
    const followUp = data.followUps.find((f) => f.title.toLowerCase() === text.toLowerCase());
    if (followUp) await this.answerArticle(context, data, followUp.id, text);
    else await this.answerFromKnowledge(context, data, text);
    if (observed.decision.action === 'offer') await sendOffer(context, t('offerPerson', data.lang), this.cardOptions(context, data));
  }

  private async answerFromKnowledge(context: TurnContext, data: ConversationData, text: string): Promise<void> {
    const audience = audienceOf(context);
    const decision = await this.deps.knowledge.decide(text, { lang: data.lang, audience });
    rememberTried(data, decision.candidates.slice(0, 3));
    const options = this.cardOptions(context, data);
    if (decision.kind === 'answer' && decision.article) {
      await this.answerArticle(context, data, decision.article.id, text, decision.confidence);
      return;
    }
    if (decision.kind === 'clarify') {
      await sendClarify(context, text, decision.candidates.slice(0, 3), options);
      data.signals = this.deps.signals.observeBot(data.signals, { kind: 'clarify', confidence: decision.confidence });
      return;
    }
    await this.recordUnanswered(context, data, text);
    await sendOffer(context, t('noAnswer', data.lang), options);
    data.signals = this.deps.signals.observeBot(data.signals, { kind: 'none', text: t('noAnswer', data.lang) });
  }

  private async answerArticle(context: TurnContext, data: ConversationData, id: string, query: string, confidence = 1) {
    const audience = audienceOf(context);
    const found = this.deps.knowledge.getArticle(id, data.lang, audience);
    const options = this.cardOptions(context, data);
    if (!found) {
      await sendOffer(context, t('noAnswer', data.lang), options);
      return;
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
      text: article.answer,
    });
    if (article.handoff) await sendOffer(context, t('humanOnly', data.lang), options);
  }

  private async onCardAction(context: TurnContext, data: ConversationData, action: CardAction): Promise<void> {
    const options = this.cardOptions(context, data);
    switch (action.action) {
      case 'handoff': {
        const decision: SignalDecision = { action: 'escalate', score: 1, reasons: [{ code: 'explicit_request', turn: data.turn, score: 1, detail: 'clicked "Talk to a person"' }] };
        await this.handOff(context, data, decision);
        return;
      }
      case 'choose':
        await this.answerArticle(context, data, action.articleId, action.query);
        return;
      case 'none-of-these':
        await this.recordUnanswered(context, data, action.query);
        await sendOffer(context, t('noAnswer', data.lang), options);
        data.signals = this.deps.signals.observeBot(data.signals, { kind: 'none' });
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
        const observed = this.deps.signals.observeFeedback(data.signals, action.helpful);
        data.signals = observed.state;
        if (action.helpful) await context.sendActivity(t('feedbackThanks', data.lang));
        else await sendOffer(context, t('feedbackSorry', data.lang), options);
        return;
      }
    }
  }

  private async handOff(context: TurnContext, data: ConversationData, decision: SignalDecision): Promise<void> {
    const explicit = decision.reasons.some((r) => r.code.startsWith('explicit'));
    const top = data.tried[0];
    const article = top ? this.deps.knowledge.getArticle(top.id, 'en', audienceOf(context))?.article : undefined;
    await this.deps.handoff.request(context, {
      question: data.questions.join('\n') || (context.activity.text ?? ''),
      lang: data.lang,
      channel: context.activity.channelId,
      audience: audienceOf(context),
      articles: data.tried,
      reasons: decision.reasons,
      score: decision.score,
      queue: article?.queue,
      escalatedBecause: explicit ? 'explicit request' : (decision.reasons[0]?.code ?? 'policy'),
      explicit,
    });
  }

  private async recordUnanswered(context: TurnContext, data: ConversationData, query: string): Promise<void> {
    try {
      await this.deps.feedback.add({ kind: 'unanswered', conversationId: context.activity.conversation.id, query, lang: data.lang, channel: context.activity.channelId });
    } catch (err) {
      this.deps.logger.error({ err }, 'dialogs: could not record an unanswered question');
    }
  }

  private cardOptions(context: TurnContext, data: ConversationData) {
    return { lang: data.lang, universal: context.activity.channelId === 'msteams' };
  }
}

/** Teams is for employees; every other channel is the public website. */
export function audienceOf(context: TurnContext): Audience {
  return context.activity.channelId === 'msteams' ? 'internal' : 'external';
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
