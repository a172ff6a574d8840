import { describe, expect, it } from 'vitest';
import { isTransitLeg } from '../../src/planner/itinerary.js';
import { plan } from '../../src/planner/plan.js';
import type { Itinerary } from '../../src/planner/itinerary.js';
import { PLAN_DEFAULTS, type PlanQuery } from '../../src/planner/query.js';
import { compileTimetable } from '../../src/transit/compile.js';
import { Network } from '../../src/transit/network.js';
import { haversine, Reference } from '../helpers/reference.js';
import {
  grid,
  offset,
  tinyFeed,
  tinyWorld,
  type TinyFeedSpec,
  type TinyWorld,
} from '../helpers/tinyFeed.js';
import { refQueryOf } from './compare.js';

/**
 * One tiny timetable per rule of DESIGN.md §4, drawn in a comment. Every earliest arrival is
 * asserted for the router (`plan`) and for the brute-force reference, so the reference is
 * checked on cases a person can verify by hand before it is trusted on the real feeds.
 *
 * Stops sit on `grid` cells about 3 km apart unless a test wants walking between them. The
 * default date is Wednesday 2026-12-02 in America/New_York; service "all" runs every day.
 */

const DAY = '2026-12-02';

/** `"HH:MM:SS"` of seconds since the service day start. */
function clock(sec: number): string {
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${pad(Math.floor(sec / 3600))}:${pad(Math.floor(sec / 60) % 60)}:${pad(sec % 60)}`;
}

/** Walk seconds of DESIGN.md §4 between two points at 1.3 m/s: ceil(ceil(haversine × 1.25) / 1.3). */
function walkSec(a: readonly [number, number], b: readonly [number, number], speed = 1.3): number {
  return Math.ceil(Math.ceil(haversine(a[0], a[1], b[0], b[1]) * 1.25) / speed);
}

/** The router's itineraries and the reference's earliest arrival for one query. */
function solve(
  w: TinyWorld,
  q: PlanQuery,
): { its: Itinerary[]; ref: number | undefined; messages: string[] } {
  const result = plan(w.net, q);
  const ref = new Reference([w.src]).earliestArrival(refQueryOf(w.tt, q));
  return {
    its: result.itineraries,
    ref: ref.arrival,
    messages: result.messages.map((m) => m.code),
  };
}

/** Asserts router and reference agree on the earliest arrival (local time, or undefined for none). */
function expectEarliest(
  w: TinyWorld,
  q: PlanQuery,
  local: string | undefined,
): Itinerary | undefined {
  const { its, ref } = solve(w, q);
  const expected = local === undefined ? undefined : w.at(local);
  expect(its[0]?.arrival, 'router earliest arrival').toBe(expected);
  expect(ref, 'reference earliest arrival').toBe(expected);
  for (const it of its) expect(it.departure).toBeGreaterThanOrEqual(q.time);
  return its[0];
}

/** Feed-local trip ids of an itinerary's transit legs. */
function tripsOf(w: TinyWorld, it: Itinerary | undefined): string[] {
  return (it?.legs ?? []).flatMap((l) =>
    !isTransitLeg(l) ? [] : [w.tt.tripIds[l.trip]!.replace(/^t:/, '')],
  );
}

describe('transfer slack (default 60 s) at the same stop (0 s footpath)', () => {
  //   t1: A 08:00 ──▶ B 08:10
  //   t2:             B 08:10:30 ──▶ C 08:20    30 s after t1 arrives: missed
  //   t3:             B 08:11:00 ──▶ C 08:30    60 s after: made
  const w = tinyWorld({
    stops: { A: grid(0, 0), B: grid(1, 0), C: grid(2, 0) },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['B', '08:10:00', '08:10:00'],
      ],
      t2: [
        ['B', '08:10:30', '08:10:30'],
        ['C', '08:20:00', '08:20:00'],
      ],
      t3: [
        ['B', '08:11:00', '08:11:00'],
        ['C', '08:30:00', '08:30:00'],
      ],
    },
  });

  it('misses a connection 30 s apart and makes one 60 s apart', () => {
    const it0 = expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T08:30`);
    expect(tripsOf(w, it0)).toEqual(['t1', 't3']);
    expect(it0?.transfers).toBe(1);
    // Staying at B is a 0 s footpath: no walk leg between the two rides.
    expect(it0?.legs.map((l) => l.mode)).toEqual(['BUS', 'BUS']);
  });

  it('makes the 30 s connection when the slack is 30 s, not when it is 31 s', () => {
    const fast = expectEarliest(
      w,
      w.query('A', 'C', `${DAY}T07:55`, { transferSlack: 30 }),
      `${DAY}T08:20`,
    );
    expect(tripsOf(w, fast)).toEqual(['t1', 't2']);
    expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`, { transferSlack: 31 }), `${DAY}T08:30`);
  });
});

describe('generated walking transfers', () => {
  //   t1: A 08:00 ──▶ B 08:10
  //                   B ~~203 m~~ B2    walk w = ceil(ceil(203 × 1.25) / 1.3) = ceil(254 / 1.3) = 196 s
  //   t2:                              B2 08:10 + w + 59 s ──▶ C 08:20   missed by 1 s
  //   t3:                              B2 08:10 + w + 60 s ──▶ C 08:30   made
  //   B3 is 330 m north of B: 413 m of walk, over the 400 m limit, so no footpath.
  //   t4:                              B3 08:30 ──▶ C 08:35
  const B = grid(1, 0);
  const B2 = offset(B, 203);
  const B3 = offset(B, 330);
  const w1 = walkSec(B, B2);
  const arrB = 8 * 3600 + 600;
  const spec: TinyFeedSpec = {
    stops: { A: grid(0, 0), B, B2, B3, C: grid(2, 0) },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['B', clock(arrB), clock(arrB)],
      ],
      t2: [
        ['B2', clock(arrB + w1 + 59), clock(arrB + w1 + 59)],
        ['C', '08:20:00', '08:20:00'],
      ],
      t3: [
        ['B2', clock(arrB + w1 + 60), clock(arrB + w1 + 60)],
        ['C', '08:30:00', '08:30:00'],
      ],
      t4: [
        ['B3', '08:30:00', '08:30:00'],
        ['C', '08:35:00', '08:35:00'],
      ],
    },
  };
  const w = tinyWorld(spec);

  it('walks ceil(ceil(haversine × 1.25) / walkSpeed) seconds, then needs the slack', () => {
    expect(w1).toBe(196);
    const it0 = expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T08:30`);
    expect(tripsOf(w, it0)).toEqual(['t1', 't3']);
    const walk = it0?.legs[1];
    expect(walk?.mode).toBe('WALK');
    expect(walk?.distanceMeters).toBe(254);
    expect(walk && walk.arrival - walk.departure).toBe(w1);
  });

  it('uses the query walk speed for transfer walks', () => {
    // At 1.0 m/s the walk takes 254 s: t3 leaves B2 at 08:10 + 256 s, 58 s before 08:10 + 254 + 60 s.
    // Every bus runs daily, so the best is tomorrow's t2 (at 08:20).
    const it0 = expectEarliest(
      w,
      w.query('A', 'C', `${DAY}T07:55`, { walkSpeed: 1.0 }),
      '2026-12-03T08:20',
    );
    expect(tripsOf(w, it0).at(-1)).toBe('t2');
  });

  it('generates no footpath over 400 m of walk', () => {
    expect(Math.ceil(haversine(B[0], B[1], B3[0], B3[1]) * 1.25)).toBeGreaterThan(400);
    const only = tinyWorld({ ...spec, trips: { t1: spec.trips.t1!, t4: spec.trips.t4! } });
    expectEarliest(only, only.query('A', 'C', `${DAY}T07:55`), undefined);
  });
});

