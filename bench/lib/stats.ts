/** Summary of a list of latency samples, milliseconds. */
export interface LatencySummary {
  n: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
}

/** The `q`-quantile (0..1) of ascending `sorted`, nearest rank; NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** The median of a list (need not be sorted). */
export function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** p50 / p95 / p99 / mean / max of latency samples in milliseconds. */
export function summarize(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((acc, v) => acc + v, 0);
  return {
    n: sorted.length,
    p50Ms: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    p99Ms: quantile(sorted, 0.99),
    meanMs: sorted.length > 0 ? sum / sorted.length : NaN,
    maxMs: sorted.length > 0 ? sorted[sorted.length - 1]! : NaN,
  };
}

/** Runs `fn` once per item and returns each call's wall time in milliseconds. */
export function timeEach<T>(items: readonly T[], fn: (item: T, index: number) => void): number[] {
  const samples = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) {
    const started = performance.now();
    fn(items[i]!, i);
    samples[i] = performance.now() - started;
  }
  return samples;
}

/** Async variant of `timeEach`: one call at a time, in order. */
export async function timeEachAsync<T>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<void>,
): Promise<number[]> {
  const samples = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) {
    const started = performance.now();
    await fn(items[i]!, i);
    samples[i] = performance.now() - started;
  }
  return samples;
}

/** Milliseconds taken by `fn` (sync or async). */
export async function timeMs(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
