import type { z } from 'zod';

/**
 * Every failure from an embedding provider, so callers can tell "the model is down" from their
 * own bugs and operators see which provider (and model) to look at.
 */
export class EmbeddingProviderError extends Error {
  override name = 'EmbeddingProviderError';
  constructor(
    /** `openai`, `azure-openai`, `onnx`, or `config` for invalid options. */
    readonly provider: string,
    message: string,
    /** HTTP status of the failed call, when there was one. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** One line per zod issue, led by the option's path, e.g. `batchSize: Too big: expected ...`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(options)'}: ${i.message}`)
    .join('; ');
}

export function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const status = 'status' in err ? err.status : 'statusCode' in err ? err.statusCode : undefined;
  return typeof status === 'number' ? status : undefined;
}

function causeOf(err: unknown): Error | undefined {
  return err instanceof Error && err.cause instanceof Error ? err.cause : undefined;
}

/**
 * The error's message on one line, without LangChain's troubleshooting link and with any secret
 * blanked out: upstream messages sometimes echo the key.
 */
export function safeMessage(err: unknown, secrets: readonly string[]): string {
  let message = err instanceof Error ? err.message : String(err);
  // "Connection error." alone does not say why; the causes do (DNS, refused, TLS).
  for (let cause = causeOf(err), depth = 0; cause && depth < 3; cause = causeOf(cause), depth++) {
    if (cause.message && !message.includes(cause.message)) message += `: ${cause.message}`;
  }
  message = message
    .replace(/\s*Troubleshooting URL: \S+/g, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  for (const secret of secrets) {
    if (secret.length >= 4) message = message.split(secret).join('[redacted]');
  }
  return message;
}

/** Wraps any failure as an EmbeddingProviderError labelled with where it happened. */
export function providerError(
  provider: string,
  label: string,
  err: unknown,
  secrets: readonly string[] = [],
): EmbeddingProviderError {
  if (err instanceof EmbeddingProviderError) return err;
  const status = statusOf(err);
  const detail = safeMessage(err, secrets);
  const hint =
    status === 429 ? ' (rate limited)' : status === 401 || status === 403 ? ' (check the API key)' : '';
  // The SDK's error objects hold response headers and body, never the request's key, so keep them.
  return new EmbeddingProviderError(provider, `${label}: ${detail}${hint}`, status, { cause: err });
}