describe('transfers.txt type 2: min_transfer_time replaces the generated walk', () => {
  //   t1: A 08:00 ──▶ B 08:10
  //                   B ──transfers.txt: 300 s── B2   (the generated walk would take 196 s)
  //   t2:                                        B2 08:15:59 ──▶ C 08:20   missed (300 + 60 s slack)
  //   t3:                                        B2 08:16:00 ──▶ C 08:30   made
  //   F is 1.5 km from B, far beyond generated walks; B ──transfers.txt: 120 s── F
  //   t4:                                        F 08:13:00 ──▶ C 08:40
  const B = grid(1, 0);
  const spec: TinyFeedSpec = {
    stops: { A: grid(0, 0), B, B2: offset(B, 203), F: offset(B, 0, 1500), C: grid(2, 0) },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['B', '08:10:00', '08:10:00'],
      ],
      t2: [
        ['B2', '08:15:59', '08:15:59'],
        ['C', '08:20:00', '08:20:00'],
      ],
      t3: [
        ['B2', '08:16:00', '08:16:00'],
        ['C', '08:30:00', '08:30:00'],
      ],
      t4: [
        ['F', '08:13:00', '08:13:00'],
        ['C', '08:40:00', '08:40:00'],
      ],
    },
    transfers: [['B', 'B2', 2, 300]],
  };

  it('takes min_transfer_time instead of the walk', () => {
    const w = tinyWorld(spec);
    const it0 = expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T08:30`);
    expect(tripsOf(w, it0)).toEqual(['t1', 't3']);
    const walk = it0?.legs[1];
    expect(walk && walk.arrival - walk.departure).toBe(300);
  });

  it('the same network without the row walks 196 s and catches t2', () => {
    const w = tinyWorld({ ...spec, transfers: [] });
    const it0 = expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T08:20`);
    expect(tripsOf(w, it0)).toEqual(['t1', 't2']);
  });

  it('joins stops farther apart than any generated walk', () => {
    const w = tinyWorld({
      ...spec,
      trips: { t1: spec.trips.t1!, t4: spec.trips.t4! },
      transfers: [['B', 'F', 2, 120]],
    });
    const it0 = expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T08:40`);
    expect(tripsOf(w, it0)).toEqual(['t1', 't4']);
  });

  it('min_transfer_time 0 at the same stop leaves only the slack', () => {
    //   t1: A 08:00 ──▶ B 08:10;  t5: B 08:11 ──▶ C 08:25;  B,B,2,0
    const w = tinyWorld({
      stops: { A: grid(0, 0), B, C: grid(2, 0) },
      trips: {
        t1: [
          ['A', '08:00:00', '08:00:00'],
          ['B', '08:10:00', '08:10:00'],
        ],
        t5: [
          ['B', '08:11:00', '08:11:00'],
          ['C', '08:25:00', '08:25:00'],
        ],
      },
      transfers: [['B', 'B', 2, 0]],
    });
    expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T08:25`);
  });
});

