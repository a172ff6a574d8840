import type { EpochMs, TimeWindow } from './types.js';

/**
 * The largest number of `intervals` (half-open `[startMs, endMs)`) that cover one instant of
 * `window`: a sweep over their clipped start and end points, ends before starts at equal times.
 */
export function peakOverlap(intervals: readonly TimeWindow[], window: TimeWindow): number {
  const points: [EpochMs, number][] = [];
  for (const { startMs, endMs } of intervals) {
    const from = Math.max(startMs, window.startMs);
    const to = Math.min(endMs, window.endMs);
    if (from < to) points.push([from, 1], [to, -1]);
  }
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let peak = 0;
  for (const [, delta] of points) {
    current += delta;
    if (current > peak) peak = current;
  }
  return peak;
}
