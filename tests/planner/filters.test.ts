import { describe, expect, it } from 'vitest';
import type { CarContext } from '../../src/planner/carAccess.js';
import type { Itinerary, PlanResult } from '../../src/planner/itinerary.js';
import type { FacilityOffer, ParkingProvider } from '../../src/planner/parkingProvider.js';
import { plan } from '../../src/planner/plan.js';
import type { AccessMode, PlacePoint, PlanQuery } from '../../src/planner/query.js';
import { haversineStreetRouter } from '../../src/planner/streetRouter.js';
import { haversine } from '../helpers/reference.js';
import { grid, offset, tinyWorld, type TinyWorld } from '../helpers/tinyFeed.js';
import {
  checkPlan,
  type CheckContext,
  type FacilitySpec,
  type Rule,
} from './quality/checkItinerary.js';
import {
  OPENING_HOURS_CHOICES,
  openIntervals,
  openThroughout,
  type OpeningHoursSpec,
} from './quality/openingHours.js';

/**
 * One drawn tiny network per filter of issue 12 (DESIGN.md §4): what a rider would never choose
 * is not returned, the direct walk is, the same place is said to be the same, and park and ride
 * keeps to opening hours and live status. Each case asserts the answer a person reads off the
 * drawing, and that the quality checker finds nothing wrong with it.
 *
 * Wednesday 2026-12-02 in America/New_York; service "all" runs every day. Stops on `grid` cells
 * are about 3.3 km apart, too far to walk between.
 */

const DAY = '2026-12-02';
const TZ = 'America/New_York';

function checkContext(w: TinyWorld, facilities: FacilitySpec[] = [], nowSec = 0): CheckContext {
  const tt = w.tt;
  return {
    stationOf: (s) => (tt.stopParent[s]! >= 0 ? tt.stopParent[s]! : s),
    stopLabel: (s) => tt.stopIds[s]!,
    stopPoint: (s) => ({ lat: tt.stopLat[s]!, lon: tt.stopLon[s]! }),
    walkCircuity: 1.25,
    timezone: TZ,
    facilities: new Map(facilities.map((f) => [f.id, f])),
    nowSec,
    staleSeconds: 900,
  };
}

/** The rules the checker finds broken, with what it says. */
function broken(
  ctx: CheckContext,
  q: PlanQuery,
  result: PlanResult,
): Partial<Record<Rule, string[]>> {
  const out: Partial<Record<Rule, string[]>> = {};
  for (const v of checkPlan(ctx, q, result)) (out[v.rule] ??= []).push(v.text);
  return out;
}

/** Feed-local trip ids of an itinerary's rides. */
function tripsOf(w: TinyWorld, it: Itinerary | undefined): string[] {
  return (it?.legs ?? []).flatMap((l) =>
    'trip' in l ? [w.tt.tripIds[l.trip]!.replace(/^t:/, '')] : [],
  );
}

const point = ([lat, lon]: readonly [number, number]): PlacePoint => ({ lat, lon });
const isDirectWalk = (it: Itinerary) => it.legs.length === 1 && it.legs[0]!.mode === 'WALK';
const rides = (it: Itinerary) => it.legs.some((l) => 'trip' in l);

describe('no itinerary visits a stop twice', () => {
  //   t1: A 08:00 ──▶ B 08:05 ──▶ C 08:10
  //   t2:                         C 08:12 ──▶ B 08:17 ──▶ D 08:20
  // Riding t1 on to C and t2 back through B passes B twice; changing at B (08:05 + 60 s slack
  // ≤ 08:17) arrives at 08:20 just the same.
  const w = tinyWorld({
    stops: { A: grid(0, 0), B: grid(1, 0), C: grid(2, 0), D: grid(1, 1) },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['B', '08:05:00', '08:05:00'],
        ['C', '08:10:00', '08:10:00'],
      ],
      t2: [
        ['C', '08:12:00', '08:12:00'],
        ['B', '08:17:00', '08:17:00'],
        ['D', '08:20:00', '08:20:00'],
      ],
    },
  });

  it('changes at B instead of riding on to C and back', () => {
    const q = w.query('A', 'D', `${DAY}T07:55`, { numItineraries: 1 });
    const result = plan(w.net, q);
    const first = result.itineraries[0];
    expect(first?.arrival).toBe(w.at(`${DAY}T08:20`));
    expect(tripsOf(w, first)).toEqual(['t1', 't2']);
    const ride2 = first?.legs.filter((l) => 'trip' in l)[1];
    expect(ride2?.from.stop).toBe(w.stop('B'));
    expect(broken(checkContext(w), q, result).revisit).toBeUndefined();
  });
});