describe('transfers.txt rows naming a parent station apply to all its platforms', () => {
  //   station S = { S1, S2 } (platforms 21 m apart), transfers.txt: S,S,2,180
  //   t1: A 08:00 ──▶ S1 08:10
  //   t2:             S1 08:13:59 ──▶ C 08:20   same platform, 239 s later: missed (180 + 60)
  //   t3:             S2 08:13:59 ──▶ C 08:22   other platform, 239 s later: missed
  //   t4:             S2 08:14:00 ──▶ C 08:30   240 s later: made
  //   t5:             S1 08:14:00 ──▶ C 08:35   (same platform, made, but later)
  const S = grid(1, 0);
  const spec: TinyFeedSpec = {
    stops: {
      A: grid(0, 0),
      S: { lat: S[0], lon: S[1], station: true },
      S1: { lat: S[0], lon: S[1], parent: 'S' },
      S2: { lat: offset(S, 21)[0], lon: S[1], parent: 'S' },
      C: grid(2, 0),
    },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['S1', '08:10:00', '08:10:00'],
      ],
      t2: [
        ['S1', '08:13:59', '08:13:59'],
        ['C', '08:20:00', '08:20:00'],
      ],
      t3: [
        ['S2', '08:13:59', '08:13:59'],
        ['C', '08:22:00', '08:22:00'],
      ],
      t4: [
        ['S2', '08:14:00', '08:14:00'],
        ['C', '08:30:00', '08:30:00'],
      ],
      t5: [
        ['S1', '08:14:00', '08:14:00'],
        ['C', '08:35:00', '08:35:00'],
      ],
    },
    transfers: [['S', 'S', 2, 180]],
  };

  it('a change between platforms takes 180 s + slack', () => {
    const w = tinyWorld(spec);
    const it0 = expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T08:30`);
    expect(tripsOf(w, it0)).toEqual(['t1', 't4']);
  });

  it('a change on the same platform takes 180 s + slack too (the row replaces the 0 s stay)', () => {
    const w = tinyWorld({
      ...spec,
      trips: { t1: spec.trips.t1!, t2: spec.trips.t2!, t5: spec.trips.t5! },
    });
    const it0 = expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T08:35`);
    expect(tripsOf(w, it0)).toEqual(['t1', 't5']);
  });

  it('a query from the station boards at any of its platforms', () => {
    const w = tinyWorld(spec);
    const it0 = expectEarliest(w, w.query('S', 'C', `${DAY}T08:13`), `${DAY}T08:20`);
    expect(tripsOf(w, it0)).toEqual(['t2']);
    expectEarliest(w, w.query('S', 'C', `${DAY}T08:14`), `${DAY}T08:30`);
  });

  it('without the row, changing platforms is a 21 s walk and the same platform 0 s', () => {
    const w = tinyWorld({ ...spec, transfers: [] });
    const it0 = expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T08:20`);
    expect(tripsOf(w, it0)).toEqual(['t1', 't2']);
  });
});

describe('transfers.txt type 3 forbids a transfer', () => {
  //   t1: A 08:00 ──▶ B 08:10
  //   t2:             B 08:12 ──▶ C 08:20          change at B (forbidden by B,B,3)
  //   t3:             B2 08:15 ──▶ C 08:25         B2 is 203 m from B (forbidden by B,B2,3)
  //   t4: A 09:00 ──────────────▶ C 09:30          the fallback
  const B = grid(1, 0);
  const spec: TinyFeedSpec = {
    stops: { A: grid(0, 0), B, B2: offset(B, 203), C: grid(2, 0) },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['B', '08:10:00', '08:10:00'],
      ],
      t2: [
        ['B', '08:12:00', '08:12:00'],
        ['C', '08:20:00', '08:20:00'],
      ],
      t3: [
        ['B2', '08:15:00', '08:15:00'],
        ['C', '08:25:00', '08:25:00'],
      ],
      t4: [
        ['A', '09:00:00', '09:00:00'],
        ['C', '09:30:00', '09:30:00'],
      ],
    },
  };

  it('allows both changes without transfers.txt', () => {
    const w = tinyWorld(spec);
    expect(
      tripsOf(w, expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T08:20`)),
    ).toEqual(['t1', 't2']);
  });

  it('forbids staying at B, so walks to B2', () => {
    const w = tinyWorld({ ...spec, transfers: [['B', 'B', 3]] });
    expect(
      tripsOf(w, expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T08:25`)),
    ).toEqual(['t1', 't3']);
  });

  it('forbids both, so takes the later direct trip', () => {
    const w = tinyWorld({
      ...spec,
      transfers: [
        ['B', 'B', 3],
        ['B', 'B2', 3],
      ],
    });
    expect(
      tripsOf(w, expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T09:30`)),
    ).toEqual(['t4']);
  });
});

