/** Exponential backoff with full jitter (AWS architecture blog): spreads retries of many clients apart. */
export function backoff(retry: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** retry));
}