describe('no itinerary rides away and back', () => {
  //   A ─30 m─ A2    (the two sides of one street)
  //   t1: A 08:00 ──▶ B 08:10
  //   t2:             B 08:12 ──▶ A2 08:20 (set-down only) ──▶ D 08:25
  //   t3:                         A2 08:21 ──────────────────▶ D 08:40
  // Riding out to B and back past A2 is what no rider would take: t3 from across the street is.
  const A = grid(0, 0);
  const w = tinyWorld({
    stops: { A, A2: offset(A, 0, 30), B: grid(1, 0), D: grid(0, 1) },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['B', '08:10:00', '08:10:00'],
      ],
      t2: [
        ['B', '08:12:00', '08:12:00'],
        ['A2', '08:20:00', '08:20:00', 1, 0],
        ['D', '08:25:00', '08:25:00'],
      ],
      t3: [
        ['A2', '08:21:00', '08:21:00'],
        ['D', '08:40:00', '08:40:00'],
      ],
    },
  });

  it('offers t3 and never t1 + t2', () => {
    const q = w.query(point(A), 'D', `${DAY}T07:55`, { numItineraries: 3 });
    const result = plan(w.net, q);
    expect(result.itineraries.map((it) => tripsOf(w, it))).toContainEqual(['t3']);
    expect(result.itineraries.map((it) => tripsOf(w, it))).not.toContainEqual(['t1', 't2']);
    expect(broken(checkContext(w), q, result).revisit).toBeUndefined();
  });
});

describe('no itinerary is dominated by another returned one', () => {
  //   t1: A 08:00 ──▶ D 08:20
  //   t2: A 08:10 ──▶ D 08:30    (the local)
  //   t3: A 08:12 ──▶ D 08:25    (the express, leaves later and arrives earlier than t2)
  const w = tinyWorld({
    stops: { A: grid(0, 0), D: grid(2, 0) },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['D', '08:20:00', '08:20:00'],
      ],
      t2: [
        ['A', '08:10:00', '08:10:00'],
        ['D', '08:30:00', '08:30:00'],
      ],
      t3: [
        ['A', '08:12:00', '08:12:00'],
        ['D', '08:25:00', '08:25:00'],
      ],
    },
  });

  it('offers t1 and t3, not t2', () => {
    const q = w.query('A', 'D', `${DAY}T07:55`, { numItineraries: 3 });
    const result = plan(w.net, q);
    const trips = result.itineraries.map((it) => tripsOf(w, it));
    expect(trips.slice(0, 2)).toEqual([['t1'], ['t3']]);
    expect(trips).not.toContainEqual(['t2']);
    expect(broken(checkContext(w), q, result).dominated).toBeUndefined();
  });
});

describe('no itinerary is dominated by the direct walk', () => {
  //   O ─520 m north─ X                     the direct walk: 650 m, 500 s, 08:00 → 08:08:20
  //   A is 300 m from O, B 300 m from X:   375 m + bus + 375 m of walk
  //   t1: A 08:10 ──▶ B 08:14              arrives 08:18:49 after walking 750 m: the walk,
  //                                        even started as late as the bus trip, is better
  const O = grid(0, 0);
  const X = offset(O, 520);
  const w = tinyWorld({
    stops: { A: offset(O, -150, 260), B: offset(X, 150, 260) },
    trips: {
      t1: [
        ['A', '08:10:00', '08:10:00'],
        ['B', '08:14:00', '08:14:00'],
      ],
    },
  });

  it('offers the walk and not the bus', () => {
    const q = w.query(point(O), point(X), `${DAY}T08:00`, { numItineraries: 3 });
    const result = plan(w.net, q);
    expect(result.itineraries.some(isDirectWalk)).toBe(true);
    expect(result.itineraries.filter(rides)).toEqual([]);
    expect(broken(checkContext(w), q, result).dominated).toBeUndefined();
  });
});