describe('pickup_type and drop_off_type', () => {
  //   t1: A 08:00 ──▶ B 08:10 (pickup_type=1, drop_off_type=1) ──▶ C 08:20
  //   t2:             B 08:30 ──▶ C 08:40
  //   t3: A 08:30 ──▶ B 08:45
  const w = tinyWorld({
    stops: { A: grid(0, 0), B: grid(1, 0), C: grid(2, 0) },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['B', '08:10:00', '08:10:00', 1, 1],
        ['C', '08:20:00', '08:20:00'],
      ],
      t2: [
        ['B', '08:30:00', '08:30:00'],
        ['C', '08:40:00', '08:40:00'],
      ],
      t3: [
        ['A', '08:30:00', '08:30:00'],
        ['B', '08:45:00', '08:45:00'],
      ],
    },
  });

  it('cannot board where pickup_type is 1', () => {
    expect(
      tripsOf(w, expectEarliest(w, w.query('B', 'C', `${DAY}T08:00`), `${DAY}T08:40`)),
    ).toEqual(['t2']);
  });

  it('cannot alight where drop_off_type is 1', () => {
    expect(
      tripsOf(w, expectEarliest(w, w.query('A', 'B', `${DAY}T07:55`), `${DAY}T08:45`)),
    ).toEqual(['t3']);
  });

  it('rides through such a stop', () => {
    expect(
      tripsOf(w, expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T08:20`)),
    ).toEqual(['t1']);
  });

  it('cannot board at a first stop with pickup_type 1 nor alight at a last stop with drop_off_type 1', () => {
    const v = tinyWorld({
      stops: { A: grid(0, 0), B: grid(1, 0) },
      trips: {
        t1: [
          ['A', '08:00:00', '08:00:00', 1],
          ['B', '08:10:00', '08:10:00'],
        ],
        t2: [
          ['A', '08:05:00', '08:05:00'],
          ['B', '08:15:00', '08:15:00', 0, 1],
        ],
        t3: [
          ['A', '08:30:00', '08:30:00'],
          ['B', '08:40:00', '08:40:00'],
        ],
      },
    });
    expect(
      tripsOf(v, expectEarliest(v, v.query('A', 'B', `${DAY}T07:55`), `${DAY}T08:40`)),
    ).toEqual(['t3']);
  });
});

describe('frequencies.txt', () => {
  //   f (template A 00:00 ──▶ B 00:10), frequencies: 06:00:00–07:00:00 every 600 s
  //   runs leave A at 06:00, 06:10, …, 06:50; none at 07:00 (end_time is exclusive)
  const w = tinyWorld({
    stops: { A: grid(0, 0), B: grid(1, 0) },
    trips: {
      f: [
        ['A', '00:00:00', '00:00:00'],
        ['B', '00:10:00', '00:10:00'],
      ],
    },
    frequencies: [['f', '06:00:00', '07:00:00', 600]],
  });

  it('runs at start + k × headway', () => {
    expectEarliest(w, w.query('A', 'B', `${DAY}T05:00`), `${DAY}T06:10`);
    expectEarliest(w, w.query('A', 'B', `${DAY}T06:00`), `${DAY}T06:10`);
    expectEarliest(w, w.query('A', 'B', `${DAY}T06:00:01`), `${DAY}T06:20`);
    const last = expectEarliest(w, w.query('A', 'B', `${DAY}T06:41`), `${DAY}T07:00`);
    expect(last?.departure).toBe(w.at(`${DAY}T06:50`));
  });

  it('has no run at end_time, and the template time is not a run', () => {
    // After 06:50 the next run is tomorrow's first (service day D + 1 is searched too).
    expectEarliest(w, w.query('A', 'B', `${DAY}T06:51`), '2026-12-03T06:10');
    expectEarliest(w, w.query('A', 'B', `${DAY}T00:00`), `${DAY}T06:10`);
  });
});

describe('trips after midnight belong to the previous service day', () => {
  //   service "tue" runs only on Tuesday 2026-12-01 (calendar_dates only, no calendar.txt)
  //   n: A 24:45:00 ──▶ B 25:05:00   i.e. Wednesday 2026-12-02 00:45 ──▶ 01:05
  const w = tinyWorld({
    stops: { A: grid(0, 0), B: grid(1, 0) },
    trips: {
      n: {
        service: 'tue',
        times: [
          ['A', '24:45:00', '24:45:00'],
          ['B', '25:05:00', '25:05:00'],
        ],
      },
    },
    calendarDates: [['tue', '20261201', 1]],
  });

  it('a query at 00:30 finds the 24:45:00 run of the previous day', () => {
    const it0 = expectEarliest(w, w.query('A', 'B', '2026-12-02T00:30'), '2026-12-02T01:05');
    expect(it0?.departure).toBe(w.at('2026-12-02T00:45'));
    const leg = it0?.legs[0];
    expect(leg && isTransitLeg(leg) && leg.serviceDay).toBe(Date.UTC(2026, 11, 1) / 86_400_000);
  });

  it('a query on Tuesday evening finds it too, and one a day later does not', () => {
    expectEarliest(w, w.query('A', 'B', '2026-12-01T23:00'), '2026-12-02T01:05');
    expectEarliest(w, w.query('A', 'B', '2026-12-03T00:30'), undefined);
  });
});

describe('calendar_dates exceptions', () => {
  //   "wk" (calendar Mon–Fri, December 2026) minus Wed 2026-12-02, plus Sun 2026-12-06:
  //     w1: A 08:00 ──▶ B 08:30
  //   "daily" (calendar every day):
  //     d1: A 09:00 ──▶ B 09:45
  const w = tinyWorld({
    stops: { A: grid(0, 0), B: grid(1, 0) },
    trips: {
      w1: {
        service: 'wk',
        times: [
          ['A', '08:00:00', '08:00:00'],
          ['B', '08:30:00', '08:30:00'],
        ],
      },
      d1: {
        service: 'daily',
        times: [
          ['A', '09:00:00', '09:00:00'],
          ['B', '09:45:00', '09:45:00'],
        ],
      },
    },
    calendars: [
      { service: 'wk', days: 'MTWTF--', start: '20261201', end: '20261231' },
      { service: 'daily', days: 'MTWTFSS', start: '20261201', end: '20261231' },
    ],
    calendarDates: [
      ['wk', '20261202', 2],
      ['wk', '20261206', 1],
    ],
  });

  it('a removed date has no service', () => {
    expectEarliest(w, w.query('A', 'B', '2026-12-02T07:00'), '2026-12-02T09:45');
    expectEarliest(w, w.query('A', 'B', '2026-12-03T07:00'), '2026-12-03T08:30');
  });

  it('an added date has service', () => {
    expectEarliest(w, w.query('A', 'B', '2026-12-05T07:00'), '2026-12-05T09:45'); // Saturday
    expectEarliest(w, w.query('A', 'B', '2026-12-06T07:00'), '2026-12-06T08:30'); // Sunday, added
  });

  it('a feed with only calendar_dates runs on exactly those dates', () => {
    const v = tinyWorld({
      stops: { A: grid(0, 0), B: grid(1, 0) },
      trips: {
        x: {
          service: 'x',
          times: [
            ['A', '08:00:00', '08:00:00'],
            ['B', '08:30:00', '08:30:00'],
          ],
        },
      },
      calendarDates: [
        ['x', '20261202', 1],
        ['x', '20261204', 1],
      ],
    });
    expectEarliest(v, v.query('A', 'B', '2026-12-02T07:00'), '2026-12-02T08:30');
    expectEarliest(v, v.query('A', 'B', '2026-12-03T07:00'), '2026-12-04T08:30');
    expectEarliest(v, v.query('A', 'B', '2026-12-04T09:00'), undefined);
  });
});

describe('access and egress walks from coordinates', () => {
  //   O ~~503 m~~ A 08:00 ──t1──▶ B 08:20 ~~303 m~~ P
  //   access: ceil(503 × 1.25) = 629 m of walk, ceil(629 / 1.3) = 484 s; egress: 379 m, 292 s
  const A = grid(0, 0);
  const B = grid(1, 0);
  const O = offset(A, -503);
  const P = offset(B, 303);
  const w = tinyWorld({
    stops: { A, B },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['B', '08:20:00', '08:20:00'],
      ],
    },
  });
  const from = { lat: O[0], lon: O[1] };
  const to = { lat: P[0], lon: P[1] };

  it('walks to the first stop and from the last one', () => {
    expect(walkSec(O, A)).toBe(484);
    expect(walkSec(B, P)).toBe(292);
    const it0 = expectEarliest(w, w.query(from, to, `${DAY}T07:50`), `${DAY}T08:24:52`);
    expect(it0?.legs.map((l) => l.mode)).toEqual(['WALK', 'BUS', 'WALK']);
    expect(it0?.legs[0]?.distanceMeters).toBe(629);
    expect(it0?.legs[0]?.departure).toBe(w.at(`${DAY}T08:00`) - 484);
    expect(it0?.legs[2]?.distanceMeters).toBe(379);
    expect(it0?.walkMeters).toBe(629 + 379);
  });

  it('misses the bus when the access walk ends after it leaves', () => {
    // 07:52:00 + 484 s = 08:00:04: the next bus is tomorrow's.
    expectEarliest(w, w.query(from, to, `${DAY}T07:52`), '2026-12-03T08:24:52');
  });

  it('finds no stop beyond maxWalkMeters', () => {
    const q = w.query(from, to, `${DAY}T07:50`, { maxWalkMeters: 600 });
    const { its, ref, messages } = solve(w, q);
    expect(its).toEqual([]);
    expect(ref).toBeUndefined();
    expect(messages).toEqual(['OUTSIDE_SERVICE_AREA']);
  });
});

describe('direct walk', () => {
  //   O ~~303 m~~ P, no transit nearby: 379 m of walk, ceil(379 / 1.3) = 292 s
  const O = grid(5, 5);
  const P = offset(O, 303);
  const w = tinyWorld({
    stops: { A: grid(0, 0), B: grid(1, 0) },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['B', '08:20:00', '08:20:00'],
      ],
    },
  });

  it('is an itinerary when within maxWalkMeters', () => {
    const q = w.query({ lat: O[0], lon: O[1] }, { lat: P[0], lon: P[1] }, `${DAY}T08:00`);
    const it0 = expectEarliest(w, q, `${DAY}T08:04:52`);
    expect(it0?.legs).toHaveLength(1);
    expect(it0?.legs[0]?.mode).toBe('WALK');
    expect(it0?.legs[0]?.distanceMeters).toBe(379);
    expect(it0?.transfers).toBe(0);
    expectEarliest(w, { ...q, walkSpeed: 1 }, `${DAY}T08:06:19`);
  });

  it('is not when farther than maxWalkMeters', () => {
    const q = w.query({ lat: O[0], lon: O[1] }, { lat: P[0], lon: P[1] }, `${DAY}T08:00`, {
      maxWalkMeters: 378,
    });
    expectEarliest(w, q, undefined);
  });
});

describe('maxTransfers limits the number of rides', () => {
  //   t1: A 08:00 ──▶ B 08:10;  t2: B 08:20 ──▶ C 08:30;  t3: C 08:40 ──▶ D 08:50
  const w = tinyWorld({
    stops: { A: grid(0, 0), B: grid(1, 0), C: grid(2, 0), D: grid(3, 0) },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['B', '08:10:00', '08:10:00'],
      ],
      t2: [
        ['B', '08:20:00', '08:20:00'],
        ['C', '08:30:00', '08:30:00'],
      ],
      t3: [
        ['C', '08:40:00', '08:40:00'],
        ['D', '08:50:00', '08:50:00'],
      ],
    },
  });

  it('needs two transfers from A to D', () => {
    expectEarliest(w, w.query('A', 'D', `${DAY}T07:55`, { maxTransfers: 1 }), undefined);
    const it0 = expectEarliest(
      w,
      w.query('A', 'D', `${DAY}T07:55`, { maxTransfers: 2 }),
      `${DAY}T08:50`,
    );
    expect(it0?.transfers).toBe(2);
    expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`, { maxTransfers: 0 }), undefined);
  });
});

