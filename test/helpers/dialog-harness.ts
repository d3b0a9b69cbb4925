/**
 * Drives Tulay's real conversation (SupportBot + MainDialog, wired as src/features.ts wires them)
 * through botbuilder's TestAdapter, on the real sample knowledge base, the real signals port and a
 * real SQLite store. Only the HandoffPort is a recording fake: it remembers every request() with
 * its summary and the turn it happened on, and says nothing (the real one queues a ticket).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  TestAdapter,
  type Activity,
  type Attachment,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import pino, { type Logger } from 'pino';
import { parse as parseYaml } from 'yaml';
import { parseConfig, type Config } from '../../src/config/index.js';
import { type HandoffPort, type HandoffSummaryInput } from '../../src/dialogs/index.js';
import { createKnowledgeService, type KnowledgeService } from '../../src/knowledge/index.js';
import { openStorage, type StorageBundle } from '../../src/storage/index.js';
import { createSupportBot } from '../../src/features.js';

/** The sample KB shipped with Tulay (en, fil, ur; external and internal articles). */
export const SAMPLE_KB = path.resolve(import.meta.dirname, '../../knowledge-base');

export const quietLogger: Logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export interface KbFrontMatter {
  id: string;
  lang: string;
  title: string;
  audience: string;
  handoff?: boolean;
  queue?: string;
  follow_ups?: string[];
}

/**
 * An article's front matter read straight from the markdown (not through the knowledge service),
 * so tests compare what Tulay shows with what the KB author wrote.
 */
export function kbArticle(lang: 'en' | 'fil' | 'ur', id: string): KbFrontMatter {
  const text = readFileSync(path.join(SAMPLE_KB, lang, `${id}.md`), 'utf8');
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  if (!front) throw new Error(`${lang}/${id}.md has no front matter`);
  return parseYaml(front) as KbFrontMatter;
}

/** Builds the sample KB's index into a throwaway folder; build once per test file (beforeAll). */
export async function buildSampleKnowledge(): Promise<{ knowledge: KnowledgeService; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tulay-dialog-kb-'));
  const knowledge = await createKnowledgeService({ kbPath: SAMPLE_KB, dataDir: dir }, quietLogger);
  return { knowledge, dir };
}

export interface HandoffCall {
  /** 1-based index of the harness turn (customer message or card press) that requested it. */
  turn: number;
  summary: HandoffSummaryInput;
  /** What the customer sent on that turn. */
  activity: Partial<Activity>;
}

/** The only fake: records requests, never a CSAT submission. */
export class RecordingHandoff implements HandoffPort {
  readonly calls: HandoffCall[] = [];
  /** Set by the conversation before each turn. */
  currentTurn = 0;

  request(context: TurnContext, summary: HandoffSummaryInput): Promise<void> {
    this.calls.push({ turn: this.currentTurn, summary, activity: { ...context.activity } });
    return Promise.resolve();
  }

  csat(): Promise<boolean> {
    return Promise.resolve(false);
  }
}

/** Knowledge, storage and config shared by every conversation of a test file. */
export interface DialogEnv {
  knowledge: KnowledgeService;
  storage: StorageBundle;
  config: Config;
  logger: Logger;
  close(): Promise<void>;
}

/** Opens the shared parts: the sample KB index and a SQLite database, both in temp folders. */
export async function openDialogEnv(): Promise<DialogEnv> {
  const { knowledge, dir: kbDir } = await buildSampleKnowledge();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tulay-dialog-data-'));
  const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const storage = await openStorage(config.storage);
  return {
    knowledge,
    storage,
    config,
    logger: quietLogger,
    async close() {
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(kbDir, { recursive: true, force: true });
    },
  };
}

export interface ConversationOptions {
  /** Default 'webchat'. */
  channelId?: string;
  /** Teams: 'personal' | 'groupChat' | 'channel'. */
  conversationType?: string;
  /** The client's locale, a hint for the first turn's language. */
  locale?: string;
  tenantId?: string;
}

export interface Conversation {
  adapter: TestAdapter;
  handoff: RecordingHandoff;
  conversationId: string;
  channelId: string;
  /** Turns sent so far. */
  readonly turns: number;
  /** Sends one message (text or card submission) and returns every reply of that turn. */
  say(input: string | Partial<Activity>): Promise<Partial<Activity>[]>;
  /** Sends a card submission (Action.Submit puts the card data in `value`). */
  press(value: Record<string, unknown>): Promise<Partial<Activity>[]>;
}

