import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { LANGS } from '../knowledge/types.js';
import { CARD_ACTIONS } from './cards.js';

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined));

const csat = z.object({
  action: z.literal(CARD_ACTIONS.csat),
  ticketId: z.string().min(1),
  rating: z.coerce.number().int().min(1).max(5),
  comment: optionalText(1000),
});
const cancel = z.object({ action: z.literal(CARD_ACTIONS.cancel), ticketId: z.string().optional() });
const solved = z.object({
  action: z.literal(CARD_ACTIONS.solved),
  ticketId: z.string().min(1),
  solved: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});
const offline = z.object({
  action: z.literal(CARD_ACTIONS.offline),
  ticketId: z.string().optional(),
  queue: z.string().max(32).optional(),
  lang: z.enum(LANGS).optional(),
  name: optionalText(100),
  email: optionalText(200),
  phone: optionalText(40),
  message: optionalText(4000),
  callback: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .transform((v) => v === true || v === 'true'),
});

const cardAction = z.discriminatedUnion('action', [csat, cancel, solved, offline]);
export type CardAction = z.infer<typeof cardAction>;
export type CsatSubmission = z.infer<typeof csat>;

/**
 * The handoff card action in an activity, if any: an Action.Submit arrives as a message with
 * `value`; an Action.Execute as an `adaptiveCard/action` invoke whose `value.action.data` holds the
 * data merged with the card's inputs.
 */
export function readCardAction(activity: Partial<Activity>): CardAction | undefined {
  let data: unknown = activity.value;
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const action = (activity.value as { action?: { verb?: string; data?: object } } | undefined)?.action;
    data = { ...(action?.data ?? {}), ...(action?.verb === 'csat' ? { action: CARD_ACTIONS.csat } : {}) };
  } else if (activity.type !== 'message') {
    return undefined;
  }
  const parsed = cardAction.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

/** A CSAT submission (Submit or Execute), for the bot's dialog to pass to `handoff.recordCsat`. */
export function readCsatSubmission(activity: Partial<Activity>): CsatSubmission | undefined {
  const action = readCardAction(activity);
  return action?.action === CARD_ACTIONS.csat ? action : undefined;
}