describe('Pareto set in (arrival, transfers)', () => {
  //   t1: A 08:00 ──▶ B 08:10;  t2: B 08:12 ──▶ C 08:20     1 transfer, arrives 08:20
  //   t3: A 08:05 ─────────────────────────────▶ C 08:50    direct, arrives 08:50
  const w = tinyWorld({
    stops: { A: grid(0, 0), B: grid(1, 0), C: grid(2, 0) },
    trips: {
      t1: [
        ['A', '08:00:00', '08:00:00'],
        ['B', '08:10:00', '08:10:00'],
      ],
      t2: [
        ['B', '08:12:00', '08:12:00'],
        ['C', '08:20:00', '08:20:00'],
      ],
      t3: [
        ['A', '08:05:00', '08:05:00'],
        ['C', '08:50:00', '08:50:00'],
      ],
    },
  });

  it('returns the faster 1-transfer itinerary and the slower direct one', () => {
    const q = w.query('A', 'C', `${DAY}T07:55`, { numItineraries: 2 });
    expectEarliest(w, q, `${DAY}T08:20`);
    const { its } = solve(w, q);
    expect(its.map((it) => [it.arrival, it.transfers, tripsOf(w, it)])).toEqual([
      [w.at(`${DAY}T08:20`), 1, ['t1', 't2']],
      [w.at(`${DAY}T08:50`), 0, ['t3']],
    ]);
    const ref = new Reference([w.src]).earliestArrival(refQueryOf(w.tt, q));
    expect(ref.byVehicles.slice(1, 3)).toEqual([w.at(`${DAY}T08:50`), w.at(`${DAY}T08:20`)]);
  });
});

