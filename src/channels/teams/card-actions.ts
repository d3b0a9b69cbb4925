import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';

/** The invoke name Teams uses for Adaptive Card `Action.Execute` (Universal Actions). */
export const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const MESSAGE_CONTENT_TYPE = 'application/vnd.microsoft.activity.message';
const ERROR_CONTENT_TYPE = 'application/vnd.microsoft.error';

/** A button press on one of Tulay's cards, whichever action type the card used. */
export interface CardAction {
  verb: string;
  /** The action's data merged with the card's input values; `verb` and `msteams` removed. */
  data: Record<string, unknown>;
  /** `submit`: a message activity, answer with sendActivity. `execute`: an invoke, answer with invokeResponse. */
  kind: 'submit' | 'execute';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Normalises `Action.Submit` (a message whose `value` holds the data; Tulay's cards put the verb
 * in `data.verb`) and `Action.Execute` (an `adaptiveCard/action` invoke with `action.verb` and
 * `action.data`). Returns undefined for anything else, e.g. a typed message.
 */
export function readCardAction(context: TurnContext): CardAction | undefined {
  const { type, name } = context.activity;
  const value: unknown = context.activity.value;
  if (type === 'invoke' && name === ADAPTIVE_CARD_ACTION) {
    const action: unknown = isRecord(value) ? value.action : undefined;
    if (!isRecord(action) || typeof action.verb !== 'string' || action.verb === '') return undefined;
    return { verb: action.verb, data: isRecord(action.data) ? { ...action.data } : {}, kind: 'execute' };
  }
  if (type === 'message' && isRecord(value) && typeof value.verb === 'string' && value.verb !== '') {
    // msteams carries messageBack/imBack display options, which are not the action's data.
    const { verb, msteams: _msteams, ...data } = value;
    return { verb, data, kind: 'submit' };
  }
  return undefined;
}

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  [key: string]: unknown;
}

/**
 * The body to return from `onAdaptiveCardInvoke`: a card replaces the one the user clicked
 * (for everyone in the conversation), a string shows as a transient message on that card.
 */
export function invokeResponse(reply: AdaptiveCardJson | string): AdaptiveCardInvokeResponse {
  if (typeof reply === 'string') {
    // botbuilder types `value` as an object, but Teams expects the message text itself here.
    return {
      statusCode: 200,
      type: MESSAGE_CONTENT_TYPE,
      value: reply as unknown as Record<string, unknown>,
    };
  }
  if (reply.type !== 'AdaptiveCard') {
    throw new TypeError(`teams/invokeResponse: expected an AdaptiveCard, got type "${String(reply.type)}"`);
  }
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: reply };
}

/** An `adaptiveCard/action` error body, e.g. for a verb Tulay does not know. */
export function invokeError(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: ERROR_CONTENT_TYPE, value: { code, message } };
}
