/**
 * Issue 4's figures on the real Staten Island feed: (i) decode + apply of a TripUpdates message
 * covering 2,000 trips (target ≤ 200 ms, median of 7), and (ii) `plan` latency in process (3
 * itineraries from coordinates, the routing section's 1,000 seeded queries) without realtime and
 * with those 2,000 trips live (target: within 10 %). The live day view is built once by the first
 * plan after the push; that one-time cost is reported on its own and kept out of the samples.
 *
 * Runs on services of its own (SI only, a FixedClock on 2026-12-02 07:00 New York, so that the
 * realtime never expires mid-run), not on the shared workspace. `npm run bench -- --only realtime`,
 * or standalone: `tsx bench/realtime.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { FixedClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { closeServices, createServices } from '../src/createServices.js';
import { isTransitLeg, type Itinerary } from '../src/planner/itinerary.js';
import type { Live } from '../src/planner/liveView.js';
import { liveViewAt } from '../src/planner/liveView.js';
import { plan } from '../src/planner/plan.js';
import { raptor } from '../src/planner/raptor.js';
import { walkableStops } from '../src/planner/access.js';
import { PLAN_DEFAULTS, type PlanQuery } from '../src/planner/query.js';
import { decodeFeedMessage } from '../src/realtime/decode.js';
import type { DayView } from '../src/transit/dayView.js';
import type { Network } from '../src/transit/network.js';
import { applyOverlayToView, patternOfRun } from '../src/transit/realtimeOverlay.js';
import { formatDay, localDayOf, serviceDayStart } from '../src/transit/time.js';
import { serviceRunsOn } from '../src/transit/timetable.js';
import { mulberry32, randomInt, type Random } from './lib/random.js';
import { odPairs } from './lib/odPairs.js';
import { progress, Section } from './lib/report.js';
import { median, summarize } from './lib/stats.js';
import { HOUR, instantAt } from './lib/time.js';
import { FEED_ZIPS, type Workspace } from './lib/workspace.js';

const rt = GtfsRealtimeBindings.transit_realtime;
type FeedEntity = GtfsRealtimeBindings.transit_realtime.IFeedEntity;
type StopTimeUpdate = GtfsRealtimeBindings.transit_realtime.TripUpdate.IStopTimeUpdate;

/** The routing section's plan date, a weekday inside the SI feed. */
const DATE = '2026-12-02';
/** The clock: 07:00 New York on DATE. */
const NOW_SEC = instantAt(DATE, 7 * HOUR);
const TRIPS = 2_000;
const APPLY_REPEATS = 9;
const VIEW_REPEATS = 5;
/** bench/routing.ts's plan questions: same seed, count, warm-up and offsets. */
const PAIRS = 1_000;
const WARMUP = 100;
const SEED = 0x5eed_0003;

const TARGETS = {
  apply: { max: 200, label: '≤ 200 ms' },
  ratio: { max: 1.1, label: '≤ 1.10 (within 10 %)' },
};

// ---- the plan questions (bench/routing.ts's seeded pairs) ---------------------------------------

/** `count` plan queries from points near a boardable stop to points near an alightable one, 06:00–22:00. */
function planQueries(net: Network, seed: number, count: number): PlanQuery[] {
  return odPairs(net, ['si'], seed, count).map((p) => ({
    ...PLAN_DEFAULTS,
    from: p.fromPoint,
    to: p.toPoint,
    time: instantAt(DATE, p.secondsOfDay),
    arriveBy: false,
  }));
}

// ---- the TripUpdates message -----------------------------------------------------------------

/** What the message holds, for the notes. */
interface MessageMix {
  trips: number;
  cancelled: number;
  skipped: number;
  stopTimeUpdates: number;
}

