/**
 * bookJourney, journey, cancelJourney and myJourneys on the bundled sample feed and the sample
 * facilities (through the real hono app): atomic booking, idempotency, expired and forged ids,
 * who may see what, and the status advancing with the injected clock.
 *
 * The scenario: Tuesday 2026-12-01, 07:00 in New York. A rider in the south-west of Staten Island
 * (40.52, -74.23) wants to reach the St. George ferry (40.6437, -74.0736), leaving at 08:15 and
 * parking until 18:00: drive to the Staten Island Mall lot (opens 08:00), walk to the S44, ride
 * to St. George.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { compactParkLeg, isCompactRide } from '../../src/journeys/compactItinerary.js';
import { loadSampleParking } from '../../src/parking/sample.js';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import { describeDialects } from '../helpers/dialects.js';
import type { Harness } from '../helpers/harness.js';
import {
  book,
  cancelJourney,
  MY_JOURNEYS,
  planItineraries,
  readJourney,
  reservationRows,
  sec,
  spacesLeft,
  type ItineraryOut,
  type JourneyOut,
} from './fixtures.js';
import { importFeedOnce } from '../helpers/feedCache.js';

const NOW_MS = Date.parse('2026-12-01T12:00:00Z');
const MALL = 'sample:si-mall';
const TRIP = {
  from: { lat: 40.52, lon: -74.23 },
  to: { lat: 40.6437, lon: -74.0736 },
  departAt: '2026-12-01T08:15:00-05:00',
  accessModes: ['CAR_PARK'],
  parkingUntil: '2026-12-01T18:00:00-05:00',
};

describeDialects(
  'booking and following journeys (sample feed, sample facilities)',
  ({ harness, replica, dialect }) => {
    let h: Harness;
    let rider: string;
    let otherRider: string;
    let operator: string;
    let admin: string;
    let itineraries: ItineraryOut[];
    let booked: JourneyOut;

    const parkLeg = (it: { legs: ItineraryOut['legs'] }) => it.legs.find((l) => l.mode === 'PARK')!;
    const window = (it: { legs: ItineraryOut['legs'] }) =>
      [parkLeg(it).parking!.startsAt, parkLeg(it).parking!.endsAt] as const;

    beforeAll(async () => {
      h = await harness({ nowMs: NOW_MS });
      await importFeedOnce(h, 'si', SAMPLE_FEED_DIR);
      await loadSampleParking(h.services.parking);
      rider = await h.riderToken('rider-1');
      otherRider = await h.riderToken('rider-2');
      operator = await h.apiKey({ role: 'operator', operatorId: 'sample' });
      admin = await h.apiKey({ role: 'admin' });
      itineraries = await planItineraries(h, TRIP);
    });
    afterEach(() => {
      h.clock.set(NOW_MS);
    });
    afterAll(async () => {
      await h.close();
    });

    it('plans CAR, PARK, WALK, BUS, WALK via the mall lot, each id a signed token', () => {
      expect(itineraries.length).toBeGreaterThanOrEqual(2);
      const first = itineraries[0]!;
      expect(first.legs.map((l) => l.mode)).toEqual(['CAR', 'PARK', 'WALK', 'BUS', 'WALK']);
      expect(parkLeg(first).parking).toMatchObject({
        facility: { id: MALL },
        reservable: true,
        reservation: null,
      });
      expect(first.legs.every((l) => !l.connectionAtRisk)).toBe(true);
      for (const it of itineraries) expect(it.id).toMatch(/^[\w-]+\.[\w-]{43}$/);
      expect(first.id.length).toBeLessThan(700);
    });

    it('books the first itinerary: journey and CONFIRMED reservation together, one space fewer', async () => {
      const first = itineraries[0]!;
      const [from, until] = window(first);
      const before = await spacesLeft(h, MALL, from, until);

      const res = await book(h, rider, first.id, 'k-1');

      expect(res.code).toBeUndefined();
      booked = res.journey!;
      expect(booked).toMatchObject({
        status: 'CONFIRMED',
        departure: first.departure,
        arrival: first.arrival,
        cancelledAt: null,
      });
      expect(booked.reservation).toMatchObject({
        status: 'CONFIRMED',
        startsAt: from,
        endsAt: until,
        facility: { id: MALL },
      });
      expect(booked.reservation!.code).toMatch(/^[A-Z2-9]{6}$/);
      // The legs are the planned ones; the PARK leg now shows the booked space.
      expect(booked.legs.map((l) => [l.mode, l.departure, l.arrival, l.trip?.id ?? null])).toEqual(
        first.legs.map((l) => [l.mode, l.departure, l.arrival, l.trip?.id ?? null]),
      );
      expect(parkLeg(booked).parking!.reservation).toEqual({
        id: booked.reservation!.id,
        code: booked.reservation!.code,
        status: 'CONFIRMED',
      });
      expect(booked.totals).toMatchObject({
        durationSeconds: first.durationSeconds,
        driveSeconds: first.driveSeconds,
        transfers: 0,
        price: parkLeg(first).parking!.price,
      });
      expect(await spacesLeft(h, MALL, from, until)).toBe(before - 1);
      expect(await reservationRows(h)).toEqual([
        {
          id: booked.reservation!.id,
          status: 'CONFIRMED',
          journeyId: booked.id,
          journey: booked.id,
        },
      ]);
    });

    it("refuses to cancel a journey's parking on its own (CONFLICT); the journey keeps its space", async () => {
      const res = await h.gql<{ cancelParkingReservation: { reservation: { status: string } } }>(
        'mutation($id: ID!) { cancelParkingReservation(input: { id: $id }) { reservation { status } } }',
        { id: booked.reservation!.id },
        rider,
      );
      expect(res.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await reservationRows(h)).toEqual([
        {
          id: booked.reservation!.id,
          status: 'CONFIRMED',
          journeyId: booked.id,
          journey: booked.id,
        },
      ]);
    });

    it('a retry with the same key returns the same journey and reserves nothing more', async () => {
      const [from, until] = window(itineraries[0]!);
      const before = await spacesLeft(h, MALL, from, until);
      const retry = await book(h, rider, itineraries[0]!.id, 'k-1');
      expect(retry.journey?.id).toBe(booked.id);
      expect(retry.journey?.reservation?.code).toBe(booked.reservation!.code);
      expect(await spacesLeft(h, MALL, from, until)).toBe(before);
      // Even once the id has expired: the key names the first result.
      h.clock.advance(h.config.itineraryTtlSeconds + 1);
      expect((await book(h, rider, itineraries[0]!.id, 'k-1')).journey?.id).toBe(booked.id);
      expect(await reservationRows(h)).toHaveLength(1);
    });

    it('the same key with another itinerary is CONFLICT; the same itinerary under a new key is a new journey', async () => {
      const conflict = await book(h, rider, itineraries[1]!.id, 'k-1');
      expect(conflict.code).toBe('CONFLICT');
      const again = await book(h, otherRider, itineraries[0]!.id, 'k-1');
      expect(again.journey?.id).not.toBe(booked.id);
      expect(await reservationRows(h)).toHaveLength(2);
      expect((await cancelJourney(h, otherRider, again.journey!.id)).journey?.status).toBe(
        'CANCELLED',
      );
    });

    it('refuses forged, altered and expired itinerary ids with BAD_USER_INPUT saying to plan again', async () => {
      const id = itineraries[1]!.id;
      const [body, signature] = id.split('.') as [string, string];
      const flip = (s: string, at: number) =>
        s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
      for (const bad of [
        'nonsense',
        `${flip(body, 10)}.${signature}`,
        `${body}.${flip(signature, 5)}`,
        `${body}.`,
        body,
      ]) {
        const res = await book(h, rider, bad, `bad-${bad.length}`);
        expect(res.code, bad.slice(0, 20)).toBe('BAD_USER_INPUT');
        expect(res.message).toMatch(/plan again/);
      }
      h.clock.advance(h.config.itineraryTtlSeconds);
      const expired = await book(h, rider, id, 'late');
      expect(expired.code).toBe('BAD_USER_INPUT');
      expect(expired.message).toMatch(/expired at .*plan again/);
      // Times in messages are DateTimes like the others: New York's offset, no milliseconds.
      expect(expired.message).toMatch(/expired at 2026-12-01T\d{2}:\d{2}:\d{2}-05:00: /);
      expect(await reservationRows(h)).toHaveLength(2);
    });

    it('needs a rider token: anonymous UNAUTHENTICATED, an operator key FORBIDDEN', async () => {
      expect((await book(h, undefined, itineraries[1]!.id, 'anon')).code).toBe('UNAUTHENTICATED');
      expect((await book(h, operator, itineraries[1]!.id, 'op')).code).toBe('FORBIDDEN');
      expect((await readJourney(h, undefined, booked.id)).code).toBe('UNAUTHENTICATED');
      expect((await readJourney(h, operator, booked.id)).code).toBe('FORBIDDEN');
      const list = await h.gql(MY_JOURNEYS, { first: 5 });
      expect(list.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('another rider gets NOT_FOUND for the journey and cannot cancel it; an admin may read it', async () => {
      expect((await readJourney(h, otherRider, booked.id)).code).toBe('NOT_FOUND');
      expect((await cancelJourney(h, otherRider, booked.id)).code).toBe('NOT_FOUND');
      expect((await readJourney(h, admin, booked.id)).journey?.id).toBe(booked.id);
      expect((await readJourney(h, rider, booked.id)).journey?.status).toBe('CONFIRMED');
    });

    it('advances CONFIRMED → STARTED at the planned departure → FINISHED at the arrival; a finished journey cannot be cancelled', async () => {
      h.clock.set(sec(booked.departure) * 1000 - 1000);
      expect((await readJourney(h, rider, booked.id)).journey?.status).toBe('CONFIRMED');
      h.clock.set(sec(booked.departure) * 1000);
      expect((await readJourney(h, rider, booked.id)).journey?.status).toBe('STARTED');
      h.clock.set(sec(booked.arrival) * 1000);
      expect((await readJourney(h, rider, booked.id)).journey?.status).toBe('FINISHED');
      expect((await cancelJourney(h, rider, booked.id)).code).toBe('CONFLICT');
    });

    it('NO_CAPACITY when the space was sold since planning, and nothing is written', async () => {
      const it2 = itineraries[1]!;
      const upsert = `mutation ($input: UpsertParkingFacilityInput!) { upsertParkingFacility(input: $input) { facility { id } } }`;
      const mall = (await h.services.parking.facility(MALL))!;
      const setReservable = (n: number) =>
        h.gql(
          upsert,
          {
            input: {
              id: 'si-mall',
              name: mall.name,
              location: { lat: mall.lat, lon: mall.lon },
              kind: mall.kind,
              totalSpaces: mall.totalSpaces,
              reservableSpaces: n,
              openingHours: mall.openingHours,
              price: { currency: 'USD', hourlyRate: 2, dailyMax: 10 },
              timezone: mall.timezone,
            },
          },
          operator,
        );
      expect((await setReservable(1)).body.errors).toBeUndefined();
      const res = await book(h, rider, it2.id, 'sold-out');
      expect(res.code).toBe('NO_CAPACITY');
      expect(res.message).toMatch(/Staten Island Mall/);
      expect(await reservationRows(h)).toHaveLength(2);
      const [journeys] = await h.query<{ n: number }>(
        'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM journeys',
      );
      expect(journeys?.n).toBe(2);
      await setReservable(mall.reservableSpaces);
    });

    it('NO_CAPACITY with a clear message for a PARK leg planned on drive-up space only', async () => {
      const opened = h.services.itineraryTokens.open(itineraries[1]!.id)!;
      compactParkLeg(opened.itinerary)!.p.v = 0;
      const id = h.services.itineraryTokens.issue(opened.itinerary, NOW_MS / 1000);
      const res = await book(h, rider, id, 'drive-up');
      expect(res.code).toBe('NO_CAPACITY');
      expect(res.message).toMatch(/drive-up only.*plan again/);
    });

    it('cancelJourney releases the space, and a second cancel returns the journey as it is', async () => {
      const it2 = itineraries[1]!;
      const [from, until] = window(it2);
      const before = await spacesLeft(h, MALL, from, until);
      const journey = (await book(h, rider, it2.id, 'k-2')).journey!;
      expect(await spacesLeft(h, MALL, from, until)).toBe(before - 1);

      const cancelled = (await cancelJourney(h, rider, journey.id)).journey!;
      expect(cancelled).toMatchObject({
        status: 'CANCELLED',
        reservation: { status: 'CANCELLED' },
      });
      expect(sec(cancelled.cancelledAt)).toBe(NOW_MS / 1000);
      expect(await spacesLeft(h, MALL, from, until)).toBe(before);
      expect((await cancelJourney(h, rider, journey.id)).journey).toEqual(cancelled);
      expect((await readJourney(h, rider, journey.id)).journey?.status).toBe('CANCELLED');
    });

    it('myJourneys lists the rider’s journeys, latest departure first, page by page', async () => {
      type Page = {
        myJourneys: {
          edges: { cursor: string; node: { id: string; departure: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
      const first = await h.gql<Page>(MY_JOURNEYS, { first: 1 }, rider);
      const page1 = first.body.data!.myJourneys;
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const second = await h.gql<Page>(
        MY_JOURNEYS,
        { first: 5, after: page1.pageInfo.endCursor },
        rider,
      );
      const page2 = second.body.data!.myJourneys;
      expect(page2.pageInfo.hasNextPage).toBe(false);
      const all = [...page1.edges, ...page2.edges].map((e) => e.node);
      expect(all.map((n) => n.id).sort()).toEqual(
        (await h.query<{ id: string }>(`SELECT id FROM journeys WHERE rider_id = 'rider-1'`))
          .map((r) => r.id)
          .sort(),
      );
      const departures = all.map((n) => sec(n.departure));
      expect(departures).toEqual([...departures].sort((a, b) => b - a));
      expect(
        (await h.gql<Page>(MY_JOURNEYS, { first: 5 }, otherRider)).body.data!.myJourneys.edges.map(
          (e) => e.node.id,
        ),
      ).not.toContain(booked.id);
    });

    it('a ride the current timetable no longer has keeps its booked times, without trip or route', async () => {
      const opened = h.services.itineraryTokens.open(itineraries[0]!.id)!;
      const ride = opened.itinerary.l.find(isCompactRide)!;
      ride.t = 'si:no-such-trip';
      const id = h.services.itineraryTokens.issue(opened.itinerary, NOW_MS / 1000);
      const journey = (await book(h, otherRider, id, 'gone')).journey!;
      const bus = journey.legs.find((l) => l.mode === 'BUS')!;
      const planned = itineraries[0]!.legs.find((l) => l.mode === 'BUS')!;
      expect(bus).toMatchObject({
        trip: null,
        route: null,
        realtime: false,
        scheduledDeparture: planned.scheduledDeparture,
        departure: planned.scheduledDeparture,
      });
      expect(bus.from.stop?.id).toBe(planned.from.stop?.id);
    });

    it.runIf(dialect === 'postgres')(
      'another replica hears a cancellation made here (journeys_changed), so its followers look again',
      async () => {
        const other = await replica({ nowMs: NOW_MS });
        const heard: string[] = [];
        other.services.journeys.onChange((id) => heard.push(id));
        const stop = await other.services.journeys.followShared();
        try {
          const { journey } = await book(h, rider, itineraries[0]!.id, 'heard-elsewhere');
          expect(journey?.status).toBe('CONFIRMED');
          expect((await cancelJourney(h, rider, journey!.id)).journey?.status).toBe('CANCELLED');
          const started = Date.now();
          while (!heard.includes(journey!.id) && Date.now() - started < 1000) {
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          expect(heard).toContain(journey!.id);
          // And what its database holds is the cancelled journey.
          const [row] = await other.query<{ status: string }>(
            `SELECT status FROM journeys WHERE id = '${journey!.id}'`,
          );
          expect(row?.status).toBe('CANCELLED');
        } finally {
          await stop();
          await other.close();
        }
      },
    );
  },
);
