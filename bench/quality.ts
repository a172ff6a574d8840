/**
 * Issue 12's figures, in one run on Staten Island bus + subway loaded together: `plan` for
 * `numItineraries` 3 and 10 on the same seeded coordinate pairs, `arriveBy` against `departAt` on
 * those pairs, park and ride at 50 seeded lots with varied opening hours and live statuses, and
 * how many plans return the number of itineraries asked, overall and on frequent corridors.
 */
import type { PlanResult } from '../src/planner/itinerary.js';
import { plan } from '../src/planner/plan.js';
import type { AccessMode, PlanQuery } from '../src/planner/query.js';
import { haversineMeters } from '../src/transit/geo.js';
import type { Network } from '../src/transit/network.js';
import { localDayOf, type DayNumber } from '../src/transit/time.js';
import { runDepartureAt, serviceRunsOn } from '../src/transit/timetable.js';
import { odPairs, type OdPair } from './lib/odPairs.js';
import { mulberry32 } from './lib/random.js';
import { progress, Section, type Target } from './lib/report.js';
import { summarize } from './lib/stats.js';
import { HOUR, instantAt } from './lib/time.js';
import type { Workspace } from './lib/workspace.js';
import { carContext, seedFacilities } from './parkRide.js';
import { planQueryOf, runPlanInProcess, type PlanOutcome } from './routing.js';

/** A weekday inside both feeds' validity (subway 2026-05-26..2026-10-31, SI 2026-09-06..2027-01-02). */
const DATE = '2026-10-14';
const PAIRS = 300;
const WARMUP = 30;
const SEED = 0x5eed_0012;
/** `arriveBy` asks to arrive this long after the `departAt` plan's first arrival, seconds. */
const ARRIVE_BY_SLACK_SECONDS = 10 * 60;

/**
 * A "frequent corridor" (issue 12's ≥ 95 % rule): origin and destination each within
 * `FREQUENT_RADIUS_METERS` (straight line) of a stop that some route boards at least every
 * `FREQUENT_HEADWAY_SECONDS` from `DAYTIME.from` to `DAYTIME.to` on DATE (from the compiled
 * timetable), and the plan leaves within DAYTIME.
 */
const FREQUENT_RADIUS_METERS = 400;
const FREQUENT_HEADWAY_SECONDS = 15 * 60;
const DAYTIME = { from: 7 * HOUR, to: 19 * HOUR };

/** Opening hours of the seeded lots, in turn (DATE is a Wednesday: the last one stays closed). */
const OPENING_HOURS = [
  '24/7',
  'Mo-Fr 06:00-20:00',
  'Mo-Sa 08:00-22:00',
  'Mo-Fr 05:00-10:00,16:00-21:00',
  'Mo-Su 06:30-23:30',
  'Sa,Su 07:00-19:00',
];
/** Live statuses reported for lot i by i % 10 (reported now, so fresh); the other lots never report. */
const LIVE_STATUSES: Record<number, { status: 'OPEN' | 'CLOSED' | 'FULL'; free: number }> = {
  0: { status: 'CLOSED', free: 0 },
  1: { status: 'FULL', free: 0 },
  2: { status: 'OPEN', free: 25 },
  3: { status: 'OPEN', free: 3 },
};
const CAR_PARK: ReadonlySet<AccessMode> = new Set(['WALK', 'CAR_PARK']);

const TARGETS = {
  p95With10: { max: 60, label: '≤ 60 ms' },
  arriveByRatio: { max: 1.3, label: '≤ 1.30 ×' },
  frequentShare: { min: 95, label: '≥ 95 %' },
} satisfies Record<string, Target>;

/**
 * Stops where some pattern boards on `day` at least every `headway` seconds from `from` to `to`
 * (seconds of the service day; runs of the day before are not counted): the gaps between
 * `from`, each boarding in between and `to` are all at most `headway`.
 */
function frequentStops(
  net: Network,
  day: DayNumber,
  from: number,
  to: number,
  headway: number,
): number[] {
  const tt = net.tt;
  const boardings = new Map<number, number[]>();
  for (let p = 0; p < tt.patternCount; p++) {
    const start = tt.patternStopStart[p]!;
    const length = tt.patternStopStart[p + 1]! - start;
    for (let r = tt.patternRunStart[p]!; r < tt.patternRunStart[p + 1]!; r++) {
      if (!serviceRunsOn(tt, tt.tripService[tt.runTrip[r]!]!, day)) continue;
      for (let pos = 0; pos < length - 1; pos++) {
        if (tt.patternCanBoard[start + pos] !== 1) continue;
        const t = runDepartureAt(tt, r, pos);
        if (t < from || t > to) continue;
        const stop = tt.patternStops[start + pos]!;
        const list = boardings.get(stop);
        if (list) list.push(t);
        else boardings.set(stop, [t]);
      }
    }
  }
  return [...boardings].flatMap(([stop, times]) => {
    const sorted = [from, ...times.sort((a, b) => a - b), to];
    return sorted.every((t, i) => i === 0 || t - sorted[i - 1]! <= headway) ? [stop] : [];
  });
}