/** The first run of each of `TRIPS` trips of DATE's service day, spread evenly over the day by first departure. */
function tripsOfTheDay(net: Network): number[] {
  const tt = net.tt;
  const day = localDayOf(NOW_SEC, net.primaryTimezone);
  const runs: number[] = [];
  const seen = new Set<number>();
  for (let r = 0; r < tt.runTrip.length; r++) {
    const trip = tt.runTrip[r]!;
    if (seen.has(trip) || !serviceRunsOn(tt, tt.tripService[trip]!, day)) continue;
    seen.add(trip);
    runs.push(r);
  }
  if (runs.length < TRIPS) throw new Error(`only ${runs.length} trips run on ${DATE}`);
  runs.sort(
    (a, b) => tt.runDeparture[tt.runTimeStart[a]!]! - tt.runDeparture[tt.runTimeStart[b]!]!,
  );
  return Array.from({ length: TRIPS }, (_, i) => runs[Math.floor((i * runs.length) / TRIPS)]!);
}

function encode(entity: FeedEntity[]): Uint8Array {
  return rt.FeedMessage.encode(
    rt.FeedMessage.create({
      header: {
        gtfsRealtimeVersion: '2.0',
        timestamp: NOW_SEC,
        incrementality: rt.FeedHeader.Incrementality.FULL_DATASET,
      },
      entity,
    }),
  ).finish();
}

/**
 * A FULL_DATASET TripUpdates message for the `TRIPS` trips. As the MTA's bus feed does, each trip
 * carries a prediction (an absolute time, by stop_id) for every stop from a random position to
 * its end, the delay drifting between -1 and +10 min; about 2 % of the trips are cancelled and
 * 2 % skip one stop.
 */
function fullPredictions(
  net: Network,
  runs: readonly number[],
  random: Random,
): { bytes: Uint8Array; mix: MessageMix } {
  const tt = net.tt;
  const day = localDayOf(NOW_SEC, net.primaryTimezone);
  const dayStart = serviceDayStart(net.primaryTimezone, day);
  const startDate = formatDay(day).replaceAll('-', '');
  const mix: MessageMix = { trips: 0, cancelled: 0, skipped: 0, stopTimeUpdates: 0 };
  const entity: FeedEntity[] = [];
  runs.forEach((run, i) => {
    const tripId = tt.tripIds[tt.runTrip[run]!]!.slice('si:'.length);
    const p = patternOfRun(tt, run);
    const first = tt.patternStopStart[p]!;
    const n = tt.patternStopStart[p + 1]! - first;
    const times = tt.runTimeStart[run]!;
    mix.trips++;
    const kind = random();
    if (kind < 0.02) {
      mix.cancelled++;
      const scheduleRelationship = rt.TripDescriptor.ScheduleRelationship.CANCELED;
      entity.push({
        id: String(i),
        tripUpdate: { trip: { tripId, startDate, scheduleRelationship } },
      });
      return;
    }
    const from = randomInt(random, 0, n - 2);
    const skip = kind < 0.04 ? randomInt(random, from, n - 1) : -1;
    if (skip >= 0) mix.skipped++;
    let delay = randomInt(random, -60, 600);
    const stopTimeUpdate: StopTimeUpdate[] = [];
    for (let k = from; k < n; k++) {
      delay = Math.max(-60, Math.min(600, delay + randomInt(random, -15, 20)));
      const stopId = tt.stopIds[tt.patternStops[first + k]!]!.slice('si:'.length);
      if (k === skip) {
        const scheduleRelationship = rt.TripUpdate.StopTimeUpdate.ScheduleRelationship.SKIPPED;
        stopTimeUpdate.push({ stopId, scheduleRelationship });
        continue;
      }
      stopTimeUpdate.push({
        stopId,
        arrival: { time: dayStart + tt.runArrival[times + k]! + delay },
        departure: { time: dayStart + tt.runDeparture[times + k]! + delay },
      });
    }
    mix.stopTimeUpdates += stopTimeUpdate.length;
    entity.push({ id: String(i), tripUpdate: { trip: { tripId, startDate }, stopTimeUpdate } });
  });
  return { bytes: encode(entity), mix };
}

/** The light form: one stop_time_update per trip, a delay at its middle stop (1–10 min). */
function oneDelayEach(net: Network, runs: readonly number[]): Uint8Array {
  const tt = net.tt;
  const startDate = formatDay(localDayOf(NOW_SEC, net.primaryTimezone)).replaceAll('-', '');
  return encode(
    runs.map((run, i) => {
      const p = patternOfRun(tt, run);
      const n = tt.patternStopStart[p + 1]! - tt.patternStopStart[p]!;
      const stop = tt.patternStops[tt.patternStopStart[p]! + Math.floor(n / 2)]!;
      return {
        id: String(i),
        tripUpdate: {
          trip: { tripId: tt.tripIds[tt.runTrip[run]!]!.slice('si:'.length), startDate },
          stopTimeUpdate: [
            {
              stopId: tt.stopIds[stop]!.slice('si:'.length),
              departure: { delay: 60 * (1 + (i % 10)) },
            },
          ],
        },
      };
    }),
  );
}

