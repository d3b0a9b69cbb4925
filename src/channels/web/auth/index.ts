export { deriveKey, loadTokenSecret, SECRET_FILE } from './secret.js';
export {
  TokenService,
  STREAM_TOKEN_TTL_SECONDS,
  type IssuedToken,
  type TokenClaims,
  type TokenScope,
} from './tokens.js';
export { RateLimiter } from './rate-limit.js';