/** Whether a pair is a daytime plan on a frequent corridor (see FREQUENT_RADIUS_METERS). */
function frequentCorridor(net: Network, frequent: readonly number[], pair: OdPair): boolean {
  const tt = net.tt;
  const near = (p: { lat: number; lon: number }) =>
    frequent.some(
      (s) =>
        haversineMeters(p.lat, p.lon, tt.stopLat[s]!, tt.stopLon[s]!) <= FREQUENT_RADIUS_METERS,
    );
  return (
    pair.secondsOfDay >= DAYTIME.from &&
    pair.secondsOfDay <= DAYTIME.to &&
    near(pair.fromPoint) &&
    near(pair.toPoint)
  );
}

/** Percentage of `part` in `whole` (NaN when `whole` is 0). */
function percent(part: number, whole: number): number {
  return whole === 0 ? NaN : (100 * part) / whole;
}

/** Figures for how many plans of `outcomes` return `asked` itineraries, overall and on frequent corridors. */
function addReturnedAsked(
  section: Section,
  asked: number,
  outcomes: readonly PlanOutcome[],
  frequent: readonly boolean[],
): void {
  const full = outcomes.map((o) => o.itineraries >= asked);
  const fullCount = full.filter(Boolean).length;
  const frequentCount = frequent.filter(Boolean).length;
  const frequentFull = full.filter((f, i) => f && frequent[i]).length;
  section.add(
    `plans returning ${asked} itineraries (numItineraries ${asked}), all pairs`,
    percent(fullCount, outcomes.length),
    `% (${fullCount} of ${outcomes.length})`,
  );
  section.add(
    `  daytime plans on frequent corridors (numItineraries ${asked})`,
    percent(frequentFull, frequentCount),
    `% (${frequentFull} of ${frequentCount})`,
    TARGETS.frequentShare,
  );
  const short = new Map<number, number>();
  outcomes.forEach((o, i) => {
    if (frequent[i] && !full[i]) short.set(o.itineraries, (short.get(o.itineraries) ?? 0) + 1);
  });
  if (short.size > 0) {
    const text = [...short]
      .sort((a, b) => a[0] - b[0])
      .map(([n, count]) => `${count} with ${n}`)
      .join(', ');
    section.note(`numItineraries ${asked}, frequent corridors short of it: ${text}`);
  }
}

/** Times `departAt` and `arriveBy` (first arrival + ARRIVE_BY_SLACK_SECONDS) in turn, pair by pair. */
function departAtVsArriveBy(
  net: Network,
  queries: readonly PlanQuery[],
  outcomes: readonly PlanOutcome[],
) {
  const departMs: number[] = [];
  const arriveMs: number[] = [];
  let answered = 0;
  queries.forEach((q, i) => {
    const first = outcomes[i]!.firstArrival;
    if (first === undefined) return;
    const arriveBy: PlanQuery = { ...q, time: first + ARRIVE_BY_SLACK_SECONDS, arriveBy: true };
    let started = performance.now();
    plan(net, q);
    departMs.push(performance.now() - started);
    started = performance.now();
    const result = plan(net, arriveBy);
    arriveMs.push(performance.now() - started);
    if (result.itineraries.some((it) => it.arrival <= arriveBy.time)) answered++;
  });
  return { depart: summarize(departMs), arrive: summarize(arriveMs), answered };
}

/** Reports the live statuses of LIVE_STATUSES for the seeded lots, observed now. */
async function reportLiveStatuses(ws: Workspace, facilityIds: readonly string[]): Promise<void> {
  const observedAtMs = ws.services.clock.nowMs();
  const reports = facilityIds.flatMap((facilityId, i) => {
    const live = LIVE_STATUSES[i % 10];
    return live
      ? [{ facilityId, status: live.status, availableSpaces: live.free, observedAtMs }]
      : [];
  });
  const result = await ws.services.parking.reportAvailability(reports, undefined);
  if (result.accepted !== reports.length)
    throw new Error(`only ${result.accepted} of ${reports.length} live reports accepted`);
}

