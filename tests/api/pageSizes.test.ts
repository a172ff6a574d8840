import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../src/sample.js';
import { createHarness, type GqlResult, type Harness } from '../helpers/harness.js';
import { feedMessage, pushRealtime } from '../realtime/rtHelpers.js';

const rt = GtfsRealtimeBindings.transit_realtime;

/** Harness clock: 2026-12-01 07:00 in New York, inside the sample feed. */
const NOW_MS = Date.parse('2026-12-01T12:00:00Z');
/** Alerts pushed for feed `si`: more than `alerts`' default page of 100. */
const ALERT_COUNT = 120;
/** Extra facilities of operator `grid` around `CENTER`: with the four sample ones, more than the default page of 50. */
const GRID_FACILITIES = 60;
const CENTER = { lat: 40.6, lon: -74.12 };

/** One list field with a capped `first`: how to ask for a page and read it back as ids. */
interface PagedField {
  name: string;
  /** Default page size (the SDL's `first` default) and largest allowed. */
  defaultFirst: number;
  max: number;
  /** A document taking `$first: Int` (left out when undefined). */
  query: string;
  ids(data: Record<string, unknown> | null | undefined): string[];
}

const FIELDS: PagedField[] = [
  {
    name: 'routes',
    defaultFirst: 500,
    max: 1000,
    query: 'query ($first: Int) { routes(feedId: "si", first: $first) { id } }',
    ids: (data) => (data?.routes as { id: string }[]).map((r) => r.id),
  },
  {
    name: 'parkingFacilities',
    defaultFirst: 50,
    max: 200,
    query: `query ($first: Int) {
      parkingFacilities(near: { lat: ${CENTER.lat}, lon: ${CENTER.lon} }, radiusMeters: 50000, first: $first) { id }
    }`,
    ids: (data) => (data?.parkingFacilities as { id: string }[]).map((f) => f.id),
  },
  {
    name: 'alerts',
    defaultFirst: 100,
    max: 500,
    query: 'query ($first: Int) { alerts(feedId: "si", first: $first) { id } }',
    ids: (data) => (data?.alerts as { id: string }[]).map((a) => a.id),
  },
  {
    name: 'ParkingFacility.nearbyStops',
    defaultFirst: 20,
    max: 100,
    query: `query ($first: Int) {
      parkingFacility(id: "sample:st-george") { nearbyStops(maxWalkMeters: 2000, first: $first) { id } }
    }`,
    ids: (data) =>
      (data?.parkingFacility as { nearbyStops: { id: string }[] }).nearbyStops.map((s) => s.id),
  },
];

/** The first event of a subscription over server-sent events, and the stream closed. */
async function firstEvent(h: Harness, query: string): Promise<GqlResult> {
  const res = await h.app.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query }),
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  let buffer = '';
  try {
    for (;;) {
      for (const chunk of buffer.split('\n\n').slice(0, -1)) {
        const data = chunk.split('\n').find((l) => l.startsWith('data: '));
        if (data && data.length > 'data: '.length) return JSON.parse(data.slice(6)) as GqlResult;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended without an event');
      buffer += new TextDecoder().decode(value);
    }
  } finally {
    await reader.cancel();
  }
}

