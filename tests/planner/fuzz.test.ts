import { DateTime } from 'luxon';
import { mulberry32 } from '../helpers/prng.js';
import { describe, expect, it } from 'vitest';
import { walkableStops } from '../../src/planner/access.js';
import { plan, SAME_PLACE_METERS, searchDepartAt } from '../../src/planner/plan.js';
import { visitsTwice } from '../../src/planner/filters.js';
import { haversineMeters } from '../../src/transit/geo.js';
import type { Itinerary } from '../../src/planner/itinerary.js';
import { PLAN_DEFAULTS, type PlacePoint, type PlanQuery } from '../../src/planner/query.js';
import { compileTimetable } from '../../src/transit/compile.js';
import { Network } from '../../src/transit/network.js';
import { Reference } from '../helpers/reference.js';
import {
  offset,
  tinyFeed,
  type TinyFeedSpec,
  type TinyStopTime,
  type TinyTrip,
} from '../helpers/tinyFeed.js';
import { refQueryOf } from './compare.js';

/**
 * Random tiny feeds that mix every rule of DESIGN.md §4 at once (stops a short walk apart,
 * stations with platforms, transfers.txt rows of types 2 and 3, pickup/drop-off types,
 * frequencies, overtaking and looping trips, trips after midnight, calendar_dates), and random
 * queries on each: the router's earliest arrival and Pareto front must be the reference's.
 * FUZZ_FEEDS and FUZZ_SEED (environment) run more networks or others, e.g. FUZZ_FEEDS=3000.
 */