describe('arriveBy', () => {
  //   A ──▶ B: 07:00 → 07:20,  07:30 → 07:50,  08:00 → 08:20
  const w = tinyWorld({
    stops: { A: grid(0, 0), B: grid(1, 0) },
    trips: {
      a: [
        ['A', '07:00:00', '07:00:00'],
        ['B', '07:20:00', '07:20:00'],
      ],
      b: [
        ['A', '07:30:00', '07:30:00'],
        ['B', '07:50:00', '07:50:00'],
      ],
      c: [
        ['A', '08:00:00', '08:00:00'],
        ['B', '08:20:00', '08:20:00'],
      ],
    },
  });

  it('returns the latest departure that arrives in time, then earlier ones', () => {
    const one = plan(
      w.net,
      w.query('A', 'B', `${DAY}T08:00`, { arriveBy: true, numItineraries: 1 }),
    );
    expect(one.itineraries.map((it) => tripsOf(w, it))).toEqual([['b']]);
    expect(one.itineraries[0]?.departure).toBe(w.at(`${DAY}T07:30`));
    const two = plan(
      w.net,
      w.query('A', 'B', `${DAY}T08:00`, { arriveBy: true, numItineraries: 2 }),
    );
    expect(two.itineraries.map((it) => tripsOf(w, it))).toEqual([['b'], ['a']]);
    const exact = plan(
      w.net,
      w.query('A', 'B', `${DAY}T08:20`, { arriveBy: true, numItineraries: 1 }),
    );
    expect(exact.itineraries.map((it) => tripsOf(w, it))).toEqual([['c']]);
  });
});

