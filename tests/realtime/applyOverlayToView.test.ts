import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchTripUpdate } from '../../src/realtime/matchTripUpdate.js';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import type { DayView } from '../../src/transit/dayView.js';
import {
  applyOverlayToView,
  NEVER_ARRIVE,
  NEVER_BOARD,
  overlayFrom,
  overlayFreshnessKey,
  type TripRealtime,
} from '../../src/transit/realtimeOverlay.js';
import type { Timetable } from '../../src/transit/timetable.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { gtfsDate } from './rtHelpers.js';
import { importFeedOnce } from '../helpers/feedCache.js';

const NOW_SEC = Date.parse('2026-12-01T12:00:00Z') / 1000;

/** View runs of the busiest pattern of the day view, in sub order. */
function busiestPattern(view: DayView, tt: Timetable): number {
  let best = 0;
  for (let p = 1; p < tt.patternCount; p++) {
    const runs = (q: number) =>
      view.subRunStart[view.patternSubStart[q + 1]!]! - view.subRunStart[view.patternSubStart[q]!]!;
    if (runs(p) > runs(best)) best = p;
  }
  return best;
}

function viewRunOf(view: DayView, run: number, serviceDay: number): number {
  for (let v = 0; v < view.runBase.length; v++)
    if (view.runBase[v] === run && view.runServiceDay[v] === serviceDay) return v;
  return -1;
}

describe('applyOverlayToView', () => {
  let h: Harness;
  beforeAll(async () => {
    h = createHarness();
    await importFeedOnce(h, 'si', SAMPLE_FEED_DIR);
  });
  afterAll(() => h.close());

  it('shifts a delayed run, removes a cancelled one, blocks a skipped stop, and keeps every sub FIFO', () => {
    const net = h.services.feeds.network!;
    const tt = net.tt;
    const view = net.viewAt(NOW_SEC);
    const p = busiestPattern(view, tt);
    const first = view.subRunStart[view.patternSubStart[p]!]!;
    const n = tt.patternStopStart[p + 1]! - tt.patternStopStart[p]!;
    const pick = (i: number) => ({
      v: first + i,
      run: view.runBase[first + i]!,
      day: view.runServiceDay[first + i]!,
    });
    const [delayed, cancelled, skipping] = [pick(10), pick(11), pick(12)];
    const tripId = (run: number) => tt.tripIds[tt.runTrip[run]!]!.slice(3);
    const u = (r: { run: number; day: number }, extra: object) => ({
      tripId: tripId(r.run),
      startDate: gtfsDate(r.day),
      cancelled: false,
      timestamp: NOW_SEC,
      stopTimeUpdates: [],
      ...extra,
    });
    const firstStop = tt.stopIds[tt.patternStops[tt.patternStopStart[p]!]!]!.slice(3);
    const secondStop = tt.stopIds[tt.patternStops[tt.patternStopStart[p]! + 1]!]!.slice(3);
    const entries = [
      matchTripUpdate(
        tt,
        u(delayed, {
          stopTimeUpdates: [
            { stopId: firstStop, departure: { delay: 1800 }, relationship: 'SCHEDULED' },
          ],
        }),
        { feed: 0 },
      ),
      matchTripUpdate(tt, u(cancelled, { cancelled: true }), { feed: 0 }),
      matchTripUpdate(
        tt,
        u(skipping, { stopTimeUpdates: [{ stopId: secondStop, relationship: 'SKIPPED' }] }),
        { feed: 0 },
      ),
    ];
    expect(entries.every(Boolean)).toBe(true);
    const overlay = overlayFrom(entries as TripRealtime[], 300, 1);
    const live = applyOverlayToView(view, overlay, tt, NOW_SEC);

    // Delayed: every stop 1800 s later (the delay propagates to the end of the trip).
    const dv = viewRunOf(live, delayed.run, delayed.day);
    for (let k = 0; k < n; k++) {
      expect(live.departure[live.runTimeStart[dv]! + k]).toBe(
        view.departure[view.runTimeStart[delayed.v]! + k]! + 1800,
      );
    }
    // Cancelled: gone, so never boarded. Skipped: unboardable and unalightable at stop 2 only.
    expect(viewRunOf(live, cancelled.run, cancelled.day)).toBe(-1);
    expect(live.runBase.length).toBe(view.runBase.length - 1);
    const sv = viewRunOf(live, skipping.run, skipping.day);
    expect(live.departure[live.runTimeStart[sv]! + 1]).toBe(NEVER_BOARD);
    expect(live.arrival[live.runTimeStart[sv]! + 1]).toBe(NEVER_ARRIVE);
    expect(live.departure[live.runTimeStart[sv]!]).toBe(
      view.departure[view.runTimeStart[skipping.v]!],
    );

    // FIFO inside every sub of the pattern, at every stop.
    for (let sub = live.patternSubStart[p]!; sub < live.patternSubStart[p + 1]!; sub++) {
      for (let v = live.subRunStart[sub]! + 1; v < live.subRunStart[sub + 1]!; v++) {
        for (let k = 0; k < n; k++) {
          expect(live.departure[live.runTimeStart[v - 1]! + k]!).toBeLessThanOrEqual(
            live.departure[live.runTimeStart[v]! + k]!,
          );
          expect(live.arrival[live.runTimeStart[v - 1]! + k]!).toBeLessThanOrEqual(
            live.arrival[live.runTimeStart[v]! + k]!,
          );
        }
      }
    }
  });

  it('returns the view itself once the data has expired, and the cache key changes', () => {
    const net = h.services.feeds.network!;
    const view = net.viewAt(NOW_SEC);
    const run = view.runBase[0]!;
    const e = matchTripUpdate(
      net.tt,
      {
        tripId: net.tt.tripIds[net.tt.runTrip[run]!]!.slice(3),
        startDate: gtfsDate(view.runServiceDay[0]!),
        cancelled: true,
        timestamp: NOW_SEC,
        stopTimeUpdates: [],
      },
      { feed: 0 },
    )!;
    const overlay = overlayFrom([e], 300, 7);
    expect(applyOverlayToView(view, overlay, net.tt, NOW_SEC)).not.toBe(view);
    expect(applyOverlayToView(view, overlay, net.tt, NOW_SEC + 301)).toBe(view);
    expect(overlayFreshnessKey(overlay, NOW_SEC)).not.toBe(
      overlayFreshnessKey(overlay, NOW_SEC + 301),
    );
  });
});
