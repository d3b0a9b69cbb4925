/** Percentile of a sample (nearest-rank); the sample is sorted in place. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  values.sort((a, b) => a - b);
  const rank = Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1));
  return values[rank] ?? Number.NaN;
}

export const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

export type Report = (figure: Record<string, unknown>) => void;
