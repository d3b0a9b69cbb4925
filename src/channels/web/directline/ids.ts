import { randomBytes } from 'node:crypto';
import { AppError } from '../../../errors/index.js';

/** Like Azure's: URL-safe, unguessable. */
export const newConversationId = (): string => randomBytes(18).toString('base64url');

/** `dl_` marks a user id that only the server may assign (Web Chat and DirectLineJS know this). */
export const newUserId = (): string => `dl_${randomBytes(12).toString('base64url')}`;

/** Direct Line activity ids: `conversationId|0000001`. Seq 0 is the (hidden) conversationUpdate. */
export const activityId = (conversationId: string, seq: number): string =>
  `${conversationId}|${String(seq).padStart(7, '0')}`;

/** A watermark from the query: empty, missing or '-' means "from the start". */
export function parseWatermark(raw: unknown, where: string): number {
  if (raw === undefined || raw === '' || raw === '-' || raw === null) return 0;
  if (typeof raw === 'string' && /^\d{1,9}$/.test(raw)) return Number(raw);
  throw new AppError('BAD_REQUEST', `${where}: watermark must be a non-negative integer`);
}
