/**
 * Issue 6, "Done when": park and ride end to end over HTTP on the real Staten Island bus feed
 * with the sample facilities. Wednesday 2026-12-02, 07:00 in New York (the harness clock).
 *
 * A rider in Tottenville, the far south-west of the island (40.512, -74.247), plans to leave at
 * 07:30 and park until 18:00. To Staten Island University Hospital (40.584, -74.085) the answer
 * is a drive to a sample lot by the Eltingville Transit Center, a short walk, one bus along Hylan
 * Boulevard (S79-SBS) and a walk; to Midland Beach (40.5735, -74.096) it adds a change of bus.
 * Bus times are checked against the feed's own stop_times, street legs against DESIGN.md §4 and
 * the StreetRouter defaults (haversine × 1.4 at 30 km/h, 300 s to park).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SAMPLE_FACILITIES,
  SAMPLE_OPERATOR_ID,
  loadSampleParking,
} from '../../src/parking/sample.js';
import { haversineMeters } from '../../src/transit/geo.js';
import { createHarness, SHARED_FEEDS, type Harness } from '../helpers/harness.js';
import { feedMessage, pushRealtime, tripUpdate } from '../realtime/rtHelpers.js';
import {
  book,
  cancelJourney,
  planItineraries,
  readJourney,
  reservationRows,
  sec,
  spacesLeft,
  subscribeJourney,
  type ItineraryOut,
  type JourneyOut,
  type LegOut,
} from './fixtures.js';
import { importFeedOnce } from '../helpers/feedCache.js';

const SI_ZIP = path.join(SHARED_FEEDS, 'nyc-staten-island-bus.zip');
const TZ = 'America/New_York';
const NOW_MS = Date.parse('2026-12-02T12:00:00Z');
const ORIGIN = { lat: 40.512, lon: -74.247 };
const HOSPITAL = { lat: 40.584, lon: -74.085 };
const MIDLAND_BEACH = { lat: 40.5735, lon: -74.096 };
const PARKING_UNTIL = '2026-12-02T18:00:00-05:00';
const FREE_SPACES = 57;
const DELAY = 240;

const request = (to: { lat: number; lon: number }) => ({
  from: ORIGIN,
  to,
  departAt: '2026-12-02T07:30:00-05:00',
  accessModes: ['CAR_PARK'],
  parkingUntil: PARKING_UNTIL,
});
const modes = (it: { legs: LegOut[] }) => it.legs.map((l) => l.mode);
const park = (it: { legs: LegOut[] }) => it.legs.find((l) => l.mode === 'PARK')!;
const buses = (it: { legs: LegOut[] }) => it.legs.filter((l) => l.mode === 'BUS');
const unscoped = (id: string) => id.slice(id.indexOf(':') + 1);

describe.skipIf(!existsSync(SI_ZIP))(
  'park and ride on the real Staten Island feed (2026-12-02 07:00)',
  () => {
    let h: Harness;
    let feedDb: Database.Database;
    let agency: string;
    let operator: string;
    let rider: string;
    let otherRider: string;
    let planned: ItineraryOut;
    let journey: JourneyOut;

    /** Departure and arrival (Unix s) of a trip at a stop on 2026-12-02, and its stop_sequence, from the feed's stop_times. */
    function stopTime(tripId: string, stopId: string, departure?: number) {
      const midnight = DateTime.fromISO('2026-12-02T12:00:00', { zone: TZ })
        .minus({ hours: 12 })
        .toSeconds();
      const rows = feedDb
        .prepare(
          'SELECT stop_sequence AS seq, arrival_timestamp AS arr, departure_timestamp AS dep FROM stop_times WHERE trip_id = ? AND stop_id = ?',
        )
        .all(unscoped(tripId), unscoped(stopId)) as { seq: number; arr: number; dep: number }[];
      const all = rows.map((r) => ({
        seq: r.seq,
        arrival: midnight + r.arr,
        departure: midnight + r.dep,
      }));
      return departure === undefined ? all : all.filter((r) => r.departure === departure);
    }

    /** Pushes one TripUpdate: `delay` seconds from the bus leg's boarding stop on (propagated downstream). */
    async function delayBus(leg: LegOut, delay: number) {
      const [board] = stopTime(leg.trip!.id, leg.from.stop!.id, sec(leg.scheduledDeparture));
      const entity = tripUpdate('d1', { tripId: unscoped(leg.trip!.id), startDate: '20261202' }, [
        { stopSequence: board!.seq, arrival: { delay }, departure: { delay } },
      ]);
      const res = await pushRealtime(
        h,
        'si',
        feedMessage([entity], Math.floor(h.clock.nowMs() / 1000)),
        agency,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ applied: { tripUpdates: 1 }, unknownTrips: 0 });
    }

    beforeAll(async () => {
      h = createHarness({ nowMs: NOW_MS });
      await importFeedOnce(h, 'si', SI_ZIP);
      const row = h.services.feeds.list().find((f) => f.id === 'si')!;
      feedDb = new Database(path.join(h.dataDir, 'feeds', row.fileName), {
        readonly: true,
        fileMustExist: true,
      });
      await loadSampleParking(h.services.parking);
      agency = h.key({ role: 'agency', feedIds: ['si'] });
      operator = h.key({ role: 'operator', operatorId: SAMPLE_OPERATOR_ID });
      rider = await h.riderToken('rider-1');
      otherRider = await h.riderToken('rider-2');
    }, 180_000);
    afterAll(async () => {
      feedDb.close();
      await h.close();
    });

    it('the operator pushes availability; CAR_PARK plans CAR, PARK, WALK, BUS, WALK with consistent times', async () => {
      const reports = SAMPLE_FACILITIES.map((f) => ({
        facilityId: f.ownId,
        availableSpaces: FREE_SPACES,
        status: 'OPEN',
        observedAt: new Date(NOW_MS - 60_000).toISOString(),
      }));
      const reported = await h.gql<{ reportParkingAvailability: { accepted: number } }>(
        `mutation ($input: ReportParkingAvailabilityInput!) { reportParkingAvailability(input: $input) { accepted } }`,
        { input: { reports } },
        operator,
      );
      expect(reported.body.data?.reportParkingAvailability.accepted).toBe(SAMPLE_FACILITIES.length);

      const itineraries = await planItineraries(h, request(HOSPITAL));
      planned = itineraries[0]!;
      expect(modes(planned)).toEqual(['CAR', 'PARK', 'WALK', 'BUS', 'WALK']);
      const [car, parkLeg, walkToStop, bus, walkOut] = planned.legs as [
        LegOut,
        LegOut,
        LegOut,
        LegOut,
        LegOut,
      ];

      // One leg after the other: each starts where and no earlier than the one before ends.
      for (let i = 1; i < planned.legs.length; i++) {
        const [a, b] = [planned.legs[i - 1]!, planned.legs[i]!];
        expect(sec(b.departure), `${a.mode} → ${b.mode}`).toBeGreaterThanOrEqual(sec(a.arrival));
        expect([b.from.lat, b.from.lon]).toEqual([a.to.lat, a.to.lon]);
      }
      expect([car.from.lat, car.from.lon]).toEqual([ORIGIN.lat, ORIGIN.lon]);
      expect([walkOut.to.lat, walkOut.to.lon]).toEqual([HOSPITAL.lat, HOSPITAL.lon]);
      expect(sec(planned.departure)).toBeGreaterThanOrEqual(sec('2026-12-02T07:30:00-05:00'));

      // The drive: haversine × 1.4 at 30 km/h to the lot; parking takes 300 s; walks at 1.3 m/s.
      const lot = SAMPLE_FACILITIES.find(
        (f) => `${SAMPLE_OPERATOR_ID}:${f.ownId}` === parkLeg.parking!.facility.id,
      )!;
      expect(lot).toBeDefined();
      expect(car.distanceMeters).toBe(
        Math.ceil(haversineMeters(ORIGIN.lat, ORIGIN.lon, lot.lat, lot.lon) * 1.4),
      );
      expect(sec(car.arrival) - sec(car.departure)).toBe(
        Math.ceil(car.distanceMeters / (30_000 / 3600)),
      );
      expect(sec(parkLeg.arrival) - sec(parkLeg.departure)).toBe(300);
      for (const walk of [walkToStop, walkOut]) {
        expect(walk.distanceMeters).toBe(
          Math.ceil(haversineMeters(walk.from.lat, walk.from.lon, walk.to.lat, walk.to.lon) * 1.25),
        );
        expect(sec(walk.arrival) - sec(walk.departure)).toBe(Math.ceil(walk.distanceMeters / 1.3));
      }

      // The bus: as in the feed's stop_times, boarded right after the walk.
      expect(walkToStop.to.stop?.id).toBe(bus.from.stop?.id);
      expect(stopTime(bus.trip!.id, bus.from.stop!.id, sec(bus.departure))).toHaveLength(1);
      const alight = stopTime(bus.trip!.id, bus.to.stop!.id).find(
        (s) => s.arrival === sec(bus.arrival),
      );
      expect(alight).toBeDefined();
      expect(bus).toMatchObject({
        scheduledDeparture: bus.departure,
        delaySeconds: null,
        realtime: false,
        connectionAtRisk: false,
      });

      // The parking: from the arrival at the lot to parkingUntil, live spaces as reported, reservable.
      expect(parkLeg.parking).toMatchObject({
        startsAt: car.arrival,
        endsAt: PARKING_UNTIL,
        availableSpaces: FREE_SPACES,
        stale: false,
        reservable: true,
        reservation: null,
      });
    });

    it('books it: the facility has one reservable space fewer for the window, the PARK leg shows the code', async () => {
      const p = park(planned).parking!;
      const before = await spacesLeft(h, p.facility.id, p.startsAt, p.endsAt);

      const res = await book(h, rider, planned.id, 'hospital');

      expect(res.code).toBeUndefined();
      journey = res.journey!;
      expect(await spacesLeft(h, p.facility.id, p.startsAt, p.endsAt)).toBe(before - 1);
      expect(journey).toMatchObject({
        status: 'CONFIRMED',
        departure: planned.departure,
        arrival: planned.arrival,
      });
      expect(modes(journey)).toEqual(modes(planned));
      expect(park(journey).parking!.reservation).toMatchObject({
        id: journey.reservation!.id,
        code: journey.reservation!.code,
        status: 'CONFIRMED',
      });
      expect(journey.reservation).toMatchObject({
        startsAt: p.startsAt,
        endsAt: p.endsAt,
        facility: { id: p.facility.id },
      });
    });

    it('a GTFS-Realtime delay on the booked bus shows in journey(id) and is pushed to journeyUpdated', async () => {
      const sub = await subscribeJourney(h, journey.id, rider);
      const first = await sub.next();
      expect(buses(first.data!.journeyUpdated)[0]).toMatchObject({
        delaySeconds: null,
        realtime: false,
      });

      const bus = buses(planned)[0]!;
      await delayBus(bus, DELAY);

      const pushed = await sub.next();
      await sub.close();
      expect(buses(pushed.data!.journeyUpdated)[0]).toMatchObject({
        delaySeconds: DELAY,
        realtime: true,
        connectionAtRisk: false,
      });
      const read = (await readJourney(h, rider, journey.id)).journey!;
      const live = buses(read)[0]!;
      expect(live).toMatchObject({
        scheduledDeparture: bus.departure,
        delaySeconds: DELAY,
        realtime: true,
        trip: { id: bus.trip!.id },
      });
      expect(sec(live.departure)).toBe(sec(bus.departure) + DELAY);
      expect(sec(live.arrival)).toBe(sec(bus.arrival) + DELAY);
      // One bus: no connection to miss. The journey now arrives later; the planned times stay.
      expect(live.connectionAtRisk).toBe(false);
      expect(sec(read.liveArrival)).toBe(sec(planned.arrival) + DELAY);
      expect(read.arrival).toBe(planned.arrival);
    });

    it('connectionAtRisk on the first bus once its delay is more than the change of bus allows', async () => {
      const withChange = (await planItineraries(h, request(MIDLAND_BEACH))).find(
        (it) => buses(it).length === 2,
      )!;
      expect(withChange).toBeDefined();
      const booked = (await book(h, rider, withChange.id, 'midland')).journey!;
      const [first, second] = buses(booked) as [LegOut, LegOut];
      const i = booked.legs.indexOf(first);
      const j = booked.legs.indexOf(second);
      const walk = booked.legs
        .slice(i + 1, j)
        .reduce((s, l) => s + sec(l.arrival) - sec(l.departure), 0);
      // The plan leaves at least the transfer slack (60 s) between the arrival (+ walk) and the next bus.
      const margin = sec(second.departure) - (sec(first.arrival) + walk + 60);
      expect(margin).toBeGreaterThanOrEqual(0);

      await delayBus(first, margin);
      let legs = buses((await readJourney(h, rider, booked.id)).journey!);
      expect(legs.map((l) => [l.delaySeconds, l.connectionAtRisk])).toEqual([
        [margin, false],
        [null, false],
      ]);

      h.clock.advance(1);
      await delayBus(first, margin + 1);
      legs = buses((await readJourney(h, rider, booked.id)).journey!);
      expect(legs.map((l) => [l.delaySeconds, l.connectionAtRisk])).toEqual([
        [margin + 1, true],
        [null, false],
      ]);
      expect((await cancelJourney(h, rider, booked.id)).journey?.status).toBe('CANCELLED');
    });

    it('another rider gets NOT_FOUND; cancelJourney gives the space back', async () => {
      expect((await readJourney(h, otherRider, journey.id)).code).toBe('NOT_FOUND');
      expect((await cancelJourney(h, otherRider, journey.id)).code).toBe('NOT_FOUND');
      const p = park(planned).parking!;
      const before = await spacesLeft(h, p.facility.id, p.startsAt, p.endsAt);

      const cancelled = (await cancelJourney(h, rider, journey.id)).journey!;

      expect(cancelled).toMatchObject({
        status: 'CANCELLED',
        reservation: { status: 'CANCELLED' },
      });
      expect(await spacesLeft(h, p.facility.id, p.startsAt, p.endsAt)).toBe(before + 1);
      expect(
        (await reservationRows(h)).every(
          (r) => r.journey === r.journeyId && r.status === 'CANCELLED',
        ),
      ).toBe(true);
    });
  },
);
