import type { Activity } from 'botbuilder';
import type { DirectLineRecord } from '../../../storage/index.js';
import { activityId } from './ids.js';

/** Typing indicators are live signals: replaying old ones after a reconnect would mislead. */
const TYPING_FRESH_MS = 10_000;

export interface ActivitySet {
  activities: Partial<Activity>[];
  watermark?: string;
}

/** What the customer's client sees: ids assigned, the connector URL (a capability) removed. */
export function toClientActivity(record: DirectLineRecord): Partial<Activity> {
  const { serviceUrl: _serviceUrl, ...rest } = record.activity;
  return {
    ...rest,
    id: rest.id ?? activityId(record.conversationId, record.seq),
    timestamp: rest.timestamp ?? record.createdAt,
  };
}

/** A Direct Line ActivitySet; the watermark is the last seq looked at, even when filtered out. */
export function activitySet(records: DirectLineRecord[], afterSeq: number, now = Date.now()): ActivitySet {
  const last = records.at(-1)?.seq ?? afterSeq;
  const activities = records
    .filter((r) => r.activity.type !== 'typing' || now - r.createdAt.getTime() < TYPING_FRESH_MS)
    .map(toClientActivity);
  return last > 0 ? { activities, watermark: String(last) } : { activities };
}