describe('the direct walk is returned whenever within maxWalkMeters and not dominated', () => {
  //   O ─1,446 m north─ X     the direct walk: 1,808 m, 08:00 → 08:23:11, no change
  //   A is 40 m east of O, B 40 m east of X; C far away
  //   t1: A 08:02 ──▶ C 08:06      t2: C 08:08 ──▶ B 08:12      one change, arrives 08:12:39
  //   t3: A 08:07 ──▶ C 08:11      t4: C 08:13 ──▶ B 08:17      one change, arrives 08:17:39
  // Both bus trips arrive first, but change once: neither beats the walk, which must be offered.
  const O = grid(0, 0);
  const X = offset(O, 1446);
  const w = tinyWorld({
    stops: { A: offset(O, 0, 40), B: offset(X, 0, 40), C: grid(1, 0) },
    trips: {
      t1: [
        ['A', '08:02:00', '08:02:00'],
        ['C', '08:06:00', '08:06:00'],
      ],
      t2: [
        ['C', '08:08:00', '08:08:00'],
        ['B', '08:12:00', '08:12:00'],
      ],
      t3: [
        ['A', '08:07:00', '08:07:00'],
        ['C', '08:11:00', '08:11:00'],
      ],
      t4: [
        ['C', '08:13:00', '08:13:00'],
        ['B', '08:17:00', '08:17:00'],
      ],
    },
  });

  it('with maxWalkMeters 3000 and numItineraries 2, the 1,808 m walk comes on top of two', () => {
    const q = w.query(point(O), point(X), `${DAY}T08:00`, {
      maxWalkMeters: 3000,
      numItineraries: 2,
    });
    const result = plan(w.net, q);
    const walk = result.itineraries.find(isDirectWalk);
    expect(walk?.walkMeters).toBe(Math.ceil(haversine(O[0], O[1], X[0], X[1]) * 1.25));
    expect(result.itineraries.filter((it) => !isDirectWalk(it)).length).toBeLessThanOrEqual(2);
    expect(broken(checkContext(w), q, result)).toEqual({});
  });

  it('is not offered beyond maxWalkMeters', () => {
    const q = w.query(point(O), point(X), `${DAY}T08:00`, { maxWalkMeters: 1500 });
    expect(plan(w.net, q).itineraries.some(isDirectWalk)).toBe(false);
  });
});

describe('origin and destination under 50 m apart', () => {
  //   S ─20 m─ S2
  //   t1: S 08:00 ──▶ T 08:10
  //   t2:             T 08:12 ──▶ S2 08:22     out and back: never offered
  const S = grid(0, 0);
  const w = tinyWorld({
    stops: { S, S2: offset(S, 20), T: grid(1, 0) },
    trips: {
      t1: [
        ['S', '08:00:00', '08:00:00'],
        ['T', '08:10:00', '08:10:00'],
      ],
      t2: [
        ['T', '08:12:00', '08:12:00'],
        ['S2', '08:22:00', '08:22:00'],
      ],
    },
  });

  it('answer SAME_ORIGIN_AND_DESTINATION and ride nothing', () => {
    const q = w.query('S', point(offset(S, 20)), `${DAY}T07:55`);
    const result = plan(w.net, q);
    expect(result.messages.map((m) => m.code)).toContain('SAME_ORIGIN_AND_DESTINATION');
    expect(result.itineraries.filter(rides)).toEqual([]);
  });

  it('at 60 m apart plan as usual, without the message', () => {
    const q = w.query('S', point(offset(S, 60)), `${DAY}T07:55`);
    const codes = plan(w.net, q).messages.map((m) => m.code);
    expect(codes).not.toContain('SAME_ORIGIN_AND_DESTINATION');
  });
});

/**
 * Park and ride on one bus line:
 *
 *   O ════ drive 3.3 km ════▶ lot L ─100 m─ A ── bus every 30 min, 06:00–22:00, 20 min ──▶ D
 *
 * The lot's opening hours, reservable spaces and live report vary per case. The car context
 * drives haversine × 1.4 at 30 km/h (about 9 min 20 s to L) and takes 300 s to park.
 */
