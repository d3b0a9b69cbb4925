import type { SparseVec } from '../text/tfidf.js';

export interface ClassifierOptions {
  /** Passes over the data; `epochsFor` picks a count that keeps training time bounded. */
  epochs: number;
  /** L2 penalty per sample; larger is smoother and better calibrated on few-shot KBs. */
  l2: number;
  learningRate: number;
  seed: number;
}

export const DEFAULT_CLASSIFIER: ClassifierOptions = { epochs: 0, l2: 1e-5, learningRate: 0.5, seed: 7 };

/** About 200k SGD steps whatever the KB size: enough for few-shot KBs, bounded for large ones. */
export const epochsFor = (samples: number): number =>
  Math.min(40, Math.max(8, Math.ceil(200_000 / Math.max(1, samples))));

export interface ClassifierState {
  classes: number;
  features: number;
  /** Row-major [feature][class], so a sparse input touches contiguous memory. */
  weights: Float32Array;
  bias: Float32Array;
}

/** Deterministic PRNG so that two builds of the same KB give the same index. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    const e = Math.exp((z[c] ?? 0) - max);
    z[c] = e;
    sum += e;
  }
  for (let c = 0; c < z.length; c++) z[c] = (z[c] ?? 0) / sum;
}

/**
 * Multinomial logistic regression trained by SGD on the alternate questions. It learns which
 * n-grams discriminate articles (what nearest-neighbour search cannot), and its probabilities give
 * the abstain rule something better than raw similarity to work with.
 */
export class LinearClassifier {
  constructor(readonly state: ClassifierState) {}

  static train(
    xs: readonly SparseVec[],
    ys: ArrayLike<number>,
    classes: number,
    features: number,
    opts: ClassifierOptions = DEFAULT_CLASSIFIER,
    onEpoch?: (epoch: number) => void,
  ): LinearClassifier {
    const w = new Float32Array(features * classes);
    const bias = new Float32Array(classes);
    const z = new Float64Array(classes);
    const order = Array.from(xs, (_, i) => i);
    const rand = mulberry32(opts.seed);
    // Weights are stored divided by `scale` so the L2 shrink of every weight is one multiplication.
    let scale = 1;
    let t = 0;
    const epochs = opts.epochs > 0 ? opts.epochs : epochsFor(order.length);
    const total = Math.max(1, epochs * order.length);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
      }
      for (const n of order) {
        const x = xs[n];
        if (!x) continue;
        // Linear decay to a small floor converges closer to the optimum than 1/t in few epochs.
        const eta = opts.learningRate * Math.max(0.02, 1 - t++ / total);
        z.set(bias);
        for (let k = 0; k < x.idx.length; k++) {
          const base = (x.idx[k] ?? 0) * classes;
          const v = (x.val[k] ?? 0) * scale;
          for (let c = 0; c < classes; c++) z[c] = (z[c] ?? 0) + v * (w[base + c] ?? 0);
        }
        const y = ys[n] ?? 0;
        softmaxInPlace(z);
        z[y] = (z[y] ?? 0) - 1; // now the gradient of the loss wrt the logits
        scale *= 1 - eta * opts.l2;
        const step = eta / scale;
        for (let k = 0; k < x.idx.length; k++) {
          const base = (x.idx[k] ?? 0) * classes;
          const v = (x.val[k] ?? 0) * step;
          for (let c = 0; c < classes; c++) w[base + c] = (w[base + c] ?? 0) - v * (z[c] ?? 0);
        }
        for (let c = 0; c < classes; c++) bias[c] = (bias[c] ?? 0) - eta * (z[c] ?? 0);
        if (scale < 1e-6) {
          for (let i = 0; i < w.length; i++) w[i] = (w[i] ?? 0) * scale;
          scale = 1;
        }
      }
      onEpoch?.(epoch + 1);
    }
    for (let i = 0; i < w.length; i++) w[i] = (w[i] ?? 0) * scale;
    return new LinearClassifier({ classes, features, weights: w, bias });
  }

  /** Class logits for one input. */
  logits(x: SparseVec): Float64Array {
    const { classes, weights, bias } = this.state;
    const z = Float64Array.from(bias);
    for (let k = 0; k < x.idx.length; k++) {
      const base = (x.idx[k] ?? 0) * classes;
      const v = x.val[k] ?? 0;
      for (let c = 0; c < classes; c++) z[c] = (z[c] ?? 0) + v * (weights[base + c] ?? 0);
    }
    return z;
  }

  /** Softmax over the classes `allowed` admits (others get 0), so audience filters renormalise. */
  probabilities(x: SparseVec, allowed?: (c: number) => boolean): Float64Array {
    const z = this.logits(x);
    if (allowed) for (let c = 0; c < z.length; c++) if (!allowed(c)) z[c] = -Infinity;
    softmaxInPlace(z);
    return z;
  }
}