/** The same trips all on time (delay 0 from their first stop): live data that changes nothing. */
function allOnTime(net: Network, runs: readonly number[]): Uint8Array {
  const tt = net.tt;
  const startDate = formatDay(localDayOf(NOW_SEC, net.primaryTimezone)).replaceAll('-', '');
  return encode(
    runs.map((run, i) => ({
      id: String(i),
      tripUpdate: {
        trip: { tripId: tt.tripIds[tt.runTrip[run]!]!.slice('si:'.length), startDate },
        stopTimeUpdate: [{ stopId: firstStopId(net, run), departure: { delay: 0 } }],
      },
    })),
  );
}

function firstStopId(net: Network, run: number): string {
  const tt = net.tt;
  return tt.stopIds[tt.patternStops[tt.patternStopStart[patternOfRun(tt, run)]!]!]!.slice(
    'si:'.length,
  );
}

// ---- timing --------------------------------------------------------------------------------

/** Wall and CPU milliseconds of one call (CPU time is what a busy, shared machine distorts least). */
interface Sample {
  wallMs: number;
  cpuMs: number;
}

function timed<T>(fn: () => T): Sample & { value: T } {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** First arrival of a plan and whether it rides a run with live data, to compare the two modes. */
interface Outcome {
  firstArrival: number | undefined;
  ridesLive: boolean;
}

const outcomeOf = (its: readonly Itinerary[]): Outcome => ({
  firstArrival: its[0]?.arrival,
  ridesLive: its.some((it) => it.legs.some((l) => isTransitLeg(l) && l.realtime)),
});

/**
 * Plans every query without realtime and with `live`, interleaved (which goes first alternates),
 * after a warm-up of both on other questions.
 */
function comparePlans(
  net: Network,
  queries: readonly PlanQuery[],
  warmup: readonly PlanQuery[],
  live: Live,
) {
  for (const q of warmup) {
    plan(net, q);
    plan(net, q, live);
  }
  const scheduled: Sample[] = [];
  const withLive: Sample[] = [];
  const scheduledOut: Outcome[] = [];
  const liveOut: Outcome[] = [];
  queries.forEach((q, i) => {
    const runScheduled = () => {
      const t = timed(() => plan(net, q));
      scheduled.push(t);
      scheduledOut.push(outcomeOf(t.value.itineraries));
    };
    const runLive = () => {
      const t = timed(() => plan(net, q, live));
      withLive.push(t);
      liveOut.push(outcomeOf(t.value.itineraries));
    };
    if (i % 2 === 0) {
      runScheduled();
      runLive();
    } else {
      runLive();
      runScheduled();
    }
  });
  const wall = (xs: Sample[]) => summarize(xs.map((x) => x.wallMs));
  const cpu = (xs: Sample[]) => summarize(xs.map((x) => x.cpuMs));
  return {
    scheduled: wall(scheduled),
    live: wall(withLive),
    scheduledCpu: cpu(scheduled),
    liveCpu: cpu(withLive),
    ridesLive: liveOut.filter((o) => o.ridesLive).length,
    differ: liveOut.filter((o, i) => o.firstArrival !== scheduledOut[i]!.firstArrival).length,
  };
}

// ---- the section ---------------------------------------------------------------------------

/**
 * Runs the realtime section on services of its own (the workspace's settings when given, so that
 * SI compiles as in the routing section) and returns its figures.
 */
export async function runRealtimeBench(ws?: Workspace): Promise<Section> {
  const section = new Section('realtime');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maas-bench-rt-'));
  const clock = new FixedClock(NOW_SEC * 1000);
  const services = createServices(
    { ...(ws?.config ?? loadConfig({})), dataDir, logLevel: 'silent', loadSample: false },
    clock,
  );
  try {
    progress('realtime: importing SI through FeedService (own services, fixed clock)…');
    const importStarted = performance.now();
    await services.feeds.importFeed('si', FEED_ZIPS.si);
    section.note(
      `SI import for this section: ${((performance.now() - importStarted) / 1000).toFixed(1)} s (not a figure)`,
    );
    const net = services.feeds.network!;
    // Scheduled day views first, so that nothing below times their build.
    net.viewAt(NOW_SEC);
    net.viewAt(instantAt(DATE, 36 * HOUR));
    const runs = tripsOfTheDay(net);
    const queries = planQueries(net, SEED, PAIRS);
    const warmup = planQueries(net, SEED + 100, WARMUP);
    // Warm the planner up on the schedule, so that the first plan after the push is not also
    // the process's first plan.
    for (const q of warmup) plan(net, q);

    // (i) decode + apply.
    progress(`realtime: decode + apply TripUpdates for ${TRIPS} trips…`);
    const push = (bytes: Uint8Array) =>
      timed(() => {
        const result = services.realtime.apply('si', decodeFeedMessage(bytes, NOW_SEC));
        if (
          result.applied.tripUpdates !== TRIPS ||
          services.realtime.snapshot.overlay.runs.size !== TRIPS
        )
          throw new Error(`not every trip was applied: ${JSON.stringify(result)}`);
      });
    const repeat = (bytes: Uint8Array) => Array.from({ length: APPLY_REPEATS }, () => push(bytes));
    const medianOf = (xs: Sample[], key: keyof Sample) => median(xs.map((x) => x[key]));

    // The on-time control goes first: it only serves the last comparison.
    const onTime = allOnTime(net, runs);
    push(onTime);
    const onTimeOverlay = services.realtime.snapshot.overlay;

    const light = oneDelayEach(net, runs);
    const lightRuns = repeat(light);
    const { bytes, mix } = fullPredictions(net, runs, mulberry32(SEED + 4));
    const fullRuns = repeat(bytes);
    const decodeRuns = Array.from({ length: APPLY_REPEATS }, () =>
      timed(() => decodeFeedMessage(bytes, NOW_SEC)),
    );
    section.add(
      `decode + apply TripUpdates, ${TRIPS} trips, every stop ahead predicted, median of ${APPLY_REPEATS}`,
      medianOf(fullRuns, 'wallMs'),
      'ms',
      TARGETS.apply,
    );
    section.add('  same, CPU time', medianOf(fullRuns, 'cpuMs'), 'ms', TARGETS.apply);
    section.add(
      '  of which decode (protobuf → plain objects), median',
      medianOf(decodeRuns, 'wallMs'),
      'ms',
    );
    section.add('  first apply of that message', fullRuns[0]!.wallMs, 'ms');
    section.add(
      `decode + apply TripUpdates, ${TRIPS} trips, one delay each, median of ${APPLY_REPEATS}`,
      medianOf(lightRuns, 'wallMs'),
      'ms',
      TARGETS.apply,
    );
    section.note(
      `full message: ${(bytes.length / 1024).toFixed(0)} KiB, ${mix.trips} trips (${mix.cancelled} cancelled, ${mix.skipped} with a skipped stop), ${mix.stopTimeUpdates} stop_time_updates by stop_id with absolute times; light message: ${(light.length / 1024).toFixed(0)} KiB; every trip matched in both`,
    );

    // (ii) plan latency with the full message loaded.
    const overlay = services.realtime.snapshot.overlay;
    const live: Live = { overlay, nowSec: NOW_SEC };
    progress('realtime: first plan after the push (builds the live day view)…');
    section.add(
      'first plan after the push (builds the live day view)',
      timed(() => plan(net, queries[0]!, live)).wallMs,
      'ms',
    );
    section.add(
      '  the same plan again (live view cached)',
      timed(() => plan(net, queries[0]!, live)).wallMs,
      'ms',
    );
    // Queries start 06:00–22:00; later searches may reach the next day: build that live view too.
    const nextDay = timed(() => liveViewAt(net, instantAt(DATE, 36 * HOUR), live));
    const view = net.viewAt(NOW_SEC);
    const viewRuns = Array.from({ length: VIEW_REPEATS }, () =>
      timed(() => applyOverlayToView(view, overlay, net.tt, NOW_SEC)),
    );
    section.add(
      `  live day view alone (applyOverlayToView, ${view.runBase.length} runs over 3 service days), median of ${VIEW_REPEATS}`,
      medianOf(viewRuns, 'wallMs'),
      'ms',
    );
    const liveView = liveViewAt(net, NOW_SEC, live);
    section.note(
      `the next day's live view was built before timing too (${nextDay.wallMs.toFixed(0)} ms); none is built inside the samples`,
    );
    section.note(
      `live day view: ${liveView.subRunStart.length - 1} FIFO subs against ${view.subRunStart.length - 1} scheduled (a delayed run that overtakes or is overtaken needs a sub of its own, and RAPTOR scans every sub)`,
    );

    progress(`realtime: ${PAIRS} plans without and with realtime, interleaved…`);
    const main = comparePlans(net, queries, warmup, live);
    section.latency('SI plan, 3 itineraries from coordinates, no realtime', main.scheduled);
    section.latency(`SI plan, same queries, ${TRIPS} trips live`, main.live);
    section.add(
      'plan p50 ratio live / no realtime',
      main.live.p50Ms / main.scheduled.p50Ms,
      '×',
      TARGETS.ratio,
    );
    section.add(
      'plan p95 ratio live / no realtime',
      main.live.p95Ms / main.scheduled.p95Ms,
      '×',
      TARGETS.ratio,
    );
    section.add('  p50 ratio in CPU time', main.liveCpu.p50Ms / main.scheduledCpu.p50Ms, '×');
    section.add('  p95 ratio in CPU time', main.liveCpu.p95Ms / main.scheduledCpu.p95Ms, '×');
    section.note(
      `with realtime: ${main.ridesLive} of ${PAIRS} plans ride at least one live run; ${main.differ} first arrivals differ from the schedule's`,
    );

    // Where the difference comes from: one RAPTOR search per query on each view, same inputs.
    const searches = queries.map((q) => {
      const ends = (place: PlanQuery['from']) =>
        walkableStops(net, place, q.maxWalkMeters, q.walkSpeed);
      const t = q.time - view.base;
      return {
        access: ends(q.from).map((w) => ({ stop: w.stop, time: t + w.seconds })),
        egress: new Map(ends(q.to).map((w) => [w.stop, w.seconds])),
      };
    });
    const search = (v: DayView, i: number) =>
      timed(() =>
        raptor({
          tt: net.tt,
          view: v,
          ...searches[i]!,
          maxRounds: PLAN_DEFAULTS.maxTransfers + 1,
          transferSlack: PLAN_DEFAULTS.transferSlack,
          walkSpeed: PLAN_DEFAULTS.walkSpeed,
        }),
      ).wallMs;
    const raptorScheduled: number[] = [];
    const raptorLive: number[] = [];
    searches.forEach((_, i) => {
      if (i % 2 === 0) {
        raptorScheduled.push(search(view, i));
        raptorLive.push(search(liveView, i));
      } else {
        raptorLive.push(search(liveView, i));
        raptorScheduled.push(search(view, i));
      }
    });
    section.add(
      '  one RAPTOR search per query (same access and egress), p50 ratio live view / scheduled view',
      median(raptorLive) / median(raptorScheduled),
      '×',
    );

    // Control: the same trips live but all on time, so answers and subs stay the schedule's.
    progress('realtime: control, the same trips live and on time…');
    const onTimeLive: Live = { overlay: onTimeOverlay, nowSec: NOW_SEC };
    liveViewAt(net, NOW_SEC, onTimeLive);
    liveViewAt(net, instantAt(DATE, 36 * HOUR), onTimeLive);
    const control = comparePlans(net, queries, [], onTimeLive);
    section.add(
      'control: p50 ratio with the same trips live but on time (the live path alone)',
      control.live.p50Ms / control.scheduled.p50Ms,
      '×',
    );
    section.note(
      `control: ${control.differ} first arrivals differ (expected 0); its live view has ${liveViewAt(net, NOW_SEC, onTimeLive).subRunStart.length - 1} subs`,
    );
  } finally {
    await closeServices(services);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return section;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) (await runRealtimeBench()).print();
