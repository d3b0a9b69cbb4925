import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { isTeams, tenantIdOf } from './activity.js';

/** The employee behind a Teams conversation, as far as Teams will tell. */
export interface EmployeeIdentity {
  aadObjectId: string;
  tenantId: string;
  name?: string;
  email?: string;
}

export type MemberLookup = (context: TurnContext, userId: string) => Promise<TeamsChannelAccount>;

export interface EmployeeIdentityOptions {
  logger: Logger;
  /** How long a looked-up profile is reused. Names and emails rarely change mid-conversation. */
  ttlMs?: number;
  /** How long a failed lookup's fallback is reused, so an outage does not add a call to every turn. */
  failureTtlMs?: number;
  maxEntries?: number;
  /** The connector retries 5xx answers for seconds; past this the turn goes on with the fallback. */
  lookupTimeoutMs?: number;
  /** Replaces TeamsInfo.getMember (tests). */
  getMember?: MemberLookup;
  now?: () => number;
}

/** Resolves the identity of the activity's sender; undefined off Teams or without an AAD user. */
export type EmployeeIdentityResolver = (context: TurnContext) => Promise<EmployeeIdentity | undefined>;

interface Entry {
  expiresAt: number;
  identity: Promise<EmployeeIdentity>;
}

function present(value: string | undefined | null): string | undefined {
  return value && value.trim() !== '' ? value : undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`teams: getMember took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Asks Teams for the sender's profile (name and email are not in the activity), caching it per
 * tenant and user. When Teams cannot answer, falls back to the activity's own `from` fields.
 */
export function createEmployeeIdentity(options: EmployeeIdentityOptions): EmployeeIdentityResolver {
  const { logger } = options;
  const ttlMs = options.ttlMs ?? 15 * 60_000;
  const failureTtlMs = options.failureTtlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 1000;
  const lookupTimeoutMs = options.lookupTimeoutMs ?? 2000;
  const getMember: MemberLookup = options.getMember ?? ((ctx, id) => TeamsInfo.getMember(ctx, id));
  const now = options.now ?? Date.now;
  const cache = new Map<string, Entry>();

  async function lookUp(
    context: TurnContext,
    tenantId: string,
    onFailure: () => void,
  ): Promise<EmployeeIdentity> {
    const from = context.activity.from;
    const fallback: EmployeeIdentity = {
      aadObjectId: from.aadObjectId ?? '',
      tenantId,
      name: present(from.name),
    };
    try {
      const member = await withTimeout(getMember(context, from.id), lookupTimeoutMs);
      return {
        aadObjectId: present(member.aadObjectId) ?? fallback.aadObjectId,
        tenantId,
        name: present(member.name) ?? fallback.name,
        // Guests and some tenants have no mail attribute; their sign-in name is an address too.
        email: present(member.email) ?? present(member.userPrincipalName),
      };
    } catch (err) {
      // Not the whole error: it wraps the HTTP request to Teams, whose headers carry the bot token.
      const { statusCode, code, message } = err as { statusCode?: number; code?: string; message?: string };
      logger.warn(
        { status: statusCode, code, reason: message, conversationId: context.activity.conversation?.id },
        'teams: getMember failed, using activity.from',
      );
      onFailure();
      return fallback;
    }
  }

  function entryFor(context: TurnContext, tenantId: string, key: string): Entry {
    const cached = cache.get(key);
    if (cached && cached.expiresAt > now()) return cached;
    cache.delete(key);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    // The promise is cached, so concurrent turns from one user share a single lookup.
    const entry: Entry = {
      expiresAt: now() + ttlMs,
      identity: lookUp(context, tenantId, () => {
        entry.expiresAt = now() + failureTtlMs;
      }),
    };
    cache.set(key, entry);
    return entry;
  }

  return async (context) => {
    if (!isTeams(context)) return undefined;
    const tenantId = tenantIdOf(context);
    const userKey = context.activity.from?.aadObjectId ?? context.activity.from?.id;
    if (!tenantId || !userKey) return undefined;
    const identity = await entryFor(context, tenantId, `${tenantId}|${userKey}`).identity;
    // Guests from outside the directory and anonymous meeting users have no AAD object id.
    return identity.aadObjectId === '' ? undefined : identity;
  };
}