describe('service day start is noon − 12 h in the agency timezone (DST)', () => {
  //   America/New_York; service only on the DST change days (calendar_dates)
  //   e: A 00:30:00 ──▶ B 00:50:00      m: A 08:00:00 ──▶ B 08:20:00
  const w = tinyWorld({
    stops: { A: grid(0, 0), B: grid(1, 0) },
    trips: {
      e: {
        service: 's',
        times: [
          ['A', '00:30:00', '00:30:00'],
          ['B', '00:50:00', '00:50:00'],
        ],
      },
      m: {
        service: 's',
        times: [
          ['A', '08:00:00', '08:00:00'],
          ['B', '08:20:00', '08:20:00'],
        ],
      },
    },
    calendarDates: [
      ['s', '20261101', 1],
      ['s', '20260308', 1],
    ],
  });
  const utc = (iso: string) => Date.parse(iso) / 1000;

  it('on 2026-11-01 (fall back) the day starts at 01:00 EDT = 05:00Z', () => {
    // Noon EST is 17:00Z; minus 12 h is 05:00Z, so 00:30:00 is 05:30Z (01:30 EDT) and 08:00:00 is 13:00Z (08:00 EST).
    const e = expectEarliest(
      w,
      w.query('A', 'B', utc('2026-11-01T04:00:00Z')),
      '2026-11-01T01:50:00-04:00',
    );
    expect(e?.departure).toBe(utc('2026-11-01T05:30:00Z'));
    const m = expectEarliest(
      w,
      w.query('A', 'B', utc('2026-11-01T06:00:00Z')),
      '2026-11-01T08:20:00-05:00',
    );
    expect(m?.departure).toBe(utc('2026-11-01T13:00:00Z'));
  });

  it('on 2026-03-08 (spring forward) the day starts at 23:00 EST the evening before = 04:00Z', () => {
    // Noon EDT is 16:00Z; minus 12 h is 04:00Z: 00:30:00 is 04:30Z (23:30 EST on the 7th), 08:00:00 is 12:00Z (08:00 EDT).
    const e = expectEarliest(
      w,
      w.query('A', 'B', utc('2026-03-08T04:00:00Z')),
      '2026-03-07T23:50:00-05:00',
    );
    expect(e?.departure).toBe(utc('2026-03-08T04:30:00Z'));
    const m = expectEarliest(
      w,
      w.query('A', 'B', utc('2026-03-08T06:00:00Z')),
      '2026-03-08T08:20:00-04:00',
    );
    expect(m?.departure).toBe(utc('2026-03-08T12:00:00Z'));
  });
});

