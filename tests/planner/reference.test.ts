import { DateTime } from 'luxon';
import { mulberry32 } from '../helpers/prng.js';
import { isTransitLeg } from '../../src/planner/itinerary.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeedSource } from '../../src/gtfs/readFeedSource.js';
import { walkableStops } from '../../src/planner/access.js';
import type { Itinerary } from '../../src/planner/itinerary.js';
import { plan, searchDepartAt } from '../../src/planner/plan.js';
import { visitsTwice } from '../../src/planner/filters.js';
import { PLAN_DEFAULTS, type PlacePoint, type PlanQuery } from '../../src/planner/query.js';
import { compileTimetable } from '../../src/transit/compile.js';
import { Network } from '../../src/transit/network.js';
import type { FeedSource } from '../../src/transit/source.js';
import { Reference } from '../helpers/reference.js';
import { refQueryOf } from './compare.js';
import { HAVE_FEEDS, SI_ZIP, SUBWAY_ZIP } from './realFeeds.js';
import { importedFeedFile } from '../helpers/feedCache.js';

/**
 * The router against the brute-force reference (tests/helpers/reference.ts) on the real Staten
 * Island bus and subway feeds: hundreds of seeded random queries, each of whose earliest arrival
 * must be the reference's, and a walk through every leg of every itinerary of random plans,
 * checked against the raw feed.
 */

const SKIP_MESSAGE =
  'SKIPPED: ../shared/feeds (nyc-staten-island-bus.zip, nyc-subway.zip) not found';
const WALK_CIRCUITY = 1.25;
const MAX_TRANSFER_METERS = 400;

interface World {
  sources: FeedSource[];
  net: Network;
  ref: Reference;
  /** Stops a rider may name: served platforms, and stations with a served platform. */
  places: number[];
  /** 00:00 local of the test date, Unix seconds. */
  midnight: number;
}

/** Starts the node-gtfs imports as soon as the file loads, so both run in parallel. */
const sqlite = HAVE_FEEDS
  ? { si: importedFeedFile(SI_ZIP), subway: importedFeedFile(SUBWAY_ZIP) }
  : undefined;
// Failures surface where each import is awaited.
if (sqlite) for (const p of Object.values(sqlite)) p.catch(() => undefined);

function buildWorld(sources: FeedSource[], date: string): World {
  const tt = compileTimetable(sources, {
    walkCircuity: WALK_CIRCUITY,
    maxTransferMeters: MAX_TRANSFER_METERS,
  });
  const net = new Network(tt);
  const ref = new Reference(sources, {
    walkCircuity: WALK_CIRCUITY,
    maxTransferMeters: MAX_TRANSFER_METERS,
  });
  const served = (s: number) => tt.stopPatternStart[s + 1]! > tt.stopPatternStart[s]!;
  const places: number[] = [];
  for (let s = 0; s < tt.stopCount; s++) {
    const kids = tt.stationChildren.subarray(tt.stationChildStart[s], tt.stationChildStart[s + 1]);
    if (served(s) || Array.from(kids).some(served)) places.push(s);
  }
  const midnight = DateTime.fromISO(`${date}T00:00`, { zone: net.primaryTimezone }).toSeconds();
  return { sources, net, ref, places, midnight };
}

/** A random instant between 06:00 and 22:00 of the world's date. */
function randomTime(w: World, rnd: () => number): number {
  return w.midnight + 6 * 3600 + Math.floor(rnd() * 16 * 3600);
}

function stopPoint(w: World, s: number): PlacePoint {
  return { lat: w.net.tt.stopLat[s]!, lon: w.net.tt.stopLon[s]!, stop: s };
}

/** A random point up to 800 m from a random stop, so that walks to one or more stops are likely. */
function randomPoint(w: World, rnd: () => number): PlacePoint {
  const s = w.places[Math.floor(rnd() * w.places.length)]!;
  const meters = rnd() * 800;
  const angle = rnd() * 2 * Math.PI;
  const lat = w.net.tt.stopLat[s]! + (meters * Math.cos(angle)) / 111_195;
  const lon =
    w.net.tt.stopLon[s]! + (meters * Math.sin(angle)) / (111_195 * Math.cos((lat * Math.PI) / 180));
  return { lat, lon };
}

