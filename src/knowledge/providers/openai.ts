import { AzureOpenAIEmbeddings, OpenAIEmbeddings } from '@langchain/openai';
import type { Logger } from 'pino';
import { ProviderEmbeddings } from './provider-embeddings.js';
import type { AzureOpenAIProviderConfig, OpenAIProviderConfig } from './schema.js';

interface EmbeddingRequest {
  input: string | string[] | number[] | number[][];
  model: string;
}

/**
 * The API tags each vector with the index of its input; LangChain trusts array order instead.
 * Sorting by index (and counting) means a reordered or short answer can never attach a vector
 * to the wrong article.
 */
function inInputOrder<R extends { data: { index: number }[] }>(response: R, request: EmbeddingRequest): R {
  const expected = typeof request.input === 'string' ? 1 : request.input.length;
  const data = [...response.data].sort((a, b) => a.index - b.index);
  if (data.length !== expected || data.some((d, i) => d.index !== i)) {
    const indexes = data.map((d) => d.index).join(',');
    throw new Error(
      `expected ${expected} embeddings in the response, got ${data.length} (indexes ${indexes})`,
    );
  }
  return { ...response, data };
}

class OrderedOpenAIEmbeddings extends OpenAIEmbeddings {
  protected override async embeddingWithRetry(request: EmbeddingRequest) {
    return inInputOrder(await super.embeddingWithRetry(request), request);
  }
}

class OrderedAzureOpenAIEmbeddings extends AzureOpenAIEmbeddings {
  protected override async embeddingWithRetry(request: EmbeddingRequest) {
    return inInputOrder(await super.embeddingWithRetry(request), request);
  }
}

/**
 * Options for the openai SDK client. Values it would otherwise take from the environment
 * (OPENAI_ORG_ID, OPENAI_PROJECT_ID, OPENAI_LOG, OPENAI_BASE_URL) are pinned so config stays the
 * source. Its own retries stay off (LangChain sets maxRetries 0) so `maxRetries` means one thing.
 */
function clientOptions(provider: string, organization: string | null, logger?: Logger) {
  const log =
    (level: 'error' | 'warn' | 'info' | 'debug') =>
    (message: string): void =>
      logger?.[level]({ provider }, message);
  return {
    organization,
    project: null,
    logLevel: logger ? ('warn' as const) : ('off' as const),
    logger: { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') },
  };
}

export function createOpenAIEmbeddings(config: OpenAIProviderConfig, logger?: Logger): ProviderEmbeddings {
  const inner = new OrderedOpenAIEmbeddings({
    apiKey: config.apiKey,
    model: config.model,
    dimensions: config.dimensions,
    batchSize: config.batchSize,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    maxConcurrency: config.maxConcurrency,
    configuration: {
      ...clientOptions('openai', config.organization ?? null, logger),
      baseURL: config.baseUrl,
    },
  });
  const dims = config.dimensions ? `, ${config.dimensions} dims` : '';
  return new ProviderEmbeddings({
    provider: 'openai',
    label: `openai embeddings (model ${config.model}${dims})`,
    identity: {
      kind: 'openai',
      model: config.model,
      dimensions: config.dimensions ?? null,
      baseUrl: config.baseUrl,
    },
    inner,
    secrets: [config.apiKey],
    logger,
  });
}

/** `https://<resource>.openai.azure.com/openai/deployments`, from either form of config. */
export function azureBasePath(config: Pick<AzureOpenAIProviderConfig, 'endpoint' | 'instanceName'>): string {
  const endpoint = config.endpoint ?? `https://${config.instanceName}.openai.azure.com`;
  return `${endpoint.replace(/\/+$/, '')}/openai/deployments`;
}

export function createAzureOpenAIEmbeddings(
  config: AzureOpenAIProviderConfig,
  logger?: Logger,
): ProviderEmbeddings {
  const inner = new OrderedAzureOpenAIEmbeddings({
    // Both spellings: `apiKey` alone stops the base class falling back to OPENAI_API_KEY.
    apiKey: config.apiKey,
    azureOpenAIApiKey: config.apiKey,
    azureOpenAIApiVersion: config.apiVersion,
    // A base path outranks the AZURE_OPENAI_* environment fallbacks inside LangChain.
    azureOpenAIBasePath: azureBasePath(config),
    azureOpenAIApiDeploymentName: config.deployment,
    azureOpenAIApiEmbeddingsDeploymentName: config.deployment,
    // Azure routes by deployment and ignores `model`; sending the deployment keeps logs honest.
    model: config.deployment,
    dimensions: config.dimensions,
    batchSize: config.batchSize,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    maxConcurrency: config.maxConcurrency,
    configuration: clientOptions('azure-openai', null, logger),
  });
  return new ProviderEmbeddings({
    provider: 'azure-openai',
    label: `azure-openai embeddings (deployment ${config.deployment})`,
    // The endpoint too: a deployment name means different models on different resources.
    identity: {
      kind: 'azure-openai',
      deployment: config.deployment,
      dimensions: config.dimensions ?? null,
      endpoint: azureBasePath(config),
    },
    inner,
    secrets: [config.apiKey],
    logger,
  });
}
