/**
 * Issue 13: a journey followed live over a real HTTP server (SSE) on the Staten Island bus feed
 * with the sample lots, Wednesday 2026-12-02 from 07:00 New York (the harness clock). Every
 * trigger sends an event within 1 s, `journeyUpdated` shows what `journey(id)` returns, and the
 * stream ends after FINISHED or CANCELLED.
 *
 * The journeys: from Tottenville (40.512, -74.247) at 07:30, drive to a sample lot, park until
 * 18:00, and ride to Midland Beach (a change of bus) or the hospital (one bus).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SAMPLE_FACILITIES,
  SAMPLE_OPERATOR_ID,
  loadSampleParking,
} from '../../src/parking/sample.js';
import { createHarness, SHARED_FEEDS, type Harness } from '../helpers/harness.js';
import { mulberry32 } from '../helpers/prng.js';
import { listen } from '../parking/realServer.js';
import { tripUpdate } from '../realtime/rtHelpers.js';
import {
  book,
  cancelJourney,
  JOURNEY_UPDATED_FULL,
  REBOOK,
  reservationRows,
  planItineraries,
  readJourney,
  sec,
  subscribeJourney,
  type ItineraryOut,
  type JourneyOut,
  type LegOut,
} from './fixtures.js';
import {
  expectConsistent,
  FeedStopTimes,
  legDelay,
  pushEntities,
  unscoped,
} from './liveFixtures.js';
import { importFeedOnce } from '../helpers/feedCache.js';

const SI_ZIP = path.join(SHARED_FEEDS, 'nyc-staten-island-bus.zip');
const TZ = 'America/New_York';
const NOW_MS = Date.parse('2026-12-02T12:00:00Z');
const ORIGIN = { lat: 40.512, lon: -74.247 };
const HOSPITAL = { lat: 40.584, lon: -74.085 };
const MIDLAND_BEACH = { lat: 40.5735, lon: -74.096 };

const request = (to: { lat: number; lon: number }) => ({
  from: ORIGIN,
  to,
  departAt: '2026-12-02T07:30:00-05:00',
  accessModes: ['CAR_PARK'],
  parkingUntil: '2026-12-02T18:00:00-05:00',
});
const buses = (j: { legs: LegOut[] }) => j.legs.filter((l) => l.mode === 'BUS');
const ALTERNATIVES = /* GraphQL */ `
  query ($id: ID!) {
    journey(id: $id) {
      alternatives(first: 3) {
        id
        departure
        arrival
        legs {
          mode
          departure
          arrival
          from {
            stop {
              id
            }
          }
          to {
            lat
            lon
            stop {
              id
            }
          }
          parking {
            facility {
              id
            }
          }
        }
      }
    }
  }
`;
const RESERVE = /* GraphQL */ `
  mutation ($input: ReserveParkingInput!) {
    reserveParking(input: $input) {
      reservation {
        id
      }
    }
  }
`;
const journeyOf = (e: { data?: { journeyUpdated: JourneyOut } | null }) => e.data!.journeyUpdated;