describe('details the rules imply', () => {
  it('a trip that overtakes an earlier one of the same route is taken', () => {
    //   route R, stops A ─ B ─ C:  t1 A 08:00 ──▶ B 08:30 ──▶ C 09:00   (slow)
    //                              t2 A 08:05 ──▶ B 08:15 ──▶ C 08:25   (express, leaves later)
    const w = tinyWorld({
      stops: { A: grid(0, 0), B: grid(1, 0), C: grid(2, 0) },
      trips: {
        t1: [
          ['A', '08:00:00', '08:00:00'],
          ['B', '08:30:00', '08:30:00'],
          ['C', '09:00:00', '09:00:00'],
        ],
        t2: [
          ['A', '08:05:00', '08:05:00'],
          ['B', '08:15:00', '08:15:00'],
          ['C', '08:25:00', '08:25:00'],
        ],
      },
    });
    expect(
      tripsOf(w, expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T08:25`)),
    ).toEqual(['t2']);
    expect(
      tripsOf(w, expectEarliest(w, w.query('B', 'C', `${DAY}T08:00`), `${DAY}T08:25`)),
    ).toEqual(['t2']);
  });

  it('a loop trip can be boarded at its second call at a stop', () => {
    //   t1: A 08:00 ──▶ B 08:10 ──▶ A 08:20 ──▶ C 08:30
    const w = tinyWorld({
      stops: { A: grid(0, 0), B: grid(1, 0), C: grid(2, 0) },
      trips: {
        t1: [
          ['A', '08:00:00', '08:00:00'],
          ['B', '08:10:00', '08:10:00'],
          ['A', '08:20:00', '08:20:00'],
          ['C', '08:30:00', '08:30:00'],
        ],
      },
    });
    const it0 = expectEarliest(w, w.query('A', 'C', `${DAY}T08:15`), `${DAY}T08:30`);
    expect(it0?.departure).toBe(w.at(`${DAY}T08:20`));
    expectEarliest(w, w.query('B', 'A', `${DAY}T08:05`), `${DAY}T08:20`);
  });

  it('a stop-level transfers.txt row overrides a station-level one', () => {
    //   station S = { S1, S2 }: S,S,2,300 and S1,S2,2,30
    //   t1: A 08:00 ──▶ S1 08:10;  t2: S2 08:11:30 ──▶ C 08:20;  t3: S1 08:16:00 ──▶ C 08:40
    const S = grid(1, 0);
    const w = tinyWorld({
      stops: {
        A: grid(0, 0),
        S: { lat: S[0], lon: S[1], station: true },
        S1: { lat: S[0], lon: S[1], parent: 'S' },
        S2: { lat: offset(S, 21)[0], lon: S[1], parent: 'S' },
        C: grid(2, 0),
      },
      trips: {
        t1: [
          ['A', '08:00:00', '08:00:00'],
          ['S1', '08:10:00', '08:10:00'],
        ],
        t2: [
          ['S2', '08:11:30', '08:11:30'],
          ['C', '08:20:00', '08:20:00'],
        ],
        t3: [
          ['S1', '08:16:00', '08:16:00'],
          ['C', '08:40:00', '08:40:00'],
        ],
      },
      transfers: [
        ['S', 'S', 2, 300],
        ['S1', 'S2', 2, 30],
      ],
    });
    expect(
      tripsOf(w, expectEarliest(w, w.query('A', 'C', `${DAY}T07:55`), `${DAY}T08:20`)),
    ).toEqual(['t1', 't2']);
  });

  it('two feeds loaded together route as one network, joined by a walk', () => {
    //   feed x:  A 08:00 ──▶ B 08:10          feed y:  B (another stop with the same id, 100 m away) 08:13 ──▶ C 08:30
    const B = grid(1, 0);
    const x = tinyFeed({
      feedId: 'x',
      stops: { A: grid(0, 0), B },
      trips: {
        t1: [
          ['A', '08:00:00', '08:00:00'],
          ['B', '08:10:00', '08:10:00'],
        ],
      },
    });
    const y = tinyFeed({
      feedId: 'y',
      stops: { B: offset(B, 100), C: grid(2, 0) },
      trips: {
        t2: [
          ['B', '08:13:00', '08:13:00'],
          ['C', '08:30:00', '08:30:00'],
        ],
      },
    });
    const tt = compileTimetable([x, y], { walkCircuity: 1.25, maxTransferMeters: 400 });
    const net = new Network(tt);
    const a = tt.stopIndexById.get('x:A')!;
    const c = tt.stopIndexById.get('y:C')!;
    const q: PlanQuery = {
      ...PLAN_DEFAULTS,
      from: { lat: tt.stopLat[a]!, lon: tt.stopLon[a]!, stop: a },
      to: { lat: tt.stopLat[c]!, lon: tt.stopLon[c]!, stop: c },
      time: Date.parse('2026-12-02T12:55:00Z') / 1000,
      arriveBy: false,
    };
    const it0 = plan(net, q).itineraries[0];
    expect(it0?.arrival).toBe(Date.parse('2026-12-02T13:30:00Z') / 1000);
    expect(
      it0?.legs.map((l) =>
        !isTransitLeg(l) ? `walk ${l.arrival - l.departure}s` : tt.tripIds[l.trip],
      ),
    ).toEqual(['x:t1', `walk ${walkSec(B, offset(B, 100))}s`, 'y:t2']);
    expect(new Reference([x, y]).earliestArrival(refQueryOf(tt, q)).arrival).toBe(it0?.arrival);
  });
});
