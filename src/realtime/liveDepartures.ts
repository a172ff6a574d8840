import { departuresFrom, type ScheduledDeparture } from '../transit/index.js';
import type { Network } from '../transit/index.js';
import { liveRun } from '../transit/index.js';
import type { UnixSeconds } from '../transit/index.js';
import { feedIsLive, type RealtimeSnapshot } from './snapshot.js';

/** A departure with its live state; the realtime fields stay undefined when its feed has no live data. */
export type LiveDeparture = ScheduledDeparture & {
  realtimeDeparture?: UnixSeconds;
  realtimeArrival?: UnixSeconds;
  /** Departure delay, seconds. */
  delaySeconds?: number;
  realtimeState?: 'SCHEDULED' | 'UPDATED' | 'CANCELED' | 'SKIPPED';
};

/** How far before `after` the board looks for late vehicles, seconds. */
const LATE_LOOKBACK = 3600;

/** A scheduled departure with its live state (fields stay undefined when the feed has no live data). */
export function decorateDeparture(
  net: Network,
  rt: RealtimeSnapshot,
  d: ScheduledDeparture,
  nowSec: UnixSeconds,
): LiveDeparture {
  const feedId = net.tt.feeds[net.tt.routeFeed[net.tt.tripRoute[d.trip]!]!]?.feedId;
  if (feedId === undefined || !feedIsLive(rt, feedId, nowSec)) return d;
  const e = liveRun(rt.overlay, d.run, d.serviceDay, nowSec);
  if (!e) return { ...d, realtimeState: 'SCHEDULED' };
  if (e.cancelled) return { ...d, realtimeState: 'CANCELED' };
  if (e.hasData[d.pos] !== 1) return { ...d, realtimeState: 'SCHEDULED' };
  const delaySeconds = e.departureDelay[d.pos]!;
  return {
    ...d,
    realtimeDeparture: d.departure + delaySeconds,
    realtimeArrival: d.arrival + e.arrivalDelay[d.pos]!,
    delaySeconds,
    realtimeState: e.skipped[d.pos] === 1 ? 'SKIPPED' : 'UPDATED',
  };
}

/** Best known departure time: live where known, else scheduled. */
export function bestDeparture(d: LiveDeparture): UnixSeconds {
  return d.realtimeDeparture ?? d.departure;
}

/**
 * The live board: the next `first` departures from `stop` at or after `after` by best known time.
 * Late vehicles scheduled before `after` are included, vehicles already gone (running early) are
 * not, and cancelled trips stay on the board with state CANCELED.
 */
export function liveDeparturesFrom(
  net: Network,
  rt: RealtimeSnapshot,
  stop: number,
  after: UnixSeconds,
  first: number,
  nowSec: UnixSeconds,
): LiveDeparture[] {
  const scheduled = departuresFrom(net, stop, after, first * 2 + 5);
  if (rt.feeds.size === 0) return scheduled.slice(0, first);
  const late = departuresFrom(net, stop, after - LATE_LOOKBACK, 100).filter(
    (d) => d.departure < after,
  );
  const seen = new Set<string>();
  const out: LiveDeparture[] = [];
  for (const d of [...late, ...scheduled]) {
    const id = `${d.run}|${d.serviceDay}|${d.stop}|${d.pos}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const live = decorateDeparture(net, rt, d, nowSec);
    if (live.realtimeState === 'CANCELED' ? d.departure >= after : bestDeparture(live) >= after)
      out.push(live);
  }
  out.sort((a, b) => bestDeparture(a) - bestDeparture(b) || a.trip - b.trip);
  return out.slice(0, first);
}
