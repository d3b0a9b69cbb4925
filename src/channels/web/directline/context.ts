import type { ChannelAccount } from 'botbuilder';
import type { DirectLineStore } from '../../../storage/index.js';
import type { RateLimiter, TokenService } from '../auth/index.js';
import type { BotBridge } from '../bridge/index.js';
import type { HttpDeps } from './http.js';

/** Everything the Direct Line routes share. */
export interface DirectLineDeps extends HttpDeps {
  tokens: TokenService;
  store: DirectLineStore;
  bridge: BotBridge;
  bot: ChannelAccount;
  publicUrl: string | undefined;
  trustProxy: boolean;
  maxActivityBytes: number;
  limits: { posts: RateLimiter; polls: RateLimiter; tokensPerIp: RateLimiter };
  /** The connector URL the bot replies to; undefined until the server listens. */
  serviceUrl: () => string | undefined;
}

export const PREFIX = '/v3/directline';
