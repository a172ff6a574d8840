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
import { listen } from '../parking/realServer.js';
import {
  book,
  cancelJourney,
  JOURNEY_UPDATED_FULL,
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
const journeyOf = (e: { data?: { journeyUpdated: JourneyOut } | null }) => e.data!.journeyUpdated;

describe.skipIf(!existsSync(SI_ZIP))('journeyUpdated over a real server (issue 13)', () => {
  let h: Harness;
  let server: { url: string; close: () => Promise<void> };
  let times: FeedStopTimes;
  let agency: string;
  let rider: string;
  let withChange: ItineraryOut;
  let oneBus: ItineraryOut;

  const subscribe = (id: string) =>
    subscribeJourney(h, id, rider, server.url, JOURNEY_UPDATED_FULL);

  beforeAll(async () => {
    h = createHarness({ nowMs: NOW_MS });
    await h.services.feeds.importFeed('si', SI_ZIP);
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
    h.close();
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