function randomStopPair(w: World, rnd: () => number): [number, number] {
  for (;;) {
    const a = w.places[Math.floor(rnd() * w.places.length)]!;
    const b = w.places[Math.floor(rnd() * w.places.length)]!;
    if (a !== b) return [a, b];
  }
}

function query(
  from: PlacePoint,
  to: PlacePoint,
  time: number,
  extra: Partial<PlanQuery> = {},
): PlanQuery {
  return { ...PLAN_DEFAULTS, from, to, time, arriveBy: false, numItineraries: 1, ...extra };
}

function iso(w: World, t: number | undefined): string {
  return t === undefined
    ? 'none'
    : DateTime.fromSeconds(t, { zone: w.net.primaryTimezone }).toISO()!;
}

function describeQuery(w: World, q: PlanQuery): string {
  const place = (p: PlacePoint) =>
    p.stop !== undefined ? w.net.tt.stopIds[p.stop]! : `(${p.lat.toFixed(6)}, ${p.lon.toFixed(6)})`;
  return `${place(q.from)} → ${place(q.to)} at ${iso(w, q.time)} (maxWalk ${q.maxWalkMeters}, maxTransfers ${q.maxTransfers})`;
}

/** Router earliest arrival (plan) vs reference for each query; returns the mismatches, described. */
function compareEarliest(w: World, queries: PlanQuery[], refMaxTransfers?: number): string[] {
  const mismatches: string[] = [];
  for (const q of queries) {
    const router = plan(w.net, q).itineraries[0]?.arrival;
    const rq = refQueryOf(w.net.tt, q);
    const ref = w.ref.earliestArrival(
      refMaxTransfers === undefined ? rq : { ...rq, maxTransfers: refMaxTransfers },
    );
    if (loopsOnly(w, q)) {
      // DESIGN.md §4 never returns an itinerary that visits a stop twice or rides away and back:
      // when the search's earliest way does, the plan may only arrive later.
      exempt.loops++;
      if (router !== undefined && ref.arrival !== undefined && router < ref.arrival)
        mismatches.push(`${describeQuery(w, q)}: router ${iso(w, router)} before the reference`);
      continue;
    }
    if (router !== ref.arrival) {
      mismatches.push(
        `${describeQuery(w, q)}: router ${iso(w, router)}, reference ${iso(w, ref.arrival)}`,
      );
    }
  }
  return mismatches;
}

/** Queries whose earliest way the planner's filters refuse (it visits a stop twice). */
const exempt = { loops: 0 };
afterAll(() => {
  console.log(`reference: ${exempt.loops} queries whose earliest way visits a stop twice`);
});

function endpointsOf(w: World, q: PlanQuery) {
  return {
    access: new Map(
      walkableStops(w.net, q.from, q.maxWalkMeters, q.walkSpeed).map((s) => [s.stop, s]),
    ),
    egress: new Map(
      walkableStops(w.net, q.to, q.maxWalkMeters, q.walkSpeed).map((s) => [s.stop, s]),
    ),
  };
}

/** True when every way of one search from `q.time` (that arrives by `deadline`) visits a stop twice. */
function loopsOnly(w: World, q: PlanQuery, deadline = Infinity): boolean {
  const ways = searchDepartAt(w.net, q, endpointsOf(w, q), q.time).filter(
    (it) => it.arrival <= deadline,
  );
  const earliest = ways.sort((a, b) => a.arrival - b.arrival)[0];
  return earliest !== undefined && visitsTwice(w.net, earliest);
}

/**
 * One RAPTOR search (no later departures, no direct walk) vs the reference per number of
 * vehicles: the router's itineraries must be exactly the reference's Pareto front over
 * (arrival, transfers).
 */
