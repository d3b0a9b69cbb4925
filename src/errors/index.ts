/** One error taxonomy for every HTTP surface: a typed code maps to one status. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  BAD_GATEWAY: 502,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  toJSON(): { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } } {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }
}

const BY_STATUS = new Map<number, ErrorCode>(
  Object.entries(ERROR_STATUS).map(([code, status]) => [status, code as ErrorCode]),
);

/** Maps any thrown value (restify errors carry statusCode) into the taxonomy. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const status =
    typeof err === 'object' && err !== null && 'statusCode' in err ? Number(err.statusCode) : undefined;
  const code = status !== undefined ? BY_STATUS.get(status) : undefined;
  if (code && code !== 'INTERNAL') {
    const message = err instanceof Error ? err.message : String(err);
    return new AppError(code, message || code.toLowerCase().replace(/_/g, ' '));
  }
  return new AppError('INTERNAL', 'internal error');
}
