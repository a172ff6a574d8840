import { DateTime } from 'luxon';
import {
  PLAN_DEFAULTS,
  type AccessMode,
  type PlacePoint,
  type PlanQuery,
} from '../../../src/planner/query.js';
import { mulberry32 } from '../../helpers/prng.js';
import { haversine } from '../../helpers/reference.js';
import { directRuns } from './corridors.js';
import { TIMEZONE, type QualityWorld } from './world.js';

/**
 * The quality suite's questions. Every query is made from its own seed alone, so a failure
 * message's seed rebuilds exactly that query (`queryOfSeed`).
 */

/** The kinds of query and how many of each the suite asks. */
export const QUERY_KINDS = {
  /** departAt between random points near stops of either feed. */
  walk: 500,
  /** arriveBy between random points. */
  arriveBy: 90,
  /** Destination 60 m – 2.5 km from the origin: the direct walk is in play. */
  short: 120,
  /** Origin and destination under 40 m apart (or a stop and a point beside it). */
  same: 40,
  /** Daytime stop to stop on a corridor with at least `numItineraries + 2` direct runs in 2 h. */
  frequent: 150,
  /** [WALK, CAR_PARK] or [CAR_PARK] from Staten Island, with and without parkingUntil. */
  parkRide: 200,
} as const;

/** A query kind. */
export type QueryKind = keyof typeof QUERY_KINDS;

/** One seeded question. */
export interface SeededQuery {
  seed: number;
  kind: QueryKind;
  q: PlanQuery;
  /** For `frequent`: the direct runs leaving the first stop within 2 h. */
  directRuns?: number;
}

type Rnd = () => number;

const HOUR = 3600;
const CAR_PARK_AND_WALK: ReadonlySet<AccessMode> = new Set(['WALK', 'CAR_PARK']);
const CAR_PARK_ONLY: ReadonlySet<AccessMode> = new Set(['CAR_PARK']);

/** The query of `kind` that `seed` makes. */
export function queryOfSeed(w: QualityWorld, kind: QueryKind, seed: number): SeededQuery {
  const rnd = mulberry32(seed);
  const make = MAKERS[kind];
  return { seed, kind, ...make(w, rnd) };
}

const MAKERS: Record<QueryKind, (w: QualityWorld, rnd: Rnd) => Omit<SeededQuery, 'seed' | 'kind'>> =
  {
    walk: (w, rnd) => ({
      q: query(
        nearStop(w, rnd, w.served, 800),
        nearStop(w, rnd, w.served, 800),
        between(w, rnd, 6, 23.5),
        {
          maxWalkMeters: pick(rnd, [500, 1000, 1000, 2000, 3000]),
          numItineraries: pick(rnd, [1, 2, 3, 3, 5]),
        },
      ),
    }),
    arriveBy: (w, rnd) => ({
      q: query(
        nearStop(w, rnd, w.served, 800),
        nearStop(w, rnd, w.served, 800),
        between(w, rnd, 7, 22),
        {
          arriveBy: true,
          maxWalkMeters: pick(rnd, [500, 1000, 2000]),
          numItineraries: pick(rnd, [1, 3]),
        },
      ),
    }),
    short: (w, rnd) => {
      const from = nearStop(w, rnd, w.served, 600);
      return {
        q: query(from, around(rnd, from, 60 + rnd() * 2440), between(w, rnd, 6, 22), {
          maxWalkMeters: pick(rnd, [1000, 2000, 3000]),
          numItineraries: pick(rnd, [1, 2, 3]),
        }),
      };
    },
    same: (w, rnd) => {
      const stop = pick(rnd, w.served);
      const from: PlacePoint = rnd() < 0.5 ? stopPoint(w, stop) : nearStop(w, rnd, [stop], 300);
      return { q: query(from, around(rnd, from, rnd() * 40), between(w, rnd, 6, 22)) };
    },
    frequent: frequentQuery,
    parkRide: (w, rnd) => {
      const from = nearStop(w, rnd, w.siServed, 2000);
      let to = nearStop(w, rnd, w.served, 300);
      while (haversine(from.lat, from.lon, to.lat, to.lon) < 4000)
        to = nearStop(w, rnd, w.served, 300);
      // A third start about the parking service's "now", when drive-up spaces count.
      const time =
        rnd() < 0.3 ? w.car.nowSec - 600 + Math.floor(rnd() * 1200) : between(w, rnd, 5, 22);
      const parkingUntil = rnd() < 0.5 ? time + Math.floor((2 + rnd() * 12) * HOUR) : undefined;
      return {
        q: query(from, to, time, {
          accessModes: rnd() < 0.7 ? CAR_PARK_AND_WALK : CAR_PARK_ONLY,
          arriveBy: rnd() < 0.15,
          parkingUntil,
          numItineraries: pick(rnd, [1, 3, 3, 5]),
        }),
      };
    },
  };

