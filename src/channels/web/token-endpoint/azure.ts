import { AppError } from '../../../errors/index.js';

export interface AzureToken {
  conversationId: string;
  token: string;
  expiresIn: number;
}

const WHERE = 'web channel: Direct Line token exchange';
const TIMEOUT_MS = 10_000;

/**
 * Exchanges the Direct Line secret for a conversation token at Azure, server side: the secret
 * stays here, the browser only ever sees the token. The user id is embedded in the token so the
 * page cannot impersonate another user.
 */
export async function exchangeSecret(endpoint: string, secret: string, userId: string): Promise<AzureToken> {
  let response: Response;
  try {
    response = await fetch(`${endpoint.replace(/\/+$/, '')}/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new AppError('BAD_GATEWAY', `${WHERE}: Azure Direct Line unreachable (${(err as Error).name})`);
  }
  if (!response.ok) {
    // Azure's error body is not relayed: it may describe the secret.
    throw new AppError('BAD_GATEWAY', `${WHERE}: Azure Direct Line answered ${response.status}`);
  }
  const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (typeof body?.token !== 'string' || typeof body.conversationId !== 'string') {
    throw new AppError('BAD_GATEWAY', `${WHERE}: Azure Direct Line answered without a token`);
  }
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 1800;
  return { conversationId: body.conversationId, token: body.token, expiresIn };
}
