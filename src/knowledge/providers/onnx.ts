import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import type { Logger } from 'pino';
import { ProviderEmbeddings } from './provider-embeddings.js';
import type { OnnxProviderConfig } from './schema.js';

/** transformers.js picks the weights file by dtype; checked up front for a clear error. */
const WEIGHTS_SUFFIX: Record<OnnxProviderConfig['dtype'], string> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
};

const NO_DOWNLOADS = 'remote model downloads are disabled, so the model must be on disk';

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Names what is missing; the provider's label already names the directory. */
async function checkModelDir(dir: string, dtype: OnnxProviderConfig['dtype']): Promise<void> {
  if (!(await exists(dir))) throw new Error(`model directory does not exist; ${NO_DOWNLOADS}`);
  const needed = ['config.json', 'tokenizer.json', `onnx/model${WEIGHTS_SUFFIX[dtype]}.onnx`];
  const missing: string[] = [];
  for (const file of needed) if (!(await exists(join(dir, file)))) missing.push(file);
  if (missing.length) {
    throw new Error(`model directory lacks ${missing.join(', ')} (dtype ${dtype}); ${NO_DOWNLOADS}`);
  }
}

/** Sentence embeddings from a local ONNX model: mean (or CLS) pooling, L2-normalised. */
export class OnnxEmbeddings extends Embeddings {
  readonly modelDir: string;
  private extractor: Promise<FeatureExtractionPipeline> | undefined;

  constructor(private readonly config: OnnxProviderConfig) {
    super({ maxRetries: 0 });
    this.modelDir = resolve(config.modelDir);
  }

  /** Loads the model once; a failed load is forgotten so a fixed directory can be retried. */
  load(): Promise<FeatureExtractionPipeline> {
    this.extractor ??= this.open().catch((err: unknown) => {
      this.extractor = undefined;
      throw err;
    });
    return this.extractor;
  }

  private async open(): Promise<FeatureExtractionPipeline> {
    await checkModelDir(this.modelDir, this.config.dtype);
    // Imported lazily: it loads the onnxruntime and sharp native addons, which deployments on
    // the default TF-IDF retrieval or a remote provider should not pay for.
    const { env, pipeline } = await import('@huggingface/transformers');
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = this.modelDir;
    // `env` is process-wide, so the model id is the absolute directory itself: transformers.js
    // reads a non-Hub id as a path, and keys its per-model caches by it, so two providers with
    // different directories cannot share a cached config.
    return pipeline('feature-extraction', this.modelDir, {
      dtype: this.config.dtype,
      local_files_only: true,
    });
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const extractor = await this.load();
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += this.config.batchSize) {
      const batch = texts.slice(i, i + this.config.batchSize);
      const output = await extractor(batch, { pooling: this.config.pooling, normalize: true });
      vectors.push(...(output.tolist() as number[][]));
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([text]);
    if (!vector) throw new Error('the model returned no vector');
    return vector;
  }

  async dispose(): Promise<void> {
    const loading = this.extractor;
    this.extractor = undefined;
    const extractor = await loading?.catch(() => undefined);
    await extractor?.dispose();
  }
}

export function createOnnxEmbeddings(config: OnnxProviderConfig, logger?: Logger): ProviderEmbeddings {
  const inner = new OnnxEmbeddings(config);
  return new ProviderEmbeddings({
    provider: 'onnx',
    label: `onnx embeddings (dir ${inner.modelDir}, ${config.dtype})`,
    // The model in the directory fixes the dimensions; dtype and pooling change the vectors.
    identity: { kind: 'onnx', modelDir: inner.modelDir, dtype: config.dtype, pooling: config.pooling },
    inner,
    logger,
    prepare: () => inner.load(),
    release: () => inner.dispose(),
  });
}
