/**
 * A tiny dense logistic regression, used to turn retrieval signals (fused score, margin, ...) into
 * a probability that the top article is the right answer. Fitted on a labelled validation set by
 * `kb calibrate`; a few features and a light L2 penalty keep it from memorising that set.
 */
export interface PlattModel {
  weights: number[];
  bias: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function plattPredict(model: PlattModel, features: readonly number[]): number {
  let z = model.bias;
  model.weights.forEach((w, i) => (z += w * (features[i] ?? 0)));
  return sigmoid(z);
}

/** Full-batch gradient descent with momentum; the problem is convex and tiny, so this converges. */
export function plattFit(
  xs: readonly (readonly number[])[],
  ys: readonly boolean[],
  l2 = 1e-3,
  iterations = 3000,
): PlattModel {
  const d = xs[0]?.length ?? 0;
  const w = new Array<number>(d).fill(0);
  const vw = new Array<number>(d).fill(0);
  let b = 0;
  let vb = 0;
  const n = Math.max(1, xs.length);
  for (let it = 0; it < iterations; it++) {
    const gw = w.map((wi) => l2 * wi);
    let gb = 0;
    xs.forEach((x, i) => {
      let z = b;
      for (let j = 0; j < d; j++) z += (w[j] ?? 0) * (x[j] ?? 0);
      const err = sigmoid(z) - (ys[i] ? 1 : 0);
      for (let j = 0; j < d; j++) gw[j] = (gw[j] ?? 0) + (err * (x[j] ?? 0)) / n;
      gb += err / n;
    });
    for (let j = 0; j < d; j++) {
      vw[j] = 0.9 * (vw[j] ?? 0) - 0.5 * (gw[j] ?? 0);
      w[j] = (w[j] ?? 0) + (vw[j] ?? 0);
    }
    vb = 0.9 * vb - 0.5 * gb;
    b += vb;
  }
  return { weights: w, bias: b };
}
