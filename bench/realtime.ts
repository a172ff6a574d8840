/**
 * Realtime section (issue 4): time to decode + apply a TripUpdates message covering 2,000 trips
 * of the real Staten Island feed (target ≤ 200 ms), the cost of overlaying a day view, and RAPTOR
 * latency on the live view against the scheduled one. Standalone: `tsx bench/realtime.ts`, or
 * `runRealtimeBench()` from bench/index.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { FixedClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { closeServices, createServices } from '../src/createServices.js';
import { raptor } from '../src/planner/raptor.js';
import { decodeFeedMessage } from '../src/realtime/decode.js';
import type { DayView } from '../src/transit/dayView.js';
import { applyOverlayToView } from '../src/transit/realtimeOverlay.js';
import { formatDay } from '../src/transit/time.js';
import type { Timetable } from '../src/transit/timetable.js';
import { mulberry32, randomInt } from './lib/random.js';

const rt = GtfsRealtimeBindings.transit_realtime;
const SI_ZIP = path.resolve(import.meta.dirname, '../../shared/feeds/nyc-staten-island-bus.zip');
/** A weekday inside the SI feed: 2026-12-01 07:00 New York. */
const NOW_MS = Date.parse('2026-12-01T12:00:00Z');
const TRIPS = 2000;
const REPEATS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A FULL_DATASET TripUpdates message: `TRIPS` runs of the view, a delay at their middle stop. */
function tripUpdatesMessage(tt: Timetable, view: DayView, nowSec: number): Uint8Array {
  const entity: GtfsRealtimeBindings.transit_realtime.IFeedEntity[] = [];
  const step = Math.max(1, Math.floor(view.runBase.length / TRIPS));
  for (let v = 0; v < view.runBase.length && entity.length < TRIPS; v += step) {
    const run = view.runBase[v]!;
    const trip = tt.runTrip[run]!;
    const len =
      (v + 1 < view.runTimeStart.length ? view.runTimeStart[v + 1]! : view.arrival.length) -
      view.runTimeStart[v]!;
    const stop = tt.stopIds[stopAt(tt, run, Math.floor(len / 2))]!;
    entity.push({
      id: String(v),
      tripUpdate: {
        trip: {
          tripId: tt.tripIds[trip]!.slice(3),
          startDate: formatDay(view.runServiceDay[v]!).replaceAll('-', ''),
        },
        stopTimeUpdate: [{ stopId: stop.slice(3), departure: { delay: 60 * (1 + (v % 10)) } }],
      },
    });
  }
  return rt.FeedMessage.encode(
    rt.FeedMessage.create({ header: { gtfsRealtimeVersion: '2.0', timestamp: nowSec }, entity }),
  ).finish();
}

function stopAt(tt: Timetable, run: number, pos: number): number {
  let p = 0;
  while (tt.patternRunStart[p + 1]! <= run) p++;
  return tt.patternStops[tt.patternStopStart[p]! + pos]!;
}

/** Runs the section and prints its figures. */
export async function runRealtimeBench(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maas-bench-rt-'));
  const clock = new FixedClock(NOW_MS);
  const services = createServices(
    { ...loadConfig({}), dataDir, logLevel: 'silent', loadSample: false },
    clock,
  );
  try {
    await services.feeds.importFeed('si', SI_ZIP);
    const net = services.feeds.network!;
    const tt = net.tt;
    const nowSec = NOW_MS / 1000;
    const view = net.viewAt(nowSec);
    const bytes = tripUpdatesMessage(tt, view, nowSec);

    const applyMs: number[] = [];
    let result;
    for (let i = 0; i < REPEATS; i++) {
      const t0 = performance.now();
      result = services.realtime.apply('si', decodeFeedMessage(bytes, nowSec));
      applyMs.push(performance.now() - t0);
    }
    const overlay = services.realtime.snapshot.overlay;
    const overlayMs: number[] = [];
    let live = view;
    for (let i = 0; i < REPEATS; i++) {
      const t0 = performance.now();
      live = applyOverlayToView(view, overlay, tt, nowSec);
      overlayMs.push(performance.now() - t0);
    }

    const random = mulberry32(4);
    const queries = Array.from({ length: 200 }, () => ({
      from: randomInt(random, 0, tt.stopCount - 1),
      to: randomInt(random, 0, tt.stopCount - 1),
      time: nowSec - view.base + randomInt(random, 0, 12 * 3600),
    }));
    const route = (v: DayView) =>
      queries.map((q) => {
        const t0 = performance.now();
        raptor({
          tt,
          view: v,
          access: [{ stop: q.from, time: q.time }],
          egress: new Map([[q.to, 0]]),
          maxRounds: 4,
          transferSlack: 60,
          walkSpeed: 1.3,
        });
        return performance.now() - t0;
      });
    route(view);
    route(live);
    // Interleaved so warm-up and GC fall on both sides alike.
    const s1 = route(view);
    const l1 = route(live);
    const scheduled = median([...s1, ...route(view)]);
    const withLive = median([...l1, ...route(live)]);

    console.log('\n== realtime ==');
    console.log(
      `decode + apply TripUpdates for ${TRIPS} trips, median of ${REPEATS}: ${median(applyMs).toFixed(1)} ms (target ≤ 200 ms)`,
    );
    console.log(
      `  applied ${result?.applied.tripUpdates}, unknown ${result?.unknownTrips}, message ${(bytes.length / 1024).toFixed(0)} KiB`,
    );
    console.log(
      `applyOverlayToView (3 service days, ${view.runBase.length} view runs), median: ${median(overlayMs).toFixed(1)} ms`,
    );
    console.log(
      `RAPTOR median, 200 random stop pairs: scheduled view ${scheduled.toFixed(2)} ms, live view ${withLive.toFixed(2)} ms (${((withLive / scheduled - 1) * 100).toFixed(1)} %)`,
    );
  } finally {
    closeServices(services);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runRealtimeBench();
