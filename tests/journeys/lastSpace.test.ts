/**
 * Booking the last space at once, over a real server on 127.0.0.1 (issue 6, "Done when"): the
 * sample Staten Island Mall lot is cut down to ONE reservable space, then riders who planned the
 * same park-and-ride trip book it at the same moment. Exactly one journey is booked, the others
 * get NO_CAPACITY, and no reservation is left without its journey (nor a journey without one).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_OPERATOR_ID, loadSampleParking } from '../../src/parking/sample.js';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import { describeDialects } from '../helpers/dialects.js';
import type { Harness } from '../helpers/harness.js';
import { RESERVE } from '../parking/fixtures.js';
import { listen } from '../parking/realServer.js';
import { BOOK, planItineraries, reservationRows, type ItineraryOut } from './fixtures.js';
import { importFeedOnce } from '../helpers/feedCache.js';

const MALL = 'sample:si-mall';
/** 07:00 in New York on Tuesday 2026-12-01; the trip leaves at 08:15 (the mall lot opens at 08:00). */
const NOW_MS = Date.parse('2026-12-01T12:00:00Z');

interface Outcome {
  ok: boolean;
  code: string | undefined;
}

describeDialects(
  'booking the last space twice at once (real server on 127.0.0.1)',
  ({ harness }) => {
    let h: Harness;
    let url: string;
    let close: () => Promise<void>;
    let operator: string;

    /** POSTs a GraphQL mutation to the real server; ok when it returned data. */
    async function post(
      query: string,
      variables: Record<string, unknown>,
      token: string,
    ): Promise<Outcome> {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as {
        data?: unknown;
        errors?: { extensions?: { code?: string } }[];
      };
      return { ok: body.errors === undefined, code: body.errors?.[0]?.extensions?.code };
    }

    /** Cuts the mall lot down to `n` reservable spaces (its operator's key). */
    async function setReservable(n: number): Promise<void> {
      const f = (await h.services.parking.facility(MALL))!;
      const res = await h.gql(
        `mutation ($input: UpsertParkingFacilityInput!) { upsertParkingFacility(input: $input) { facility { id } } }`,
        {
          input: {
            id: f.ownId,
            name: f.name,
            location: { lat: f.lat, lon: f.lon },
            kind: f.kind,
            totalSpaces: f.totalSpaces,
            reservableSpaces: n,
            openingHours: f.openingHours,
            price: { currency: f.currency, hourlyRate: 2, dailyMax: 10 },
            timezone: f.timezone,
          },
        },
        operator,
      );
      expect(res.body.errors).toBeUndefined();
    }

    /** The first itinerary of the trip to St. George for a rider, parking at the mall lot. */
    async function plan(): Promise<ItineraryOut> {
      const its = await planItineraries(h, {
        from: { lat: 40.52, lon: -74.23 },
        to: { lat: 40.6437, lon: -74.0736 },
        departAt: '2026-12-01T08:15:00-05:00',
        accessModes: ['CAR_PARK'],
        parkingUntil: '2026-12-01T18:00:00-05:00',
      });
      const it = its[0]!;
      expect(it.legs.find((l) => l.mode === 'PARK')?.parking?.facility.id).toBe(MALL);
      return it;
    }

    /** Every reservation belongs to a stored journey and every journey with parking has its reservation. */
    async function expectNoOrphans(): Promise<void> {
      for (const r of await reservationRows(h)) {
        expect(r.journeyId, r.id).not.toBeNull();
        expect(r.journey, r.id).toBe(r.journeyId);
      }
      const journeys = await h.query(
        'SELECT j.id FROM journeys j LEFT JOIN parking_reservations r ON r.id = j.reservation_id WHERE r.id IS NULL',
      );
      expect(journeys).toEqual([]);
    }

    beforeAll(async () => {
      h = await harness({ nowMs: NOW_MS });
      await importFeedOnce(h, 'si', SAMPLE_FEED_DIR);
      await loadSampleParking(h.services.parking);
      operator = await h.apiKey({ role: 'operator', operatorId: SAMPLE_OPERATOR_ID });
      ({ url, close } = await listen(h.app));
    });
    afterAll(async () => {
      await close();
      await h.close();
    });

    it('two riders book the last space at once: one journey, one NO_CAPACITY', async () => {
      await setReservable(1);
      const [a, b] = [await plan(), await plan()];
      const tokens = [await h.riderToken('rider-a'), await h.riderToken('rider-b')];

      const outcomes = await Promise.all(
        [a, b].map((it, i) =>
          post(BOOK, { input: { itineraryId: it.id, idempotencyKey: 'go' } }, tokens[i]!),
        ),
      );

      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ok).map((o) => o.code)).toEqual(['NO_CAPACITY']);
      expect((await reservationRows(h)).filter((r) => r.status === 'CONFIRMED')).toHaveLength(1);
      await expectNoOrphans();
    });

    it('a burst of 30 riders and a reserveParking on one freed space: exactly one wins', async () => {
      await setReservable(2);
      const it = await plan();
      const p = it.legs.find((l) => l.mode === 'PARK')!.parking!;
      const tokens = await Promise.all(
        Array.from({ length: 31 }, (_, i) => h.riderToken(`burst-${i}`)),
      );

      const outcomes = await Promise.all([
        ...tokens
          .slice(0, 30)
          .map((t) => post(BOOK, { input: { itineraryId: it.id, idempotencyKey: 'burst' } }, t)),
        post(
          RESERVE,
          {
            input: {
              facilityId: MALL,
              startsAt: p.startsAt,
              endsAt: p.endsAt,
              idempotencyKey: 'direct',
            },
          },
          tokens[30]!,
        ),
      ]);

      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(new Set(outcomes.filter((o) => !o.ok).map((o) => o.code))).toEqual(
        new Set(['NO_CAPACITY']),
      );
      expect((await reservationRows(h)).filter((r) => r.status === 'CONFIRMED')).toHaveLength(2);
      // The direct reservation has no journey; a journey's reservation always has its journey.
      for (const r of (await reservationRows(h)).filter((row) => row.journeyId !== null))
        expect(r.journey).toBe(r.journeyId);
    });
  },
);