function compareParetoFront(w: World, q: PlanQuery): string | undefined {
  const ends = {
    access: new Map(
      walkableStops(w.net, q.from, q.maxWalkMeters, q.walkSpeed).map((s) => [s.stop, s]),
    ),
    egress: new Map(
      walkableStops(w.net, q.to, q.maxWalkMeters, q.walkSpeed).map((s) => [s.stop, s]),
    ),
  };
  const its = searchDepartAt(w.net, q, ends, q.time);
  const router = its.map((it) => `${it.transfers}:${iso(w, it.arrival)}`);
  const ref = w.ref.earliestArrival(refQueryOf(w.net.tt, q));
  const front: string[] = [];
  let best = Infinity;
  ref.byVehicles.forEach((arrival, k) => {
    if (arrival !== undefined && arrival < best) {
      best = arrival;
      front.push(`${k - 1}:${iso(w, arrival)}`);
    }
  });
  const same = router.length === front.length && router.every((x, i) => x === front[i]);
  return same
    ? undefined
    : `${describeQuery(w, q)}: router [${router.join(', ')}], reference [${front.join(', ')}]`;
}

/** Checks every leg of an itinerary against the raw feed; returns the problems found. */
function checkItinerary(w: World, q: PlanQuery, it: Itinerary): string[] {
  const tt = w.net.tt;
  const ref = w.ref;
  const problems: string[] = [];
  const fail = (text: string) => problems.push(text);
  const legs = it.legs;
  if (legs.length === 0) return ['no legs'];
  if (it.departure !== legs[0]!.departure) fail('itinerary departure ≠ first leg departure');
  if (it.arrival !== legs[legs.length - 1]!.arrival) fail('itinerary arrival ≠ last leg arrival');
  if (it.departure < q.time) fail(`leaves at ${iso(w, it.departure)}, before the query time`);
  const transit = legs.filter(isTransitLeg);
  if (it.transfers !== Math.max(0, transit.length - 1))
    fail(`transfers ${it.transfers} for ${transit.length} rides`);
  if (it.transfers > q.maxTransfers) fail(`${it.transfers} transfers > maxTransfers`);
  const walkSum = legs.reduce((sum, l) => sum + (l.mode === 'WALK' ? l.distanceMeters : 0), 0);
  if (it.walkMeters !== walkSum) fail(`walkMeters ${it.walkMeters} ≠ sum of walks ${walkSum}`);

  legs.forEach((leg, i) => {
    const where = `leg ${i} (${leg.mode})`;
    if (leg.arrival < leg.departure) fail(`${where} arrives before it leaves`);
    const next = legs[i + 1];
    if (next && next.departure < leg.arrival) fail(`${where} ends after leg ${i + 1} starts`);
    if (next && leg.mode === 'WALK' && next.mode === 'WALK')
      fail(`${where} and the next are both walks`);

    if (!isTransitLeg(leg)) {
      const meters = ref.walkMeters(leg.from.lat, leg.from.lon, leg.to.lat, leg.to.lon);
      if (leg.distanceMeters !== meters)
        fail(`${where} is ${leg.distanceMeters} m, the walk is ${meters} m`);
      const prev = legs[i - 1];
      const between =
        prev !== undefined && prev.mode !== 'WALK' && next !== undefined && next.mode !== 'WALK';
      if (between) {
        const foot = ref.footpathSeconds(
          tt.stopIds[leg.from.stop!]!,
          tt.stopIds[leg.to.stop!]!,
          q.walkSpeed,
        );
        if (foot === undefined)
          fail(`${where}: no footpath ${tt.stopIds[leg.from.stop!]} → ${tt.stopIds[leg.to.stop!]}`);
        else if (leg.arrival - leg.departure !== foot)
          fail(`${where} takes ${leg.arrival - leg.departure} s, footpath ${foot} s`);
        if (next.departure < leg.arrival + q.transferSlack)
          fail(`${where}: next ride leaves before walk + slack`);
      } else {
        if (meters > q.maxWalkMeters) fail(`${where}: ${meters} m > maxWalkMeters`);
        const seconds = Math.ceil(meters / q.walkSpeed);
        if (leg.arrival - leg.departure !== seconds)
          fail(`${where} takes ${leg.arrival - leg.departure} s, not ${seconds} s`);
      }
      return;
    }

    // A ride: the trip runs on its service day and calls at these stops at these times.
    const tripId = tt.tripIds[leg.trip]!;
    const trip = ref.trips.get(tripId);
    const date = DateTime.fromMillis(leg.serviceDay * 86_400_000, { zone: 'UTC' }).toFormat(
      'yyyyMMdd',
    );
    if (!trip) {
      fail(`${where}: unknown trip ${tripId}`);
      return;
    }
    if (!ref.runsOn(tripId, date)) fail(`${where}: ${tripId} does not run on ${date}`);
    if (trip.stopIds[leg.boardPos] !== tt.stopIds[leg.from.stop!])
      fail(`${where}: boards at a stop the trip does not call at there`);
    if (trip.stopIds[leg.alightPos] !== tt.stopIds[leg.to.stop!])
      fail(`${where}: alights at a stop the trip does not call at there`);
    if (leg.boardPos >= leg.alightPos)
      fail(`${where}: boards at ${leg.boardPos}, alights at ${leg.alightPos}`);
    if (trip.canBoard[leg.boardPos] !== 1) fail(`${where}: pickup_type 1 at the boarding stop`);
    if (trip.canAlight[leg.alightPos] !== 1)
      fail(`${where}: drop_off_type 1 at the alighting stop`);
    const offset = ref
      .runOffsets(tripId, date)
      .find(
        (o) =>
          trip.departure[leg.boardPos]! + o === leg.departure &&
          trip.arrival[leg.alightPos]! + o === leg.arrival,
      );
    if (offset === undefined) {
      fail(
        `${where}: ${tripId} on ${date} has no run leaving ${iso(w, leg.departure)} and arriving ${iso(w, leg.arrival)}`,
      );
    } else {
      const expected = [];
      for (let pos = leg.boardPos + 1; pos < leg.alightPos; pos++) {
        expected.push(
          `${trip.stopIds[pos]}@${trip.arrival[pos]! + offset}/${trip.departure[pos]! + offset}`,
        );
      }
      const got = leg.intermediateStops.map(
        (s) => `${tt.stopIds[s.stop]}@${s.arrival}/${s.departure}`,
      );
      if (expected.join() !== got.join())
        fail(`${where}: intermediate stops differ from the trip's`);
    }

    // A change straight from the previous ride (no walk leg): staying at the stop.
    const prev = legs[i - 1];
    if (prev && prev.mode !== 'WALK') {
      const a = tt.stopIds[prev.to.stop!]!;
      const b = tt.stopIds[leg.from.stop!]!;
      const foot = a === b ? ref.footpathSeconds(a, b, q.walkSpeed) : undefined;
      if (foot === undefined) fail(`${where}: changes ${a} → ${b} without a footpath`);
      else if (leg.departure < prev.arrival + foot + q.transferSlack) {
        fail(
          `${where}: leaves ${leg.departure - prev.arrival} s after the previous ride arrives; needs ${foot} + ${q.transferSlack} s`,
        );
      }
    }
    // A ride without a walk before or after it starts or ends at the stop asked for (or 0 m from it).
    const atPlace = (place: PlacePoint, stop: number) =>
      place.stop !== undefined &&
      (stop === place.stop ||
        tt.stopParent[stop] === place.stop ||
        ref.walkMeters(place.lat, place.lon, tt.stopLat[stop]!, tt.stopLon[stop]!) === 0);
    if (i === 0 && !atPlace(q.from, leg.from.stop!))
      fail(`${where}: boards away from the origin without walking`);
    if (!next && !atPlace(q.to, leg.to.stop!))
      fail(`${where}: alights away from the destination without walking`);
  });
  return problems;
}

