import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { importFeedOnce } from '../helpers/feedCache.js';

const PLAN = `query($input: PlanInput!) {
  plan(input: $input) {
    messages { code text }
    itineraries {
      id departure arrival durationSeconds transfers walkMeters
      legs {
        mode departure arrival durationSeconds distanceMeters geometry realtime
        from { name lat lon stop { id name } } to { name lat lon stop { id name } }
        route { id shortName mode } trip { id headsign }
        intermediateStops { stop { id } arrival departure }
      }
    }
  }
}`;

interface PlanBody {
  plan: {
    messages: { code: string; text: string }[];
    itineraries: {
      id: string;
      departure: string;
      arrival: string;
      durationSeconds: number;
      transfers: number;
      legs: {
        mode: string;
        departure: string;
        arrival: string;
        from: { stop: { id: string } | null };
        to: { stop: { id: string } | null };
        intermediateStops: unknown[];
        geometry: string;
      }[];
    }[];
  };
}

// St. George ferry terminal to Goethals Rd North, both on the sample's S40.
const FROM = { lat: 40.6437, lon: -74.0736 };
const TO = { lat: 40.6287, lon: -74.1827 };
const DEPART = '2026-12-02T08:00:00-05:00';

describe('plan over the API (bundled sample feed)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = createHarness();
    await importFeedOnce(h, 'si', SAMPLE_FEED_DIR);
  }, 120_000);
  afterAll(() => h.close());

  it('returns itineraries with consistent legs, departing at or after the asked time', async () => {
    const res = await h.gql<PlanBody>(PLAN, { input: { from: FROM, to: TO, departAt: DEPART } });
    expect(res.body.errors).toBeUndefined();
    const its = res.body.data!.plan.itineraries;
    expect(its.length).toBe(3);
    for (const it of its) {
      expect(Date.parse(it.departure)).toBeGreaterThanOrEqual(Date.parse(DEPART));
      expect(it.durationSeconds).toBe((Date.parse(it.arrival) - Date.parse(it.departure)) / 1000);
      expect(it.legs[0]!.mode).toBe('WALK');
      expect(it.legs.some((l) => l.mode === 'BUS')).toBe(true);
      for (let i = 1; i < it.legs.length; i++) {
        expect(Date.parse(it.legs[i]!.departure)).toBeGreaterThanOrEqual(
          Date.parse(it.legs[i - 1]!.arrival),
        );
      }
      for (const leg of it.legs) expect(leg.geometry.length).toBeGreaterThan(0);
    }
    const arrivals = its.map((i) => Date.parse(i.arrival));
    expect([...arrivals].sort((a, b) => a - b)).toEqual(arrivals);
    expect(new Set(its.map((i) => i.id)).size).toBe(3);
  });

  it('plans arriveBy: arrives at or before the time', async () => {
    const arriveBy = '2026-12-02T10:00:00-05:00';
    const res = await h.gql<PlanBody>(PLAN, {
      input: { from: FROM, to: TO, arriveBy, numItineraries: 2 },
    });
    const its = res.body.data!.plan.itineraries;
    expect(its.length).toBe(2);
    for (const it of its) expect(Date.parse(it.arrival)).toBeLessThanOrEqual(Date.parse(arriveBy));
  });

  it('plans from and to stop ids', async () => {
    const res = await h.gql<PlanBody>(PLAN, {
      input: {
        from: { stopId: 'si:200001' },
        to: { lat: FROM.lat, lon: FROM.lon },
        departAt: DEPART,
        numItineraries: 1,
      },
    });
    const legs = res.body.data!.plan.itineraries[0]!.legs;
    expect(legs[0]!.from.stop?.id).toBe('si:200001');
    expect(legs.some((l) => l.mode === 'BUS')).toBe(true);
  });

  it.each([
    [
      'a date outside every feed',
      { from: FROM, to: TO, departAt: '2030-01-01T08:00:00-05:00' },
      'NO_SERVICE_ON_DATE',
    ],
    [
      'a point far from every stop',
      { from: { lat: 41.5, lon: -73 }, to: TO, departAt: DEPART },
      'OUTSIDE_SERVICE_AREA',
    ],
  ])('explains an empty answer for %s', async (_name, input, code) => {
    const res = await h.gql<PlanBody>(PLAN, { input });
    expect(res.body.data!.plan.itineraries).toEqual([]);
    expect(res.body.data!.plan.messages[0]!.code).toBe(code);
  });

  it.each([
    ['a latitude of 200', { from: { lat: 200, lon: 0 }, to: TO, departAt: DEPART }],
    ['a negative walk speed', { from: FROM, to: TO, departAt: DEPART, walkSpeed: -1 }],
    ['both departAt and arriveBy', { from: FROM, to: TO, departAt: DEPART, arriveBy: DEPART }],
    ['neither departAt nor arriveBy', { from: FROM, to: TO }],
    ['numItineraries of 10,000', { from: FROM, to: TO, departAt: DEPART, numItineraries: 10_000 }],
    ['a time without an offset', { from: FROM, to: TO, departAt: '2026-12-02T08:00:00' }],
    [
      'both stopId and coordinates',
      { from: { stopId: 'si:200001', lat: 1, lon: 1 }, to: TO, departAt: DEPART },
    ],
  ])('rejects %s with BAD_USER_INPUT', async (_name, input) => {
    const res = await h.gql<PlanBody>(PLAN, { input });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for an unknown stop id', async () => {
    const res = await h.gql<PlanBody>(PLAN, {
      input: { from: { stopId: 'si:nope' }, to: TO, departAt: DEPART },
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('plan time budget', () => {
  it('stops searching for later departures when PLAN_TIME_BUDGET_MS is spent, and answers what it found', async () => {
    const unlimited = createHarness();
    const tight = createHarness({ env: { PLAN_TIME_BUDGET_MS: '0' } });
    try {
      await importFeedOnce(unlimited, 'si', SAMPLE_FEED_DIR);
      await importFeedOnce(tight, 'si', SAMPLE_FEED_DIR);
      const input = { from: FROM, to: TO, departAt: DEPART, numItineraries: 8 };
      const full = (await unlimited.gql<PlanBody>(PLAN, { input })).body.data!.plan.itineraries;
      const cut = (await tight.gql<PlanBody>(PLAN, { input })).body;
      expect(cut.errors).toBeUndefined();
      expect(full.length).toBe(8);
      expect(cut.data!.plan.itineraries.length).toBeGreaterThan(0);
      expect(cut.data!.plan.itineraries.length).toBeLessThan(full.length);
      // What it found is the start of the full answer.
      expect(cut.data!.plan.itineraries[0]!.arrival).toBe(full[0]!.arrival);
    } finally {
      await unlimited.close();
      await tight.close();
    }
  }, 120_000);
});
