import { Document } from '@langchain/core/documents';

/** Standard normal draw (Box–Muller). */
function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

function unit(v: Float32Array): Float32Array {
  let sq = 0;
  for (const x of v) sq += x * x;
  const s = 1 / Math.sqrt(sq);
  return v.map((x) => x * s);
}

/**
 * Unit vectors in clusters of ten around random centres, like the alternate questions of one
 * article: with SPREAD 0.04 a chunk has cosine ≈ 0.75 to its centre and ≈ 0.55 to its siblings,
 * and ≈ 0 to everything else. Queries are fresh draws around random centres.
 */
const SPREAD = 0.04;

export function clusteredUnitVectors(n: number, queries: number, dim: number, rand: () => number) {
  const centres = Array.from({ length: Math.ceil(n / 10) }, () =>
    unit(Float32Array.from({ length: dim }, () => gaussian(rand))),
  );
  const around = (c: Float32Array) => unit(c.map((x) => x + SPREAD * gaussian(rand)));
  const flat = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) flat.set(around(centres[Math.floor(i / 10)]!), i * dim);
  const qs = Array.from({ length: queries }, () =>
    Array.from(around(centres[Math.floor(rand() * centres.length)]!)),
  );
  return { vectors: flat, queries: qs };
}

/** Exact top-k by dot product over a flat row-major matrix. */
export function bruteForce(matrix: Float32Array, dim: number, q: Float32Array, k: number): number[] {
  const n = matrix.length / dim;
  const best: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const row = matrix.subarray(i * dim, (i + 1) * dim);
    let s = 0;
    for (let d = 0; d < dim; d++) s += row[d]! * q[d]!;
    if (best.length < k || s > best[best.length - 1]![1]) {
      best.push([i, s]);
      best.sort((a, b) => b[1] - a[1]);
      if (best.length > k) best.pop();
    }
  }
  return best.map(([i]) => i);
}

/** Adds rows in chunks so that 100k rows never exist as JS number arrays all at once. */
export async function addAll(
  store: { addVectors(v: number[][], d: Document[]): Promise<unknown> },
  matrix: Float32Array,
  dim: number,
  from = 0,
): Promise<void> {
  const n = matrix.length / dim;
  const chunk = 10_000;
  for (let i = from; i < n; i += chunk) {
    const rows: number[][] = [];
    const docs: Document[] = [];
    for (let r = i; r < Math.min(n, i + chunk); r++) {
      rows.push(Array.from(matrix.subarray(r * dim, (r + 1) * dim)));
      docs.push(new Document({ pageContent: '', metadata: { i: r } }));
    }
    await store.addVectors(rows, docs);
  }
}

export function recallAtK(found: number[][], truth: number[][], k: number): number {
  let hit = 0;
  found.forEach((f, i) => {
    const t = new Set(truth[i]);
    hit += f.filter((x) => t.has(x)).length;
  });
  return hit / (truth.length * k);
}

export const memory = () => {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
};