const clock = (sec: number) => {
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${pad(Math.floor(sec / 3600))}:${pad(Math.floor(sec / 60) % 60)}:${pad(sec % 60)}`;
};

/** A random feed: 10 stops within ~1.2 km (some walks under 400 m), two of them platforms of a station. */
function randomSpec(rnd: () => number): TinyFeedSpec {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const origin: [number, number] = [40.6, -74.1];
  const stops: TinyFeedSpec['stops'] = {};
  const stopIds: string[] = [];
  for (let i = 0; i < 8; i++) {
    const [lat, lon] = offset(origin, int(0, 1200), int(0, 1200));
    stops[`s${i}`] = [lat, lon];
    stopIds.push(`s${i}`);
  }
  const [slat, slon] = offset(origin, int(0, 1200), int(0, 1200));
  stops.S = { lat: slat, lon: slon, station: true };
  stops.P1 = { lat: slat, lon: slon, parent: 'S' };
  const [plat, plon] = offset([slat, slon], int(0, 60), int(0, 60));
  stops.P2 = { lat: plat, lon: plon, parent: 'S' };
  stopIds.push('P1', 'P2');

  const trips: Record<string, TinyTrip> = {};
  const frequencies: NonNullable<TinyFeedSpec['frequencies']>[number][] = [];
  const services = ['all', 'all', 'all', 'wk', 'dates'];
  for (let r = 0; r < 6; r++) {
    const length = int(2, 6);
    const route: string[] = [];
    while (route.length < length) {
      const s = pick(stopIds);
      if (route[route.length - 1] !== s) route.push(s);
    }
    const pickups = route.map(() => (rnd() < 0.12 ? 1 : 0));
    const dropOffs = route.map(() => (rnd() < 0.12 ? 1 : 0));
    for (let k = 0, n = int(1, 4); k < n; k++) {
      let t = rnd() < 0.15 ? int(22 * 3600, 25 * 3600) : int(6 * 3600, 10 * 3600);
      const times: TinyStopTime[] = route.map((s, i) => {
        if (i > 0) t += int(0, 900);
        const arr = t;
        t += rnd() < 0.3 ? int(0, 120) : 0;
        return [s, clock(arr), clock(t), pickups[i], dropOffs[i]];
      });
      const tripId = `r${r}t${k}`;
      trips[tripId] = { route: `R${r}`, service: pick(services), times };
      if (rnd() < 0.15) {
        const start = int(5 * 3600, 9 * 3600);
        frequencies.push([tripId, clock(start), clock(start + int(600, 7200)), int(120, 1200)]);
      }
    }
  }

  // transfers.txt: station-level or stop-level rows (never both kinds naming one pair).
  const transfers: NonNullable<TinyFeedSpec['transfers']>[number][] = [];
  if (rnd() < 0.5) transfers.push(['S', 'S', rnd() < 0.8 ? 2 : 3, int(0, 300)]);
  for (let i = 0, n = int(0, 4); i < n; i++) {
    const a = pick(stopIds.filter((s) => !s.startsWith('P')));
    const b = pick(stopIds.filter((s) => !s.startsWith('P')));
    transfers.push([a, b, rnd() < 0.7 ? 2 : 3, int(0, 400)]);
  }

  return {
    stops,
    trips,
    frequencies,
    transfers,
    calendars: [
      { service: 'all', days: 'MTWTFSS', start: '20261025', end: '20261231' },
      { service: 'wk', days: 'MTWTF--', start: '20261025', end: '20261231' },
    ],
    calendarDates: [
      ['wk', '20261202', 2],
      ['wk', '20261205', 1],
      ['dates', '20261201', 1],
      ['dates', '20261203', 1],
    ],
  };
}

function endpointsOf(net: Network, q: PlanQuery) {
  return {
    access: new Map(
      walkableStops(net, q.from, q.maxWalkMeters, q.walkSpeed).map((s) => [s.stop, s]),
    ),
    egress: new Map(walkableStops(net, q.to, q.maxWalkMeters, q.walkSpeed).map((s) => [s.stop, s])),
  };
}

/** The earliest-arriving itinerary of one RAPTOR search, before the planner's filters. */
function earliestOfSearch(net: Network, q: PlanQuery): Itinerary | undefined {
  const its = searchDepartAt(net, q, endpointsOf(net, q), q.time);
  return its.sort((a, b) => a.arrival - b.arrival)[0];
}

/** The router's Pareto front of one search and the reference's, as `transfers:arrival` lists. */
function fronts(net: Network, ref: Reference, q: PlanQuery): [string, string] {
  const router = searchDepartAt(net, q, endpointsOf(net, q), q.time).map(
    (it) => `${it.transfers}:${it.arrival}`,
  );
  const front: string[] = [];
  let best = Infinity;
  ref.earliestArrival(refQueryOf(net.tt, q)).byVehicles.forEach((a, k) => {
    if (a !== undefined && a < best) {
      best = a;
      front.push(`${k - 1}:${a}`);
    }
  });
  return [router.join(), front.join()];
}

describe('random tiny feeds: router vs reference', () => {
  const FEEDS = Number(process.env.FUZZ_FEEDS ?? 200);
  it(`agree on earliest arrivals, Pareto fronts and arriveBy over ${FEEDS} random networks`, async () => {
    const rnd = mulberry32(Number(process.env.FUZZ_SEED ?? 4242));
    const problems: string[] = [];
    let reached = 0;
    for (let f = 0; f < FEEDS; f++) {
      // Let the test runner's messages through now and then.
      if (f % 20 === 19) await new Promise<void>((resolve) => setImmediate(resolve));
      // One feed, or two (ids x and y) whose stops lie among each other: walks join them.
      const sources = [tinyFeed({ ...randomSpec(rnd), feedId: 'x' })];
      if (rnd() < 0.3) sources.push(tinyFeed({ ...randomSpec(rnd), feedId: 'y' }));
      const tt = compileTimetable(sources, { walkCircuity: 1.25, maxTransferMeters: 400 });
      const net = new Network(tt);
      const ref = new Reference(sources);
      const ids = sources.flatMap((src) => src.stops.map((s) => `${src.feedId}:${s.stopId}`));
      const place = (): PlacePoint => {
        const s = tt.stopIndexById.get(ids[Math.floor(rnd() * ids.length)]!)!;
        if (rnd() < 0.7) return { lat: tt.stopLat[s]!, lon: tt.stopLon[s]!, stop: s };
        const [lat, lon] = offset(
          [tt.stopLat[s]!, tt.stopLon[s]!],
          rnd() * 600 - 300,
          rnd() * 600 - 300,
        );
        return { lat, lon };
      };
      for (let i = 0; i < 10; i++) {
        const day = [
          '2026-10-31',
          '2026-11-01',
          '2026-11-02',
          '2026-12-01',
          '2026-12-02',
          '2026-12-03',
        ][Math.floor(rnd() * 6)]!;
        const midnight = DateTime.fromISO(`${day}T00:00`, { zone: 'America/New_York' }).toSeconds();
        const q: PlanQuery = {
          ...PLAN_DEFAULTS,
          from: place(),
          to: place(),
          time: midnight + Math.floor(rnd() * 27 * 3600),
          arriveBy: false,
          maxTransfers: Math.floor(rnd() * 4),
          transferSlack: [0, 60, 120][Math.floor(rnd() * 3)]!,
          walkSpeed: rnd() < 0.5 ? 1.3 : 0.8,
          maxWalkMeters: [0, 300, 600][Math.floor(rnd() * 3)]!,
          numItineraries: 1,
        };
        const name = (p: PlacePoint) =>
          p.stop !== undefined ? tt.stopIds[p.stop]! : `(${p.lat.toFixed(5)},${p.lon.toFixed(5)})`;
        const tag = `network ${f} query ${i}: ${name(q.from)} → ${name(q.to)} at ${new Date(q.time * 1000).toISOString()} ${JSON.stringify(
          {
            maxTransfers: q.maxTransfers,
            slack: q.transferSlack,
            walkSpeed: q.walkSpeed,
            maxWalk: q.maxWalkMeters,
          },
        )}`;

        const expected = ref.earliestArrival(refQueryOf(tt, q)).arrival;
        const got = plan(net, q).itineraries[0]?.arrival;
        // DESIGN.md §4 never returns an itinerary visiting a stop twice or riding away and back,
        // nor transit between places closer than SAME_PLACE_METERS: random networks have such
        // earliest ways, and then the plan's first arrives later (or there is none).
        const fastest = earliestOfSearch(net, q);
        const exempt =
          haversineMeters(q.from.lat, q.from.lon, q.to.lat, q.to.lon) < SAME_PLACE_METERS ||
          (fastest !== undefined && visitsTwice(net, fastest));
        if (exempt) {
          if (got !== undefined && expected !== undefined && got < expected)
            problems.push(`${tag}: router ${got} before the reference ${expected}`);
        } else if (got !== expected) problems.push(`${tag}: router ${got}, reference ${expected}`);
        if (expected !== undefined) reached++;

        const [router, front] = fronts(net, ref, q);
        if (router !== front)
          problems.push(`${tag}: router front [${router}], reference [${front}]`);

        // arriveBy: arrives in time, and leaving a second later nothing does.
        const by = { ...q, arriveBy: true, time: q.time + 3 * 3600 };
        const latest = plan(net, by).itineraries[0];
        if (latest) {
          const later = ref.earliestArrival(
            refQueryOf(tt, { ...by, time: latest.departure + 1 }),
          ).arrival;
          if (latest.arrival > by.time)
            problems.push(`${tag}: arriveBy arrives after the deadline`);
          // Leaving later arrives in time only by ways the planner never returns (see above).
          const laterWays = searchDepartAt(
            net,
            { ...q, time: latest.departure + 1 },
            endpointsOf(net, q),
            latest.departure + 1,
          ).filter((it) => it.arrival <= by.time);
          const onlyLoops = laterWays.length > 0 && laterWays.every((it) => visitsTwice(net, it));
          if (later !== undefined && later <= by.time && !onlyLoops) {
            problems.push(
              `${tag}: arriveBy ${by.time} leaves ${latest.departure}, but leaving later arrives ${later}`,
            );
          }
        }
      }
    }
    expect(reached).toBeGreaterThan(FEEDS * 2);
    expect(problems, `${problems.length} problems:\n${problems.slice(0, 15).join('\n')}`).toEqual(
      [],
    );
  }, 900_000);
});
