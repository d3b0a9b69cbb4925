import { errors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../../../errors/index.js';

const ISSUER = 'tulay/directline';
const AUDIENCE = 'tulay/webchat';
/** Stream tokens only open a WebSocket, right after they are issued. */
export const STREAM_TOKEN_TTL_SECONDS = 120;

export type TokenScope = 'conversation' | 'stream';

export interface TokenClaims {
  conversationId: string;
  userId: string;
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

/**
 * Direct Line tokens: HS256 JWTs scoped to one conversation and one user. The `user` claim is
 * the one Web Chat reads to pick its user id, so the id cannot be forged from the page.
 */
export class TokenService {
  constructor(
    private readonly key: Uint8Array,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async issue(claims: TokenClaims, scope: TokenScope = 'conversation'): Promise<IssuedToken> {
    const ttl = scope === 'stream' ? STREAM_TOKEN_TTL_SECONDS : this.ttlSeconds;
    const iat = Math.floor(this.now() / 1000);
    const token = await new SignJWT({ conv: claims.conversationId, user: claims.userId, scope })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .sign(this.key);
    return { token, expiresIn: ttl };
  }

  /** Throws FORBIDDEN (what DirectLineJS expects for expired or bad tokens) naming the reason. */
  async verify(token: string, scope: TokenScope, where: string): Promise<TokenClaims> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(this.now()),
      }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) {
        throw new AppError(
          'FORBIDDEN',
          `${where}: the token has expired; get a new one from /api/directline/token`,
        );
      }
      throw new AppError('FORBIDDEN', `${where}: the token is not valid`);
    }
    const { conv, user } = payload;
    if (payload.scope !== scope || typeof conv !== 'string' || typeof user !== 'string') {
      throw new AppError('FORBIDDEN', `${where}: the token is not valid here`);
    }
    return { conversationId: conv, userId: user };
  }

  /** Verifies and checks the token belongs to `conversationId`. */
  async verifyFor(token: string, conversationId: string, where: string): Promise<TokenClaims> {
    const claims = await this.verify(token, 'conversation', where);
    if (claims.conversationId !== conversationId) {
      throw new AppError('FORBIDDEN', `${where}: the token belongs to another conversation`);
    }
    return claims;
  }
}