describe('park and ride keeps to opening hours and live status', () => {
  const A = grid(1, 0);
  const L = offset(A, 100);
  const w = tinyWorld({
    stops: { A, D: grid(4, 0) },
    trips: {
      bus: [
        ['A', '06:00:00', '06:00:00'],
        ['D', '06:20:00', '06:20:00'],
      ],
    },
    frequencies: [['bus', '06:00:00', '22:00:00', 1800]],
  });
  const O = point(grid(0, 0));
  const hours = (osm: string): OpeningHoursSpec => {
    const spec = OPENING_HOURS_CHOICES.find((h) => h.osm === osm);
    if (!spec) throw new Error(`no hours ${osm}`);
    return spec;
  };

  /** A lot L with these hours, quota and report (observed `age` s before `nowSec`). */
  function lot(
    osm: string,
    reservableSpaces: number,
    report?: { status: 'OPEN' | 'CLOSED' | 'FULL'; availableSpaces: number; age: number },
    nowSec = w.at(`${DAY}T07:00`),
  ): { spec: FacilitySpec; car: CarContext } {
    const spec: FacilitySpec = {
      id: 'op:L',
      hours: hours(osm),
      timezone: TZ,
      reservableSpaces,
      report: report
        ? {
            status: report.status,
            availableSpaces: report.availableSpaces,
            observedAtSec: nowSec - report.age,
          }
        : null,
    };
    const parking: ParkingProvider = {
      facilitiesNear: (lat, lon, radius) =>
        haversine(lat, lon, L[0], L[1]) <= radius
          ? [{ id: spec.id, name: 'Lot L', lat: L[0], lon: L[1] }]
          : [],
      availabilityFor: (id, start, end): FacilityOffer | undefined => {
        if (id !== spec.id) return undefined;
        const stale = report !== undefined && report.age > 900;
        return {
          open: openThroughout(spec.hours, TZ, start, end),
          reservableLeft: reservableSpaces,
          live: report
            ? {
                availableSpaces: stale ? null : report.availableSpaces,
                status: stale ? 'UNKNOWN' : report.status,
                stale,
              }
            : null,
          price: { amount: 5, currency: 'USD' },
        };
      },
      openInterval: (id, atSec, horizonSec) => {
        if (id !== spec.id) return undefined;
        const iv = openIntervals(spec.hours, TZ, atSec).find(
          (x) => x.end > atSec && x.start < horizonSec,
        );
        if (!iv) return undefined;
        return {
          opensAt: Math.max(atSec, iv.start),
          closesAt: iv.end >= horizonSec ? undefined : iv.end,
        };
      },
    };
    const car: CarContext = {
      router: haversineStreetRouter({ circuity: 1.4, speedKmh: 30 }),
      parking,
      parkSeconds: 300,
      maxDriveMeters: 30_000,
      maxFacilities: 50,
      nowSec,
    };
    return { spec, car };
  }

  const CAR_PARK: ReadonlySet<AccessMode> = new Set(['CAR_PARK']);
  const ask = (time: string, extra: Partial<PlanQuery> = {}) =>
    w.query(O, 'D', `${DAY}T${time}`, { accessModes: CAR_PARK, ...extra });
  const parkLegOf = (it: Itinerary | undefined) => it?.legs.find((l) => l.mode === 'PARK');
  const parked = (result: PlanResult) =>
    result.itineraries.filter((it) => parkLegOf(it) !== undefined);

  it('waits for a lot that opens at 08:00: leaving at or after 07:00 may mean leaving later', () => {
    const { spec, car } = lot('Mo-Fr 08:00-18:00', 5);
    const q = ask('07:00', { parkingUntil: w.at(`${DAY}T17:00`) });
    const result = plan(w.net, q, undefined, car);
    const first = parked(result)[0];
    expect(first, JSON.stringify(result.messages)).toBeDefined();
    expect(parkLegOf(first)!.departure).toBeGreaterThanOrEqual(w.at(`${DAY}T08:00`));
    expect(broken(checkContext(w, [spec], car.nowSec), q, result)).toEqual({});
  });

  it('without parkingUntil the window ends when the lot closes (18:00), not at midnight', () => {
    const { spec, car } = lot('Mo-Fr 08:00-18:00', 5);
    const q = ask('09:00');
    const result = plan(w.net, q, undefined, car);
    const park = parkLegOf(parked(result)[0]);
    expect(park, JSON.stringify(result.messages)).toBeDefined();
    if (park?.mode !== 'PARK') return;
    expect(park.parking.endsAt).toBe(w.at(`${DAY}T18:00`));
    expect(broken(checkContext(w, [spec], car.nowSec), q, result)).toEqual({});
  });

  it('a lot that closes inside the requested window is not used, and the message names it', () => {
    const { car } = lot('Mo-Fr 08:00-18:00', 5);
    const result = plan(
      w.net,
      ask('09:00', { parkingUntil: w.at(`${DAY}T19:00`) }),
      undefined,
      car,
    );
    expect(parked(result)).toEqual([]);
    expect(result.messages.map((m) => m.code)).toEqual(['NO_PARKING_AVAILABLE']);
    expect(result.messages[0]?.text).toContain('Lot L');
  });

  it('a fresh CLOSED report excludes the lot; a stale one does not', () => {
    const fresh = lot('24/7', 5, { status: 'CLOSED', availableSpaces: 0, age: 60 });
    expect(parked(plan(w.net, ask('07:00'), undefined, fresh.car))).toEqual([]);
    const stale = lot('24/7', 5, { status: 'CLOSED', availableSpaces: 0, age: 3600 });
    const q = ask('07:00');
    const result = plan(w.net, q, undefined, stale.car);
    expect(parked(result)).not.toEqual([]);
    expect(broken(checkContext(w, [stale.spec], stale.car.nowSec), q, result)).toEqual({});
  });

  it('FULL excludes drive-up but not reservations', () => {
    const noQuota = lot('24/7', 0, { status: 'FULL', availableSpaces: 0, age: 60 });
    expect(parked(plan(w.net, ask('07:00'), undefined, noQuota.car))).toEqual([]);
    const quota = lot('24/7', 3, { status: 'FULL', availableSpaces: 0, age: 60 });
    const q = ask('07:00');
    const result = plan(w.net, q, undefined, quota.car);
    const park = parkLegOf(parked(result)[0]);
    expect(park?.mode === 'PARK' && park.parking.reservable).toBe(true);
    expect(broken(checkContext(w, [quota.spec], quota.car.nowSec), q, result)).toEqual({});
  });

  it('LegParking says the live status and when the lot closes', () => {
    const { spec, car } = lot('Mo-Su 05:00-23:30', 0, {
      status: 'OPEN',
      availableSpaces: 12,
      age: 60,
    });
    const q = ask('07:00', { parkingUntil: w.at(`${DAY}T17:00`) });
    const park = parkLegOf(parked(plan(w.net, q, undefined, car))[0]);
    expect(park?.mode).toBe('PARK');
    if (park?.mode !== 'PARK') return;
    expect(park.parking).toMatchObject({
      status: 'OPEN',
      closesAt: w.at(`${DAY}T23:30`),
      availableSpaces: 12,
    });
    expect(spec.hours.osm).toBe('Mo-Su 05:00-23:30');
  });
});

