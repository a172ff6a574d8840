import type { Network } from '../../src/transit/network.js';
import { mulberry32, pick, pointNear, randomInt } from './random.js';
import { HOUR } from './time.js';

/** Query points lie up to this far from their stop, metres. */
export const OFFSET_METERS = 300;

/** A seeded origin/destination question: two stops, a time of day, and points near the stops. */
export interface OdPair {
  from: string;
  to: string;
  secondsOfDay: number;
  fromPoint: { lat: number; lon: number };
  toPoint: { lat: number; lon: number };
}

/** Whether some trip lets riders board (`'board'`) or alight (`'alight'`) at stop `s`. */
function stopAllows(net: Network, s: number, what: 'board' | 'alight'): boolean {
  const tt = net.tt;
  for (let k = tt.stopPatternStart[s]!; k < tt.stopPatternStart[s + 1]!; k++) {
    const p = tt.stopPatternList[k]!;
    const pos = tt.stopPatternPos[k]!;
    const at = tt.patternStopStart[p]! + pos;
    const last = tt.patternStopStart[p + 1]! - tt.patternStopStart[p]! - 1;
    if (
      what === 'board'
        ? pos < last && tt.patternCanBoard[at] === 1
        : pos > 0 && tt.patternCanAlight[at] === 1
    ) {
      return true;
    }
  }
  return false;
}

/**
 * `count` pairs of distinct stops of `feedIds` (origins where some trip boards, destinations
 * where some trip alights, so that no question is unanswerable by construction), leaving
 * between 06:00 and 22:00.
 */
export function odPairs(
  net: Network,
  feedIds: readonly string[],
  seed: number,
  count: number,
): OdPair[] {
  const tt = net.tt;
  const random = mulberry32(seed);
  const feeds = new Set(tt.feeds.flatMap((f, i) => (feedIds.includes(f.feedId) ? [i] : [])));
  const served = Array.from(tt.servedStops).filter((s) => feeds.has(tt.stopFeed[s]!));
  const origins = served.filter((s) => stopAllows(net, s, 'board'));
  const destinations = served.filter((s) => stopAllows(net, s, 'alight'));
  return Array.from({ length: count }, () => {
    const from = pick(random, origins);
    let to = pick(random, destinations);
    while (to === from) to = pick(random, destinations);
    return {
      from: tt.stopIds[from]!,
      to: tt.stopIds[to]!,
      secondsOfDay: randomInt(random, 6 * HOUR, 22 * HOUR),
      fromPoint: pointNear(random, tt.stopLat[from]!, tt.stopLon[from]!, OFFSET_METERS),
      toPoint: pointNear(random, tt.stopLat[to]!, tt.stopLon[to]!, OFFSET_METERS),
    };
  });
}
