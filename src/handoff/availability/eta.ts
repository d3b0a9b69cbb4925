export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Fewer samples than this say more about luck than about the queue. */
const MIN_SAMPLES = 3;

/**
 * Expected wait: the median recent time-to-accept of the queue (the default until there are enough
 * samples), scaled by how many are ahead per available agent. Rounded up to whole 30 s steps so
 * the customer is not promised false precision.
 */
export function estimateWaitSeconds(
  recentWaits: number[],
  position: number,
  availableAgents: number,
  defaultSeconds: number,
): number {
  const typical =
    recentWaits.length >= MIN_SAMPLES ? (median(recentWaits) ?? defaultSeconds) : defaultSeconds;
  const raw = (typical * Math.max(1, position)) / Math.max(1, availableAgents);
  return Math.max(30, Math.ceil(raw / 30) * 30);
}