describe.skipIf(!existsSync(SI_ZIP))('journeyUpdated over a real server (issue 13)', () => {
  let h: Harness;
  let server: { url: string; close: () => Promise<void> };
  let times: FeedStopTimes;
  let agency: string;
  let rider: string;
  let withChange: ItineraryOut;
  let oneBus: ItineraryOut;

  async function rebook(id: string, itineraryId: string, idempotencyKey: string) {
    const res = await h.gql<{ rebookJourney: { journey: JourneyOut } }>(
      REBOOK,
      { input: { id, itineraryId, idempotencyKey } },
      rider,
    );
    const error = res.body.errors?.[0];
    return error
      ? { code: error.extensions?.code, journey: undefined }
      : { code: undefined, journey: res.body.data!.rebookJourney.journey };
  }
  const subscribe = (id: string) =>
    subscribeJourney(h, id, rider, server.url, JOURNEY_UPDATED_FULL);

  beforeAll(async () => {
    h = createHarness({ nowMs: NOW_MS });
    await importFeedOnce(h, 'si', SI_ZIP);
    times = new FeedStopTimes(h, 'si');
    await loadSampleParking(h.services.parking);
    agency = h.key({ role: 'agency', feedIds: ['si'] });
    rider = await h.riderToken('rider-live');
    const operator = h.key({ role: 'operator', operatorId: SAMPLE_OPERATOR_ID });
    await h.gql(
      `mutation ($input: ReportParkingAvailabilityInput!) { reportParkingAvailability(input: $input) { accepted } }`,
      {
        input: {
          reports: SAMPLE_FACILITIES.map((f) => ({
            facilityId: f.ownId,
            availableSpaces: 50,
            status: 'OPEN',
            observedAt: new Date(NOW_MS - 60_000).toISOString(),
          })),
        },
      },
      operator,
    );
    withChange = (await planItineraries(h, request(MIDLAND_BEACH))).find(
      (it) => buses(it).length === 2,
    )!;
    oneBus = (await planItineraries(h, request(HOSPITAL)))[0]!;
    server = await listen(h.app);
  }, 180_000);
  afterAll(async () => {
    await server.close();
    times.close();
    await h.close();
  });

  it('cancelJourney: a CANCELLED event, then the stream ends', async () => {
    const journey = (await book(h, rider, oneBus.id, 'live-cancel')).journey!;
    const sub = await subscribe(journey.id);
    expect(journeyOf(await sub.next()).status).toBe('CONFIRMED');

    await cancelJourney(h, rider, journey.id);

    const event = journeyOf(await sub.next());
    expect(event).toMatchObject({ status: 'CANCELLED', reservation: { status: 'CANCELLED' } });
    expect(await sub.ended()).toBe(true);
  });

  it('alternatives after a broken connection, from the stop of the late bus at its live arrival; rebookJourney keeps the parking and is an event', async () => {
    const journey = (await book(h, rider, withChange.id, 'live-alt')).journey!;
    const sub = await subscribe(journey.id);
    const first = journeyOf(await sub.next());
    const [bus1] = buses(first) as [LegOut, LegOut];
    await pushEntities(h, agency, [legDelay(times, bus1, 900, TZ)]);
    const broken = journeyOf(await sub.next());
    expect(buses(broken).map((l) => l.connectionAtRisk)).toEqual([true, false]);
    const late = buses(broken)[0]!;

    const res = await h.gql<{ journey: { alternatives: ItineraryOut[] } }>(
      ALTERNATIVES,
      { id: journey.id },
      rider,
    );
    expect(res.body.errors).toBeUndefined();
    const alternatives = res.body.data!.journey.alternatives;
    expect(alternatives.length).toBeGreaterThanOrEqual(1);
    expect(alternatives.length).toBeLessThanOrEqual(3);
    for (const alt of alternatives) {
      // From the alighting stop of the late bus, no earlier than its live arrival; no new drive.
      expect(alt.legs[0]!.from.stop?.id).toBe(late.to.stop!.id);
      expect(sec(alt.departure)).toBeGreaterThanOrEqual(sec(late.arrival));
      expect(alt.legs.map((l) => l.mode)).not.toContain('CAR');
      expect(alt.legs[alt.legs.length - 1]!.to).toMatchObject({
        lat: MIDLAND_BEACH.lat,
        lon: MIDLAND_BEACH.lon,
      });
    }
    const chosen = alternatives[0]!;

    const rebooked = await rebook(journey.id, chosen.id, 'alt-1');
    expect(rebooked.code).toBeUndefined();
    const after = rebooked.journey!;
    const kept = broken.legs.indexOf(late) + 1;
    const asBooked = (l: LegOut) => [l.mode, l.scheduledDeparture ?? l.departure];
    expect(after.legs.slice(0, kept).map(asBooked)).toEqual(
      first.legs.slice(0, kept).map(asBooked),
    );
    expect(after.legs.slice(kept).map((l) => [l.mode, l.departure, l.arrival])).toEqual(
      chosen.legs.map((l) => [l.mode, l.departure, l.arrival]),
    );
    expect(after).toMatchObject({
      id: journey.id,
      status: 'CONFIRMED',
      departure: first.departure,
      arrival: chosen.arrival,
    });
    expect(after.reservation).toMatchObject({ id: first.reservation!.id, status: 'CONFIRMED' });
    expect(after.legs.every((l) => !l.connectionAtRisk)).toBe(true);
    expectConsistent(after);
    // The subscriber hears of it; a retry changes nothing.
    expect(journeyOf(await sub.next()).legs.map((l) => l.mode)).toEqual(
      after.legs.map((l) => l.mode),
    );
    expect((await rebook(journey.id, chosen.id, 'alt-1')).journey).toEqual(after);
    await sub.close();
    await cancelJourney(h, rider, journey.id);
    await pushEntities(h, agency, []);
  });

  it('rebookJourney onto a parking window the booked space does not cover swaps the space: the new one reserved, the old one released', async () => {
    const journey = (await book(h, rider, oneBus.id, 'live-swap')).journey!;
    const booked = journey.reservation!;
    const earlier = (
      await planItineraries(h, { ...request(HOSPITAL), departAt: '2026-12-02T07:10:00-05:00' })
    ).find((it) => it.legs.some((l) => l.mode === 'PARK' && l.parking?.reservable))!;
    const p = earlier.legs.find((l) => l.mode === 'PARK')!.parking!;

    const passOf = async () => {
      const res = await h.gql<{ journey: { pass: { token: string } } }>(
        'query ($id: ID!) { journey(id: $id) { pass { token } } }',
        { id: journey.id },
        rider,
      );
      const token = res.body.data!.journey.pass.token;
      const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
        pk: { f: string; c: string; s: number; e: number }[];
      };
      return { token, parking: claims.pk };
    };
    const before = await passOf();
    expect(before.parking).toEqual([
      expect.objectContaining({ c: booked.code, s: Date.parse(booked.startsAt) / 1000 }),
    ]);

    const swapped = await rebook(journey.id, earlier.id, 'swap-1');

    expect(swapped.code).toBeUndefined();
    const after = swapped.journey!;
    expect(after.reservation).toMatchObject({
      status: 'CONFIRMED',
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      facility: { id: p.facility.id },
    });
    expect(after.reservation!.id).not.toBe(booked.id);
    // The pass now names the new space: a gate would refuse the old one's code.
    const renewed = await passOf();
    expect(renewed.token).not.toBe(before.token);
    expect(renewed.parking).toEqual([
      {
        f: p.facility.id,
        c: after.reservation!.code,
        s: Date.parse(p.startsAt) / 1000,
        e: Date.parse(p.endsAt) / 1000,
      },
    ]);
    expect((await passOf()).token).toBe(renewed.token);
    expect(after.legs.find((l) => l.mode === 'PARK')!.parking!.reservation!.id).toBe(
      after.reservation!.id,
    );
    const rows = await reservationRows(h);
    expect(rows.find((r) => r.id === booked.id)).toMatchObject({
      status: 'CANCELLED',
      journey: null,
    });
    expect(rows.find((r) => r.id === after.reservation!.id)).toMatchObject({
      status: 'CONFIRMED',
      journey: journey.id,
    });
    expect((await cancelJourney(h, rider, journey.id)).journey?.reservation?.status).toBe(
      'CANCELLED',
    );
  });

  it('rebookJourney onto a lot with no space left: NO_CAPACITY, the old booking untouched', async () => {
    const journey = (await book(h, rider, oneBus.id, 'live-full')).journey!;
    const booked = journey.reservation!;
    // An earlier start: the same drive and lot, parked from earlier on (a window the booked space does not cover).
    const other = (
      await planItineraries(h, { ...request(HOSPITAL), departAt: '2026-12-02T07:10:00-05:00' })
    ).find((it) => it.legs.some((l) => l.mode === 'PARK' && l.parking?.reservable))!;
    const p = other.legs.find((l) => l.mode === 'PARK')!.parking!;
    const sameLot = p.facility.id === booked.facility.id;
    expect(sameLot ? sec(p.startsAt) < sec(booked.startsAt) : true).toBe(true);
    // Other riders take every reservable space of that lot where the booked space does not reach.
    const fill = { startsAt: p.startsAt, endsAt: sameLot ? booked.startsAt : p.endsAt };
    const filler = await h.riderToken('filler');
    let full = false;
    for (let n = 0; n < 100 && !full; n++) {
      const res = await h.gql(
        RESERVE,
        { input: { facilityId: p.facility.id, ...fill, idempotencyKey: `fill-${n}` } },
        filler,
      );
      full = res.body.errors?.[0]?.extensions?.code === 'NO_CAPACITY';
      if (!full) expect(res.body.errors).toBeUndefined();
    }
    expect(full).toBe(true);
    const before = await readJourney(h, rider, journey.id);
    const rows = await reservationRows(h);

    const refused = await rebook(journey.id, other.id, 'full-1');

    expect(refused.code).toBe('NO_CAPACITY');
    expect(await readJourney(h, rider, journey.id)).toEqual(before);
    expect(before.journey!.reservation).toMatchObject({
      status: 'CONFIRMED',
      id: booked.id,
    });
    expect(await reservationRows(h)).toEqual(rows);
    await cancelJourney(h, rider, journey.id);
  });

  it('fuzz: random pushes (delays, cancellations, stale and empty messages) and clock steps while subscribed; every change is one event equal to journey(id), never contradictory', async () => {
    const journey = (await book(h, rider, withChange.id, 'live-fuzz')).journey!;
    const sub = await subscribe(journey.id);
    let last = journeyOf(await sub.next());
    const [bus1, bus2] = buses(last) as [LegOut, LegOut];
    const random = mulberry32(13);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const nowSec = () => Math.floor(h.clock.nowMs() / 1000);
    let events = 0;
    for (let round = 0; round < 30; round++) {
      const action = pick(['delay', 'delay', 'cancel', 'stale', 'empty', 'clock'] as const);
      if (action === 'delay') {
        const legs = random() < 0.5 ? [bus1] : [bus1, bus2];
        await pushEntities(
          h,
          agency,
          legs.map((l, k) => legDelay(times, l, Math.floor(random() * 1200), TZ, `f${k}`)),
        );
      } else if (action === 'cancel') {
        await pushEntities(h, agency, [
          tripUpdate(
            'fc',
            {
              tripId: unscoped(pick([bus1, bus2]).trip!.id),
              startDate: '20261202',
              canceled: true,
            },
            [],
          ),
        ]);
      } else if (action === 'stale') {
        const res = await pushEntities(
          h,
          agency,
          [legDelay(times, bus1, 3000, TZ)],
          nowSec() - 100,
        );
        expect(res.refused).toEqual([{ reason: 'STALE_MESSAGE', kind: 'tripUpdates', count: 1 }]);
      } else if (action === 'empty') {
        await pushEntities(h, agency, []);
      } else {
        h.clock.advance(Math.floor(random() * 120));
      }
      const now = (await readJourney(h, rider, journey.id)).journey!;
      expectConsistent(now);
      if (JSON.stringify(now) === JSON.stringify(last)) continue;
      // Changed: one event, within 1 s, showing exactly what journey(id) shows.
      const event = journeyOf(await sub.next());
      expect(event, `round ${round}: ${action}`).toEqual(now);
      last = event;
      events++;
    }
    expect(events).toBeGreaterThan(5);
    // Nothing stuck in the stream: no further event once nothing changes.
    expect(await sub.ended(300)).toBe(false);
    await sub.close();
    await cancelJourney(h, rider, journey.id);
    await pushEntities(h, agency, []);
  });

  it('realtime, connectionAtRisk, expiry, departure and arrival each send one event; the stream ends after FINISHED', async () => {
    const journey = (await book(h, rider, withChange.id, 'live-change')).journey!;
    const sub = await subscribe(journey.id);
    const first = journeyOf(await sub.next());
    expect(first.status).toBe('CONFIRMED');
    expect(buses(first).map((l) => [l.delaySeconds, l.realtime])).toEqual([
      [null, false],
      [null, false],
    ]);
    expectConsistent(first);
    const [bus1, bus2] = buses(first) as [LegOut, LegOut];
    const i = first.legs.indexOf(bus1);
    const j = first.legs.indexOf(bus2);
    // What the change of bus allows: the next bus leaves this long after arrival + walk + slack.
    const walk = first.legs
      .slice(i + 1, j)
      .reduce((s, l) => s + sec(l.arrival) - sec(l.departure), 0);
    const margin = sec(bus2.departure) - (sec(bus1.arrival) + walk + 60);
    expect(margin).toBeGreaterThanOrEqual(0);

    // A realtime update: the first bus late within the margin; the walk after it moves with it.
    const small = Math.min(margin, 60);
    await pushEntities(h, agency, [legDelay(times, bus1, small, TZ)]);
    const delayed = journeyOf(await sub.next());
    expect(buses(delayed).map((l) => [l.delaySeconds, l.connectionAtRisk])).toEqual([
      [small, false],
      [null, false],
    ]);
    expectConsistent(delayed);
    expect(sec(delayed.legs[i + 1]!.departure)).toBe(sec(first.legs[i + 1]!.departure) + small);
    // The same function answers journey(id).
    expect((await readJourney(h, rider, journey.id)).journey).toEqual(delayed);

    // connectionAtRisk flips when the delay passes the margin.
    await pushEntities(h, agency, [legDelay(times, bus1, margin + 1, TZ)]);
    const atRisk = journeyOf(await sub.next());
    expect(buses(atRisk).map((l) => l.connectionAtRisk)).toEqual([true, false]);
    expectConsistent(atRisk);

    // An alert on the second bus's trip: on that leg and on the journey, not on the first bus.
    await pushEntities(h, agency, [
      {
        id: 'alert-1',
        alert: {
          informedEntity: [{ trip: { tripId: unscoped(bus2.trip!.id) } }],
          headerText: { translation: [{ text: 'Diverted', language: 'en' }] },
        },
      },
    ]);
    const alerted = journeyOf(await sub.next());
    expect(buses(alerted).map((l) => l.alerts)).toEqual([[], [{ id: 'si:alert-1' }]]);
    expect(alerted.alerts).toEqual([{ id: 'si:alert-1' }]);
    expect(buses(alerted).map((l) => l.connectionAtRisk)).toEqual([true, false]);

    // Expiry: REALTIME_MAX_AGE_SECONDS (300) later the timetable stands again, with no push.
    h.clock.advance(301);
    const expired = journeyOf(await sub.next());
    expect(buses(expired).map((l) => [l.delaySeconds, l.realtime, l.connectionAtRisk])).toEqual([
      [null, false, false],
      [null, false, false],
    ]);
    expect(expired).toMatchObject({ status: 'CONFIRMED', liveArrival: first.liveArrival });

    // The departure: STARTED, from a timer on the clock.
    h.clock.set(sec(first.departure) * 1000);
    expect(journeyOf(await sub.next()).status).toBe('STARTED');

    // Nothing changes half-way: no event.
    h.clock.set(((sec(first.departure) + sec(first.liveArrival)) / 2) * 1000);
    expect(await sub.ended(300)).toBe(false);

    // The live arrival: FINISHED, and the stream ends.
    h.clock.set(sec(first.liveArrival) * 1000);
    expect(journeyOf(await sub.next()).status).toBe('FINISHED');
    expect(await sub.ended()).toBe(true);
  });
});
