import type { Logger } from 'pino';
import { EmbeddingProviderError, formatIssues } from './errors.js';
import { createOnnxEmbeddings } from './onnx.js';
import { createAzureOpenAIEmbeddings, createOpenAIEmbeddings } from './openai.js';
import type { ProviderEmbeddings } from './provider-embeddings.js';
import { embeddingProviderSchema, type EmbeddingProviderOptions } from './schema.js';

export { EmbeddingProviderError } from './errors.js';
export { ProviderEmbeddings, type EmbeddingIdentity } from './provider-embeddings.js';
export {
  ONNX_DTYPES,
  azureOpenAIProviderSchema,
  embeddingProviderSchema,
  onnxProviderSchema,
  openAIProviderSchema,
  type AzureOpenAIProviderConfig,
  type EmbeddingProviderConfig,
  type EmbeddingProviderKind,
  type EmbeddingProviderOptions,
  type OnnxProviderConfig,
  type OpenAIProviderConfig,
} from './schema.js';

export interface EmbeddingProviderDeps {
  /** Receives debug timings and failure warnings; keys are never logged. */
  logger?: Logger;
}

/**
 * Builds the embedding provider config asks for. Options are validated here, so a bad config
 * fails at startup with the option's name; nothing touches the network or disk until first use
 * (call `ready()` to load a local model eagerly).
 */
export function createEmbeddingProvider(
  options: EmbeddingProviderOptions,
  deps: EmbeddingProviderDeps = {},
): ProviderEmbeddings {
  const parsed = embeddingProviderSchema.safeParse(options);
  if (!parsed.success) {
    const kind = (options as { kind?: unknown } | null | undefined)?.kind;
    const which = typeof kind === 'string' ? ` (kind ${kind})` : '';
    throw new EmbeddingProviderError(
      'config',
      `embedding provider options${which} are invalid: ${formatIssues(parsed.error)}`,
      undefined,
      { cause: parsed.error },
    );
  }
  const config = parsed.data;
  switch (config.kind) {
    case 'openai':
      return createOpenAIEmbeddings(config, deps.logger);
    case 'azure-openai':
      return createAzureOpenAIEmbeddings(config, deps.logger);
    case 'onnx':
      return createOnnxEmbeddings(config, deps.logger);
  }
}