describe('page sizes of growing lists (issue 7)', () => {
  let h: Harness;

  beforeAll(async () => {
    // The sample feed (six Staten Island bus routes) and its four sample facilities.
    h = createHarness({ nowMs: NOW_MS });
    await loadSampleIfEmpty(h.services);
    for (let i = 0; i < GRID_FACILITIES; i++) {
      await h.services.parking.upsertFacility(
        {
          operatorId: 'grid',
          ownId: `lot-${i}`,
          name: `Grid lot ${i}`,
          // A spiral out from CENTER, so distances differ.
          lat: CENTER.lat + 0.0004 * i * Math.cos(i),
          lon: CENTER.lon + 0.0004 * i * Math.sin(i),
          kind: 'SURFACE_LOT',
          totalSpaces: 10,
          reservableSpaces: 0,
          openingHours: '24/7',
          timezone: 'America/New_York',
          currency: 'USD',
          hourlyRate: 100,
          dailyMax: null,
          accessibleSpaces: 0,
          evChargingSpaces: 0,
        },
        undefined,
      );
    }
    const alerts = Array.from({ length: ALERT_COUNT }, (_, i) => ({
      id: `a${String(i).padStart(3, '0')}`,
      alert: {
        informedEntity: [{ routeId: 'S44' }],
        headerText: { translation: [{ text: `Alert ${i}`, language: 'en' }] },
        effect: rt.Alert.Effect.DETOUR,
      },
    }));
    const pushed = await pushRealtime(
      h,
      'si',
      feedMessage(alerts, NOW_MS / 1000),
      h.key({ role: 'admin' }),
    );
    expect(pushed.status).toBe(200);
  });
  afterAll(() => h.close());

  describe.each(FIELDS)('$name', (field) => {
    const page = async (first?: number | null) => {
      const res = await h.gql(field.query, first === undefined ? {} : { first });
      expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
      return field.ids(res.body.data);
    };

    it.each([0, -1, field.max + 1])('first: %i is BAD_USER_INPUT', async (first) => {
      const res = await h.gql(field.query, { first });
      expect(res.status).toBe(200);
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors?.[0]?.message).toBe(`first must be between 1 and ${field.max}`);
    });

    it('a small first returns exactly that many, the first ones of the full answer in the same order', async () => {
      const all = await page(field.max);
      expect(all.length).toBeGreaterThan(3);
      expect(new Set(all).size).toBe(all.length);
      expect(await page(3)).toEqual(all.slice(0, 3));
      expect(await page(1)).toEqual(all.slice(0, 1));
    });

    it('without first (or with null) returns the default page, the head of the full answer', async () => {
      const all = await page(field.max);
      const byDefault = await page();
      expect(byDefault).toEqual(all.slice(0, field.defaultFirst));
      expect(await page(null)).toEqual(byDefault);
    });
  });

  it('cuts where the data outgrows the default page, and the cap still reaches everything here', async () => {
    const sizes = Object.fromEntries(
      await Promise.all(
        FIELDS.map(async (f) => {
          const [byDefault, max] = await Promise.all(
            [{}, { first: f.max }].map(async (v) => f.ids((await h.gql(f.query, v)).body.data)),
          );
          return [f.name, { byDefault: byDefault!.length, max: max!.length }] as const;
        }),
      ),
    );
    expect(sizes).toEqual({
      // Six routes: far below the default page, so existing clients see them all.
      routes: { byDefault: 6, max: 6 },
      // The 4 sample facilities and the 60 grid lots are all within 50 km.
      parkingFacilities: { byDefault: 50, max: 4 + GRID_FACILITIES },
      alerts: { byDefault: 100, max: ALERT_COUNT },
      'ParkingFacility.nearbyStops': { byDefault: 20, max: expect.any(Number) as number },
    });
    expect(sizes['ParkingFacility.nearbyStops']!.max).toBeGreaterThan(20);
  });

  it('routes are in id order and facilities and stops nearest first, before the cut', async () => {
    // routes.txt lists SIM4C first; the answer is by id.
    const routes = FIELDS[0]!.ids((await h.gql(FIELDS[0]!.query, { first: 3 })).body.data);
    expect(routes).toEqual(['si:S40', 'si:S42', 'si:S44']);
    const all = await h.gql<{ routes: { id: string }[] }>('{ routes { id } }');
    expect(all.body.data!.routes.map((r) => r.id)).toEqual([
      'si:S40',
      'si:S42',
      'si:S44',
      'si:S96',
      'si:S98',
      'si:SIM4C',
    ]);
    const near = await h.gql<{ parkingFacilities: { distanceMeters: number }[] }>(
      `{ parkingFacilities(near: { lat: ${CENTER.lat}, lon: ${CENTER.lon} }, radiusMeters: 50000, first: 200) { distanceMeters } }`,
    );
    const distances = near.body.data!.parkingFacilities.map((f) => f.distanceMeters);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const stops = await h.gql<{
      parkingFacility: { nearbyStops: { distanceMeters: number }[] };
    }>(
      '{ parkingFacility(id: "sample:st-george") { nearbyStops(maxWalkMeters: 2000, first: 5) { distanceMeters } } }',
    );
    const walks = stops.body.data!.parkingFacility.nearbyStops.map((s) => s.distanceMeters);
    expect(walks).toHaveLength(5);
    expect(walks).toEqual([...walks].sort((a, b) => a - b));
  });

  describe('alertsUpdated (the alerts as a subscription)', () => {
    it('starts with the first `first` alerts, as alerts does', async () => {
      const all = FIELDS[2]!.ids((await h.gql(FIELDS[2]!.query, { first: 500 })).body.data);
      const event = await firstEvent(
        h,
        'subscription { alertsUpdated(feedId: "si", first: 2) { id } }',
      );
      expect(event.errors).toBeUndefined();
      expect((event.data?.alertsUpdated as { id: string }[]).map((a) => a.id)).toEqual(
        all.slice(0, 2),
      );
      const byDefault = await firstEvent(h, 'subscription { alertsUpdated(feedId: "si") { id } }');
      expect(byDefault.data?.alertsUpdated).toHaveLength(100);
    });

    it.each([0, 501])('first: %i is BAD_USER_INPUT', async (first) => {
      const event = await firstEvent(
        h,
        `subscription { alertsUpdated(feedId: "si", first: ${first}) { id } }`,
      );
      expect(event.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    });
  });
});