/** How many queries of each kind a suite asks. */
interface Counts {
  /** Stop-to-stop earliest arrival, 06:00–22:00. */
  stops: number;
  /** Stop-to-stop earliest arrival, 22:00–03:00 (across midnight). */
  night: number;
  /** Between coordinates, with walking. */
  points: number;
  /** Pareto fronts of single searches. */
  pareto: number;
  /** maxTransfers 10 against an unlimited reference. */
  unlimited: number;
  arriveBy: number;
  /** Plans whose itineraries are walked leg by leg. */
  plans: number;
}

/** Lets the test runner's messages through during long synchronous loops. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `check` on `count` items made by `make`, yielding now and then; returns the problems. */
async function collect<T>(
  count: number,
  make: () => T,
  check: (item: T) => string[],
): Promise<string[]> {
  const problems: string[] = [];
  for (let i = 0; i < count; i++) {
    problems.push(...check(make()));
    if (i % 10 === 9) await breathe();
  }
  return problems;
}

function report(problems: string[], of: number): string {
  return `${problems.length} problems in ${of} queries:\n${problems.slice(0, 20).join('\n')}`;
}

/** The shared body of each network's tests. */
function referenceSuite(
  load: () => Promise<World>,
  seed: number,
  counts: Counts,
  pair: (w: World, rnd: () => number) => [number, number] = randomStopPair,
) {
  let w: World;
  beforeAll(async () => {
    w = await load();
  }, 300_000);

  const stopQuery = (rnd: () => number, time: number, extra: Partial<PlanQuery> = {}) => {
    const [a, b] = pair(w, rnd);
    return query(stopPoint(w, a), stopPoint(w, b), time, { maxWalkMeters: 0, ...extra });
  };

  it(`earliest arrival equals the reference on ${counts.stops} random stop-to-stop queries, 06:00–22:00`, async () => {
    const rnd = mulberry32(seed);
    const problems = await collect(
      counts.stops,
      () => stopQuery(rnd, randomTime(w, rnd)),
      (q) => compareEarliest(w, [q]),
    );
    expect(problems, report(problems, counts.stops)).toEqual([]);
  });

  it(`earliest arrival equals the reference on ${counts.night} random stop-to-stop queries across midnight`, async () => {
    const rnd = mulberry32(seed + 10);
    const night = () => w.midnight + 22 * 3600 + Math.floor(rnd() * 5 * 3600);
    const problems = await collect(
      counts.night,
      () => stopQuery(rnd, night()),
      (q) => compareEarliest(w, [q]),
    );
    expect(problems, report(problems, counts.night)).toEqual([]);
  });

  it(`earliest arrival equals the reference on ${counts.points} random queries between coordinates, with walking`, async () => {
    const rnd = mulberry32(seed + 1);
    const problems = await collect(
      counts.points,
      () => query(randomPoint(w, rnd), randomPoint(w, rnd), randomTime(w, rnd)),
      (q) => compareEarliest(w, [q]),
    );
    expect(problems, report(problems, counts.points)).toEqual([]);
  });

  it(`the Pareto set of one search equals the reference front over (arrival, transfers), ${counts.pareto} queries`, async () => {
    const rnd = mulberry32(seed + 2);
    const problems = await collect(
      counts.pareto,
      () => stopQuery(rnd, randomTime(w, rnd)),
      (q) => [compareParetoFront(w, q)].filter((x): x is string => x !== undefined),
    );
    expect(problems, report(problems, counts.pareto)).toEqual([]);
  });

  it(`with maxTransfers 10 the router equals the reference without any limit, ${counts.unlimited} queries`, async () => {
    const rnd = mulberry32(seed + 3);
    const problems = await collect(
      counts.unlimited,
      () => stopQuery(rnd, randomTime(w, rnd), { maxTransfers: 10 }),
      (q) => compareEarliest(w, [q], Infinity),
    );
    expect(problems, report(problems, counts.unlimited)).toEqual([]);
  });

  it(`arriveBy returns the latest departure that arrives in time, ${counts.arriveBy} queries`, async () => {
    const rnd = mulberry32(seed + 4);
    const problems = await collect(
      counts.arriveBy,
      () => stopQuery(rnd, randomTime(w, rnd) + 3600, { arriveBy: true }),
      (q) => checkArriveBy(w, q),
    );
    expect(problems, report(problems, counts.arriveBy)).toEqual([]);
  });

  it(`every leg of every itinerary of ${counts.plans} random plans is consistent with the timetable`, async () => {
    const rnd = mulberry32(seed + 5);
    let itineraries = 0;
    const problems = await collect(
      counts.plans,
      () => {
        const from = rnd() < 0.3 ? stopPoint(w, pair(w, rnd)[0]) : randomPoint(w, rnd);
        return query(from, randomPoint(w, rnd), randomTime(w, rnd), { numItineraries: 3 });
      },
      (q) =>
        plan(w.net, q).itineraries.flatMap((it) => {
          itineraries++;
          return checkItinerary(w, q, it).map((p) => `${describeQuery(w, q)}: ${p}`);
        }),
    );
    expect(itineraries).toBeGreaterThan(counts.plans);
    expect(problems, report(problems, counts.plans)).toEqual([]);
  });
}