function query(
  from: PlacePoint,
  to: PlacePoint,
  time: number,
  extra: Partial<PlanQuery> = {},
): PlanQuery {
  return { ...PLAN_DEFAULTS, from, to, time, arriveBy: false, ...extra };
}

function pick<T>(rnd: Rnd, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

/** A whole second between `fromHour` and `toHour` of DATE, local. */
function between(w: QualityWorld, rnd: Rnd, fromHour: number, toHour: number): number {
  return w.midnight + Math.floor((fromHour + rnd() * (toHour - fromHour)) * HOUR);
}

function stopPoint(w: QualityWorld, s: number): PlacePoint {
  return { lat: w.net.tt.stopLat[s]!, lon: w.net.tt.stopLon[s]!, stop: s };
}

/** A point `meters` from `p` in a random direction. */
function around(rnd: Rnd, p: { lat: number; lon: number }, meters: number): PlacePoint {
  const angle = 2 * Math.PI * rnd();
  const lat = p.lat + (meters * Math.cos(angle)) / 111_195;
  const lon = p.lon + (meters * Math.sin(angle)) / (111_195 * Math.cos((p.lat * Math.PI) / 180));
  return { lat, lon };
}

/** A point up to `radius` m from a random stop of `stops` (uniform over the disk). */
function nearStop(w: QualityWorld, rnd: Rnd, stops: readonly number[], radius: number): PlacePoint {
  const s = pick(rnd, stops);
  return around(rnd, stopPoint(w, s), radius * Math.sqrt(rnd()));
}

function frequentQuery(w: QualityWorld, rnd: Rnd): Omit<SeededQuery, 'seed' | 'kind'> {
  const { trips } = w.calls;
  const numItineraries = pick(rnd, [3, 5, 10]);
  const tt = w.net.tt;
  for (;;) {
    const trip = pick(rnd, trips);
    if (trip.stopIds.length < 4) continue;
    const i = Math.floor(rnd() * (trip.stopIds.length - 3));
    const j = Math.min(trip.stopIds.length - 1, i + 3 + Math.floor(rnd() * 10));
    const a = tt.stopIndexById.get(trip.stopIds[i]!);
    const b = tt.stopIndexById.get(trip.stopIds[j]!);
    if (a === undefined || b === undefined) continue;
    const meters = haversine(tt.stopLat[a]!, tt.stopLon[a]!, tt.stopLat[b]!, tt.stopLon[b]!) * 1.25;
    if (meters <= PLAN_DEFAULTS.maxWalkMeters) continue;
    const time = between(w, rnd, 7, 19);
    const runs = directRuns(w.calls, trip.stopIds[i]!, trip.stopIds[j]!, time, time + 2 * HOUR);
    if (runs < numItineraries + 2) continue;
    return {
      q: query(stopPoint(w, a), stopPoint(w, b), time, { numItineraries }),
      directRuns: runs,
    };
  }
}

/** A query in one line, with its seed, for failure messages. */
export function describeQuery(w: QualityWorld, s: SeededQuery): string {
  const tt = w.net.tt;
  const place = (p: PlacePoint) =>
    p.stop !== undefined ? tt.stopIds[p.stop]! : `(${p.lat.toFixed(6)}, ${p.lon.toFixed(6)})`;
  const local = (t: number) => DateTime.fromSeconds(t, { zone: TIMEZONE }).toFormat('HH:mm:ss');
  const q = s.q;
  const options = [
    q.arriveBy ? `arriveBy ${local(q.time)}` : `departAt ${local(q.time)}`,
    `maxWalk ${q.maxWalkMeters}`,
    `n ${q.numItineraries}`,
    q.accessModes ? `modes ${[...q.accessModes].join('+')}` : '',
    q.parkingUntil !== undefined ? `parkingUntil ${local(q.parkingUntil)}` : '',
  ].filter((x) => x !== '');
  return `seed ${s.seed} (${s.kind}) ${place(q.from)} → ${place(q.to)}, ${options.join(', ')}`;
}
