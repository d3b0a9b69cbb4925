import { z } from 'zod';

// Strict objects: a misspelt option in config (say `apikey`) should fail loudly, not be ignored.
const positiveInt = z.int().positive();

/** Knobs every remote provider shares. Defaults favour a support bot: short waits, few retries. */
const remoteFields = {
  apiKey: z.string().trim().min(1, 'is required'),
  dimensions: positiveInt.optional(),
  timeoutMs: positiveInt.default(30_000),
  maxRetries: z.int().min(0).max(10).default(3),
  maxConcurrency: positiveInt.default(2),
};

export const openAIProviderSchema = z.strictObject({
  kind: z.literal('openai'),
  ...remoteFields,
  model: z.string().trim().min(1).default('text-embedding-3-small'),
  /** OpenAI-compatible base URL, e.g. a proxy; the public API when absent. */
  baseUrl: z.url().default('https://api.openai.com/v1'),
  organization: z.string().trim().min(1).optional(),
  // OpenAI accepts up to 2048 inputs per request.
  batchSize: positiveInt.max(2048).default(512),
});

export const azureOpenAIProviderSchema = z
  .strictObject({
    kind: z.literal('azure-openai'),
    ...remoteFields,
    deployment: z.string().trim().min(1, 'is required'),
    /** Resource endpoint, e.g. https://my-resource.openai.azure.com (or a custom domain). */
    endpoint: z.url().optional(),
    /** Resource name; shorthand for https://<instanceName>.openai.azure.com. */
    instanceName: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/i, 'must be an Azure resource name (letters, digits, hyphens)')
      .optional(),
    apiVersion: z.string().trim().min(1).default('2024-10-21'),
    // Older Azure deployments capped inputs per request at 16; staying there is safe everywhere.
    batchSize: positiveInt.max(2048).default(16),
  })
  .refine((o) => (o.endpoint === undefined) !== (o.instanceName === undefined), {
    message: 'exactly one of endpoint or instanceName is required',
    path: ['endpoint'],
  });

export const ONNX_DTYPES = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4'] as const;

export const onnxProviderSchema = z.strictObject({
  kind: z.literal('onnx'),
  /** Directory holding config.json, tokenizer.json and onnx/model*.onnx. Nothing is downloaded. */
  modelDir: z.string().trim().min(1, 'is required'),
  /** Picks the weights file: fp32 → onnx/model.onnx, q8 → onnx/model_quantized.onnx, and so on. */
  dtype: z.enum(ONNX_DTYPES).default('fp32'),
  /** Mean pooling suits sentence-transformers models; some (e.g. BGE) are trained for CLS. */
  pooling: z.enum(['mean', 'cls']).default('mean'),
  batchSize: positiveInt.max(1024).default(32),
});

export const embeddingProviderSchema = z.discriminatedUnion('kind', [
  openAIProviderSchema,
  azureOpenAIProviderSchema,
  onnxProviderSchema,
]);

/** What config passes in (defaults may be omitted). */
export type EmbeddingProviderOptions = z.input<typeof embeddingProviderSchema>;
/** Validated options with defaults applied. */
export type EmbeddingProviderConfig = z.output<typeof embeddingProviderSchema>;
export type EmbeddingProviderKind = EmbeddingProviderConfig['kind'];
export type OpenAIProviderConfig = z.output<typeof openAIProviderSchema>;
export type AzureOpenAIProviderConfig = z.output<typeof azureOpenAIProviderSchema>;
export type OnnxProviderConfig = z.output<typeof onnxProviderSchema>;