/** Park-and-ride counts: plans with a CAR_PARK itinerary, at which kind of lot, and any at a CLOSED lot. */
function noteCarPark(
  section: Section,
  results: readonly PlanResult[],
  facilityIds: readonly string[],
): void {
  const lotOf = new Map(facilityIds.map((id, i) => [id, i]));
  let withCarPark = 0;
  let atLimitedHours = 0;
  let atClosed = 0;
  let empty = 0;
  for (const result of results) {
    const parks = result.itineraries.flatMap((it) =>
      it.legs.flatMap((l) => (l.mode === 'PARK' ? [l.parking] : [])),
    );
    if (parks.length > 0) withCarPark++;
    if (result.itineraries.length === 0) empty++;
    for (const p of parks) {
      const i = lotOf.get(p.facilityId) ?? -1;
      if (OPENING_HOURS[i % OPENING_HOURS.length] !== '24/7') atLimitedHours++;
      if (LIVE_STATUSES[i % 10]?.status === 'CLOSED') atClosed++;
    }
  }
  section.add('  plans with a CAR_PARK itinerary', withCarPark, `of ${results.length}`);
  section.add('  plans without any itinerary', empty, `of ${results.length}`);
  section.add('  PARK legs at a lot reported CLOSED (must be 0)', atClosed, 'legs');
  section.note(
    `park and ride: ${atLimitedHours} PARK legs at lots open less than 24/7; lots cycle through ${OPENING_HOURS.map((h) => `'${h}'`).join(', ')}; by i % 10 lots 0 CLOSED, 1 FULL, 2–3 OPEN (fresh reports), others never reported; no parkingUntil (window to closing or end of day)`,
  );
}

/** Runs the section on the workspace (imports SI and subway unless done already). */
export async function runQualityBench(ws: Workspace): Promise<Section> {
  const section = new Section('quality');
  await ws.ensureFeed('si');
  await ws.ensureFeed('subway');
  const net = ws.network;
  if (net.tt.feeds.length !== 2) throw new Error('quality expects SI and subway loaded together');

  const pairs = odPairs(net, ['si', 'subway'], SEED, PAIRS);
  const warmPairs = odPairs(net, ['si', 'subway'], SEED + 100, WARMUP);
  const day = localDayOf(instantAt(DATE, 12 * HOUR), net.primaryTimezone);
  const frequent = frequentStops(net, day, DAYTIME.from, DAYTIME.to, FREQUENT_HEADWAY_SECONDS);
  const onFrequent = pairs.map((p) => frequentCorridor(net, frequent, p));
  section.note(
    `${PAIRS} seeded pairs over both feeds (points ≤ 300 m from a stop, leaving 06:00–22:00 on ${DATE}); ` +
      `frequent corridor: both ends ≤ ${FREQUENT_RADIUS_METERS} m from one of the ${frequent.length} stops boarded at least every ${FREQUENT_HEADWAY_SECONDS / 60} min 07:00–19:00, leaving 07:00–19:00: ${onFrequent.filter(Boolean).length} pairs`,
  );

  const queriesOf = (list: readonly OdPair[], numItineraries: number, extra = {}) =>
    list.map((p) => ({ ...planQueryOf(p, DATE), numItineraries, ...extra }));

  progress(`quality: ${PAIRS} plans with numItineraries 3 and 10…`);
  const three = runPlanInProcess(net, queriesOf(pairs, 3), queriesOf(warmPairs, 3));
  section.latency('SI+subway plan, numItineraries 3, in process', three.summary);
  const ten = runPlanInProcess(net, queriesOf(pairs, 10), queriesOf(warmPairs, 10));
  section.latency('SI+subway plan, numItineraries 10, in process', ten.summary, {
    p95: TARGETS.p95With10,
  });

  progress('quality: arriveBy vs departAt on the same pairs…');
  const warmQueries = queriesOf(warmPairs, 3);
  const warm = runPlanInProcess(net, warmQueries, []);
  departAtVsArriveBy(net, warmQueries, warm.outcomes);
  const vs = departAtVsArriveBy(net, queriesOf(pairs, 3), three.outcomes);
  section.latency(`departAt (numItineraries 3, the ${vs.depart.n} answered pairs)`, vs.depart);
  section.latency(
    `arriveBy first arrival + ${ARRIVE_BY_SLACK_SECONDS / 60} min (same pairs)`,
    vs.arrive,
  );
  section.add(
    'arriveBy / departAt p50 ratio',
    vs.arrive.p50Ms / vs.depart.p50Ms,
    '×',
    TARGETS.arriveByRatio,
  );
  section.add('  arriveBy plans arriving in time', vs.answered, `of ${vs.arrive.n}`);

  progress('quality: park and ride at 50 lots with opening hours and live statuses…');
  const lots = await seedFacilities(
    ws,
    mulberry32(SEED + 200),
    (i) => OPENING_HOURS[i % OPENING_HOURS.length]!,
  );
  await reportLiveStatuses(ws, lots);
  const car = carContext(ws);
  const live = { overlay: ws.services.realtime.snapshot.overlay, nowSec: car.nowSec };
  const parkRide = runPlanInProcess(
    net,
    queriesOf(pairs, 3, { accessModes: CAR_PARK }),
    queriesOf(warmPairs, 3, { accessModes: CAR_PARK }),
    live,
    car,
  );
  section.latency(
    `SI+subway plan [WALK, CAR_PARK], ${lots.length} lots, numItineraries 3`,
    parkRide.summary,
  );
  noteCarPark(section, parkRide.results, lots);

  addReturnedAsked(section, 3, three.outcomes, onFrequent);
  addReturnedAsked(section, 10, ten.outcomes, onFrequent);
  return section;
}