/** arriveBy: the itinerary arrives in time, and leaving one second later nothing does (per the reference). */
function checkArriveBy(w: World, q: PlanQuery): string[] {
  const it0 = plan(w.net, q).itineraries[0];
  const rq = refQueryOf(w.net.tt, q);
  const where = describeQuery(w, q);
  if (!it0) {
    // Nothing leaves in the 24 h before the deadline and arrives by it.
    const earliest = w.ref.earliestArrival({ ...rq, time: q.time - 24 * 3600 }).arrival;
    return earliest !== undefined &&
      earliest <= q.time &&
      !loopsOnly(w, { ...q, arriveBy: false, time: q.time - 24 * 3600 }, q.time)
      ? [`${where}: router none, reference arrives ${iso(w, earliest)}`]
      : [];
  }
  const problems: string[] = [];
  const from = w.ref.earliestArrival({ ...rq, time: it0.departure }).arrival;
  const later = w.ref.earliestArrival({ ...rq, time: it0.departure + 1 }).arrival;
  if (it0.arrival > q.time)
    problems.push(`${where}: arrives ${iso(w, it0.arrival)}, after the deadline`);
  if (from === undefined || from > it0.arrival) {
    problems.push(
      `${where}: leaving ${iso(w, it0.departure)} the reference arrives ${iso(w, from)}`,
    );
  }
  if (
    later !== undefined &&
    later <= q.time &&
    !loopsOnly(w, { ...q, arriveBy: false, time: it0.departure + 1 }, q.time)
  ) {
    problems.push(
      `${where}: router leaves ${iso(w, it0.departure)}, but leaving later still arrives ${iso(w, later)}`,
    );
  }
  return problems;
}

