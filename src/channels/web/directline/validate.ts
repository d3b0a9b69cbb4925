import type { Activity } from 'botbuilder';
import { AppError } from '../../../errors/index.js';

const WHERE = 'directline: POST activities';
const TYPES = new Set(['message', 'event', 'typing']);
/** Fields a client may set; everything else (serviceUrl, recipient, callerId, …) is the server's. */
const CLIENT_FIELDS = [
  'type',
  'text',
  'textFormat',
  'attachments',
  'value',
  'name',
  'channelData',
  'entities',
  'locale',
  'localTimestamp',
  'localTimezone',
  'speak',
  'inputHint',
  'replyToId',
] as const;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** Size first (413), then shape (400); returns only the fields a client may set. */
export function validateClientActivity(body: unknown, rawBytes: number, maxBytes: number): Partial<Activity> {
  if (rawBytes > maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `${WHERE}: the activity is ${rawBytes} bytes; the limit is ${maxBytes}`,
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Buffer.isBuffer(body)) {
    throw new AppError('BAD_REQUEST', `${WHERE}: the body must be a JSON activity object`);
  }
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || !TYPES.has(a.type)) {
    throw new AppError('BAD_REQUEST', `${WHERE}: activity.type must be one of ${[...TYPES].join(', ')}`);
  }
  for (const key of ['text', 'name', 'textFormat', 'speak', 'replyToId', 'localTimezone'] as const) {
    if (a[key] !== undefined && typeof a[key] !== 'string') {
      throw new AppError('BAD_REQUEST', `${WHERE}: activity.${key} must be a string`);
    }
  }
  if (a.locale !== undefined && (typeof a.locale !== 'string' || !LOCALE.test(a.locale))) {
    throw new AppError('BAD_REQUEST', `${WHERE}: activity.locale must be a BCP 47 tag such as "fil-PH"`);
  }
  if (a.channelData !== undefined && (typeof a.channelData !== 'object' || Array.isArray(a.channelData))) {
    throw new AppError('BAD_REQUEST', `${WHERE}: activity.channelData must be an object`);
  }
  for (const key of ['attachments', 'entities'] as const) {
    const list = a[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'object' || x === null)) {
      throw new AppError('BAD_REQUEST', `${WHERE}: activity.${key} must be an array of objects`);
    }
  }
  if (
    a.type === 'message' &&
    !a.text &&
    a.value === undefined &&
    !(a.attachments as unknown[] | undefined)?.length
  ) {
    throw new AppError('BAD_REQUEST', `${WHERE}: a message needs text, value or attachments`);
  }
  const picked: Record<string, unknown> = {};
  for (const key of CLIENT_FIELDS) if (a[key] !== undefined) picked[key] = a[key];
  return picked;
}
