import type { Activity, Entity } from 'botbuilder';
import { addressesBot } from '../../channels/teams/index.js';
import type { TranscriptEntry } from '../../storage/ports.js';

export type TranscriptRole = 'customer' | 'bot' | 'agent' | 'system';

/** API.md `TranscriptItem`. Text is data: consoles must render it as text, never as HTML. */
export interface TranscriptItem {
  id: string;
  at: string;
  from: TranscriptRole;
  text?: string;
  attachments?: { contentType: string; content: unknown }[];
  /** Display name for agent lines. */
  name?: string;
  /**
   * Customer lines: which of the customer's turns this was, counted as the handoff reasons count
   * them (messages and card presses), so "turn 3" in the summary points at a line.
   */
  turn?: number;
}

/**
 * Marks what the handoff sends so the transcript can tell an agent's line from the bot's. It rides
 * on the activity into the TranscriptStore; HandoffMiddleware takes it off what goes to channels.
 */
export const HANDOFF_ENTITY = 'tulay/handoff';
export interface HandoffEntity extends Entity {
  type: typeof HANDOFF_ENTITY;
  role: 'agent' | 'system';
  ticketId: string;
  /**
   * The line's id in the console. TurnContext drops an outgoing activity's own id and takes the
   * connector's, which the live event cannot know in advance; this one is the same in both.
   */
  itemId: string;
  agentId?: string;
  name?: string;
}

export function handoffEntity(activity: Partial<Activity>): HandoffEntity | undefined {
  return activity.entities?.find((e): e is HandoffEntity => e.type === HANDOFF_ENTITY);
}

/** Card submissions have no text; the console still shows what was submitted. */
export const SUBMIT_CONTENT_TYPE = 'application/vnd.tulay.card-submit+json';

/** One activity as a transcript line; undefined for what a person would not call conversation. */
export function toTranscriptItem(
  activity: Partial<Activity>,
  direction: 'in' | 'out',
  at: Date,
  fallbackId: string,
): TranscriptItem | undefined {
  if (activity.type !== 'message') return undefined;
  const marker = handoffEntity(activity);
  const item: TranscriptItem = {
    id: marker?.itemId ?? activity.id ?? fallbackId,
    at: at.toISOString(),
    from: direction === 'in' ? 'customer' : (marker?.role ?? 'bot'),
  };
  if (marker?.name) item.name = marker.name;
  if (typeof activity.text === 'string' && activity.text.length > 0) item.text = activity.text;
  const attachments = (activity.attachments ?? []).map((a) => ({
    contentType: a.contentType,
    content: a.content as unknown,
  }));
  if (direction === 'in' && activity.value !== undefined)
    attachments.push({ contentType: SUBMIT_CONTENT_TYPE, content: activity.value });
  if (attachments.length > 0) item.attachments = attachments;
  return item.text !== undefined || item.attachments ? item : undefined;
}

export function entryToItem(entry: TranscriptEntry): TranscriptItem | undefined {
  return toTranscriptItem(entry.activity, entry.direction, entry.createdAt, `t${entry.id}`);
}

/**
 * An incoming activity the bot counts as a customer turn: a message addressed to it (in Teams
 * channels, one that @mentions it), or a Teams card press (an invoke).
 */
export const countsAsTurn = (a: Partial<Activity>): boolean =>
  (a.type === 'message' && addressesBot(a)) || (a.type === 'invoke' && a.name === 'adaptiveCard/action');

/** The whole conversation as transcript lines, customer lines numbered by turn. */
export function entriesToItems(entries: TranscriptEntry[]): TranscriptItem[] {
  const items: TranscriptItem[] = [];
  let turn = 0;
  for (const entry of entries) {
    const counted = entry.direction === 'in' && countsAsTurn(entry.activity);
    if (counted) turn++;
    const item = entryToItem(entry);
    if (!item) continue;
    if (counted && item.from === 'customer') item.turn = turn;
    items.push(item);
  }
  return items;
}