/** One fresh conversation with Tulay, the bot assembled as src/features.ts assembles it. */
export function startConversation(env: DialogEnv, options: ConversationOptions = {}): Conversation {
  const channelId = options.channelId ?? 'webchat';
  const conversationId = `dlg-${randomUUID()}`;
  const handoff = new RecordingHandoff();
  const bot = createSupportBot({ ...env, handoff });
  const reference: Partial<ConversationReference> = {
    channelId,
    serviceUrl: 'https://test.invalid',
    conversation: {
      id: conversationId,
      isGroup: false,
      name: conversationId,
      conversationType: options.conversationType ?? (channelId === 'msteams' ? 'personal' : ''),
      ...(options.tenantId ? { tenantId: options.tenantId } : {}),
    },
    user: { id: `user-${conversationId}`, name: 'Customer' },
    bot: { id: 'tulay', name: 'Tulay' },
    locale: options.locale ?? 'en-US',
  };
  const adapter = new TestAdapter(
    (context) => bot.run(context),
    // The template is copied onto every activity sent: channel, conversation and locale.
    {
      channelId,
      conversation: reference.conversation,
      locale: reference.locale,
    },
  );
  Object.assign(adapter.conversation, reference);
  let turns = 0;
  const say = async (input: string | Partial<Activity>): Promise<Partial<Activity>[]> => {
    turns++;
    handoff.currentTurn = turns;
    adapter.activeQueue.splice(0);
    const activity: Partial<Activity> =
      typeof input === 'string' ? { type: 'message', text: input } : { type: 'message', ...input };
    await adapter.send(activity).startTest();
    return adapter.activeQueue.splice(0);
  };
  return {
    adapter,
    handoff,
    conversationId,
    channelId,
    get turns() {
      return turns;
    },
    say,
    press: (value) => say({ value }),
  };
}

// --- Reading Tulay's replies -------------------------------------------------------------------

export interface CardButton {
  type: string;
  title: string;
  data: Record<string, unknown>;
}

interface AdaptiveCardJson {
  body?: { type: string; text?: string }[];
  actions?: { type: string; title: string; data?: Record<string, unknown> }[];
}

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/** The adaptive card a reply carries, if any. */
export function cardOf(activity: Partial<Activity>): AdaptiveCardJson | undefined {
  const attachment: Attachment | undefined = activity.attachments?.find((a) => a.contentType === ADAPTIVE);
  return attachment?.content as AdaptiveCardJson | undefined;
}

/** Every TextBlock of a reply's card, in order. */
export function cardTexts(activity: Partial<Activity>): string[] {
  return (cardOf(activity)?.body ?? []).filter((b) => b.type === 'TextBlock').map((b) => b.text ?? '');
}

/** The card's first TextBlock: an answer card's title. */
export function cardTitle(activity: Partial<Activity>): string | undefined {
  return cardTexts(activity)[0];
}

export function cardButtons(activity: Partial<Activity>): CardButton[] {
  return (cardOf(activity)?.actions ?? []).map((a) => ({ type: a.type, title: a.title, data: a.data ?? {} }));
}

/** The article an answer card answers with (its 👍/👎 buttons carry the id). */
export function answeredArticle(activity: Partial<Activity>): string | undefined {
  const feedback = cardButtons(activity).find((b) => b.data.action === 'feedback');
  return feedback?.data.articleId as string | undefined;
}

/** Answer cards among the replies, as { id, title }. */
export function answers(replies: Partial<Activity>[]): { id: string; title: string | undefined }[] {
  return replies.flatMap((r) => {
    const id = answeredArticle(r);
    return id ? [{ id, title: cardTitle(r) }] : [];
  });
}

/** The reply offers a person: a card with a "Talk to a person" button. */
export function offersPerson(activity: Partial<Activity>): boolean {
  return cardButtons(activity).some((b) => b.data.action === 'handoff');
}

export function offers(replies: Partial<Activity>[]): Partial<Activity>[] {
  return replies.filter(offersPerson);
}

/** "Did you mean…?" choices of a clarify card (without "none of these"). */
export function clarifyChoices(
  activity: Partial<Activity>,
): { articleId: string; title: string; query: string }[] {
  return cardButtons(activity)
    .filter((b) => b.data.action === 'choose')
    .map((b) => ({ articleId: String(b.data.articleId), title: b.title, query: String(b.data.query) }));
}

/** Titles of the suggested actions (follow-up prompts). */
export function suggestedTitles(activity: Partial<Activity>): string[] {
  return (activity.suggestedActions?.actions ?? []).map((a) => a.title ?? '');
}

/** A short description of the replies for assertion messages. */
export function showReplies(replies: Partial<Activity>[]): string {
  return JSON.stringify(
    replies.map((r) => ({
      text: r.text,
      card: cardOf(r) ? cardTexts(r) : undefined,
      buttons: cardButtons(r).map((b) => `${b.title}:${String(b.data.action)}`),
      suggested: suggestedTitles(r),
    })),
  );
}
