import { TurnContext, teamsGetTenant, type Activity } from 'botbuilder';
import type { Audience } from '../../knowledge/types.js';

/** Where a Teams activity happened; `undefined` off Teams. */
export type TeamsConversationKind = 'personal' | 'channel' | 'groupChat';

/** `activity.channelId` of Microsoft Teams (botbuilder's Channels.Msteams, as a plain string). */
export const TEAMS_CHANNEL_ID = 'msteams';

export function isTeams(context: TurnContext): boolean {
  return context.activity.channelId === TEAMS_CHANNEL_ID;
}

export const conversationKind = (context: TurnContext): TeamsConversationKind | undefined =>
  kindOf(context.activity);

function kindOf(activity: Partial<Activity>): TeamsConversationKind | undefined {
  if (activity.channelId !== TEAMS_CHANNEL_ID) return undefined;
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat' || type === 'personal') return type;
  // Older Teams payloads omit conversationType; isGroup is the only hint then.
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

/** True when one of the activity's mention entities points at the bot itself. */
export const isBotMentioned = (context: TurnContext): boolean => mentionsBot(context.activity);

function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return Boolean(botId) && TurnContext.getMentions(activity).some((m) => m.mentioned?.id === botId);
}

/**
 * Whether Tulay should answer this activity. Teams only delivers un-mentioned channel and
 * group messages when the app holds the ChannelMessage/ChatMessage.Read RSC permissions, so
 * this keeps the bot quiet even if an admin grants them. A card submit carries no mention but
 * Teams sends it only to the bot that posted the card, so it always counts as addressed to us.
 */
export const shouldRespond = (context: TurnContext): boolean => addressesBot(context.activity);

/** shouldRespond for a stored activity (transcripts): the same rule without a turn. */
export function addressesBot(activity: Partial<Activity>): boolean {
  const kind = kindOf(activity);
  if (kind === undefined || kind === 'personal') return true;
  if (activity.type !== 'message') return true;
  if (activity.value !== undefined && !activity.text) return true;
  return mentionsBot(activity);
}

const NBSP = /&nbsp;|\u00a0/g;

/**
 * The message text without the bot's @mention, trimmed. Works on a copy: removeRecipientMention
 * rewrites `activity.text` in place, and transcripts and dialogs should still see what was sent.
 */
export function cleanText(context: TurnContext): string {
  const copy: Partial<Activity> = { ...context.activity, text: context.activity.text ?? '' };
  const botId = copy.recipient?.id;
  const mentions = TurnContext.getMentions(copy).filter((m) => m.mentioned?.id === botId && m.text);
  // removeRecipientMention drops only the first occurrence; users sometimes mention twice.
  for (let i = 0; i < mentions.length; i++) TurnContext.removeRecipientMention(copy);
  return (copy.text ?? '')
    .replace(NBSP, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** The tenant the activity came from (Teams puts it in two places depending on the payload). */
export function tenantIdOf(context: TurnContext): string | undefined {
  return teamsGetTenant(context.activity)?.id ?? context.activity.conversation?.tenantId ?? undefined;
}

/**
 * Which knowledge-base audience a conversation may see. Employees reach Tulay through Teams,
 * so Teams is internal — but anyone who knows the bot id can sideload a manifest pointing at it
 * in their own tenant, so pass the organisation's tenant ids to keep outsiders external.
 */
export function audienceFor(
  context: TurnContext,
  allowedTenantIds?: readonly string[],
): Exclude<Audience, 'all'> {
  if (!isTeams(context)) return 'external';
  if (!allowedTenantIds || allowedTenantIds.length === 0) return 'internal';
  const tenant = tenantIdOf(context);
  return tenant !== undefined && allowedTenantIds.includes(tenant) ? 'internal' : 'external';
}