describe('the quality checker itself', () => {
  //   t1: A 08:00 ──▶ B 08:20    (every day)
  // A correct answer has nothing wrong; answers broken by hand break the rules they should.
  const w = tinyWorld({
    stops: { A: grid(0, 0), B: grid(1, 0) },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['B', '08:20:00', '08:20:00'],
      ],
    },
  });
  const q = w.query('A', 'B', `${DAY}T07:55`, { numItineraries: 1 });
  const good = plan(w.net, q);
  const ctx = checkContext(w);
  const rulesOf = (result: PlanResult) => Object.keys(broken(ctx, q, result)).sort();
  const copy = (): PlanResult => structuredClone(good);

  it('finds nothing wrong with the ride', () => {
    expect(tripsOf(w, good.itineraries[0])).toEqual(['t1']);
    expect(rulesOf(good)).toEqual([]);
  });

  it('flags an itinerary leaving before departAt, with legs that no longer meet', () => {
    const early = copy();
    early.itineraries[0]!.departure -= 600;
    early.itineraries[0]!.legs[0]!.departure -= 600;
    expect(rulesOf(early)).toEqual(['timeBound']);
    early.itineraries[0]!.arrival += 1;
    expect(rulesOf(early)).toEqual(['legs', 'timeBound']);
  });

  it('flags a second copy that leaves earlier for the same arrival, beyond numItineraries', () => {
    const twice = copy();
    const again = structuredClone(twice.itineraries[0]!);
    again.departure -= 60;
    again.legs[0]!.departure -= 60;
    twice.itineraries.push(again);
    expect(rulesOf(twice)).toEqual(['dominated', 'numItineraries']);
  });
});