/** Each feed is read once (node-gtfs SQLite → FeedSource) and shared by the suites. */
const sources = new Map<string, Promise<FeedSource>>();
function source(feedId: 'si' | 'subway'): Promise<FeedSource> {
  let p = sources.get(feedId);
  if (!p) {
    p = sqlite![feedId].then((file) => readFeedSource(file, feedId, 0));
    sources.set(feedId, p);
  }
  return p;
}

const title = (text: string) => `${text}${HAVE_FEEDS ? '' : ` (${SKIP_MESSAGE})`}`;

describe.skipIf(!HAVE_FEEDS)(
  title('router vs reference: Staten Island bus, Wednesday 2026-12-02'),
  () => {
    referenceSuite(async () => buildWorld([await source('si')], '2026-12-02'), 20261202, {
      stops: 120,
      night: 30,
      points: 80,
      pareto: 30,
      unlimited: 15,
      arriveBy: 15,
      plans: 60,
    });
  },
);

describe.skipIf(!HAVE_FEEDS)(title('router vs reference: subway, Wednesday 2026-10-14'), () => {
  referenceSuite(async () => buildWorld([await source('subway')], '2026-10-14'), 20261014, {
    stops: 120,
    night: 30,
    points: 80,
    pareto: 30,
    unlimited: 15,
    arriveBy: 15,
    plans: 60,
  });
});

describe.skipIf(!HAVE_FEEDS)(
  title('router vs reference: Staten Island bus and subway together, 2026-10-14'),
  () => {
    // Half the pairs go between the two feeds (express buses reach Manhattan, a walk from the subway).
    const crossing = (w: World, rnd: () => number): [number, number] => {
      if (rnd() < 0.5) return randomStopPair(w, rnd);
      const si = w.places.filter((s) => w.net.tt.stopIds[s]!.startsWith('si:'));
      const subway = w.places.filter((s) => w.net.tt.stopIds[s]!.startsWith('subway:'));
      const a = si[Math.floor(rnd() * si.length)]!;
      const b = subway[Math.floor(rnd() * subway.length)]!;
      return rnd() < 0.5 ? [a, b] : [b, a];
    };
    referenceSuite(
      async () => buildWorld([await source('si'), await source('subway')], '2026-10-14'),
      20261015,
      { stops: 50, night: 10, points: 30, pareto: 10, unlimited: 5, arriveBy: 5, plans: 30 },
      crossing,
    );
  },
);
