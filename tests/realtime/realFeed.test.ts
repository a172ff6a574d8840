/**
 * GTFS-Realtime on the real Staten Island bus feed (issue 4, "Done when"): FeedMessages built with
 * gtfs-realtime-bindings, pushed through `POST /v1/feeds/si/realtime` with an agency key, then read
 * back from the `departures` board, `plan` and the `departuresUpdated` subscription. Trips and
 * stops are chosen from the feed at run time; every expected time comes from the feed's own
 * stop_times (node-gtfs tables), not from the code under test.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTransitLeg, type Itinerary, type TransitLeg } from '../../src/planner/itinerary.js';
import { plan as planInProcess } from '../../src/planner/plan.js';
import { PLAN_DEFAULTS, type PlanQuery } from '../../src/planner/query.js';
import { departuresFrom } from '../../src/transit/departures.js';
import type { Network } from '../../src/transit/network.js';
import { patternOfRun } from '../../src/transit/realtimeOverlay.js';
import { createHarness, SHARED_FEEDS, type Harness } from '../helpers/harness.js';
import {
  BOARD,
  feedMessage,
  gtfsDate,
  pushRealtime,
  tripUpdate,
  type BoardRow,
} from './rtHelpers.js';
import { importFeedOnce } from '../helpers/feedCache.js';

const SI_ZIP = path.join(SHARED_FEEDS, 'nyc-staten-island-bus.zip');
const TZ = 'America/New_York';
const SKIPPED =
  GtfsRealtimeBindings.transit_realtime.TripUpdate.StopTimeUpdate.ScheduleRelationship.SKIPPED;

/** Wednesday 2026-12-02, 07:30 New York: a weekday inside the SI feed, morning peak. */
const NOW_MS = Date.parse('2026-12-02T12:30:00Z');
const NOW_SEC = NOW_MS / 1000;
const DELAY = 300;
/** Small enough that only the stop under the origin point is walkable. */
const NEAR_METERS = 60;

const PLAN = `query($input: PlanInput!) {
  plan(input: $input) {
    messages { code }
    itineraries {
      departure arrival
      legs {
        mode departure arrival scheduledDeparture scheduledArrival delaySeconds realtime
        trip { id } from { stop { id } } to { stop { id } }
        intermediateStops { stop { id } arrival departure }
      }
    }
  }
}`;

interface GqlLeg {
  mode: string;
  departure: string;
  arrival: string;
  scheduledDeparture: string | null;
  scheduledArrival: string | null;
  delaySeconds: number | null;
  realtime: boolean;
  trip: { id: string } | null;
  from: { stop: { id: string } | null };
  to: { stop: { id: string } | null };
  intermediateStops: { stop: { id: string }; arrival: string; departure: string }[];
}
interface GqlItinerary {
  departure: string;
  arrival: string;
  legs: GqlLeg[];
}

/** One stop time of a trip as the feed's stop_times has it, in Unix seconds on one service day. */
interface StopTime {
  /** Scoped stop id (`si:…`). */
  stopId: string;
  stopSequence: number;
  arrival: number;
  departure: number;
}

/** A run of a trip on a service day, with its stop times from the feed. */
interface TripRun {
  /** GTFS trip_id (unscoped). */
  tripId: string;
  startDate: string;
  stops: StopTime[];
}

/** A ride the scheduled planner takes: `trip` from stop position `board` to position `alight`. */
interface Ride extends TripRun {
  board: number;
  alight: number;
}

/** A one-transfer itinerary: `first` to its stop `alight`, then `second` from its stop `board`. */
interface Link {
  from: string;
  to: string;
  departAt: number;
  first: Ride;
  second: Ride;
}

const iso = (sec: number) =>
  DateTime.fromSeconds(sec, { zone: TZ }).toISO({ suppressMilliseconds: true })!;
const sec = (text: string | null | undefined) => Date.parse(text!) / 1000;
const scoped = (tripId: string) => `si:${tripId}`;
const transitLegs = (it: GqlItinerary) => it.legs.filter((l) => l.trip !== null);
const ridesTrip = (it: GqlItinerary, tripId: string) =>
  transitLegs(it).some((l) => l.trip?.id === scoped(tripId));

describe.skipIf(!existsSync(SI_ZIP))(
  'realtime on the real Staten Island feed (2026-12-02 07:30)',
  () => {
    let h: Harness;
    let agency: string;
    let db: Database.Database | undefined;
    /** A trip whose stop `board` is the best way from that stop to stop `alight` (and from the stop before). */
    let ride: Ride;
    let link: Link;

    /** The trip's stop_times from the feed (node-gtfs tables), timed on service day `startDate`. */
    function tripRun(tripId: string, startDate: string): TripRun {
      const midnight = DateTime.fromFormat(startDate, 'yyyyLLdd', { zone: TZ })
        .set({ hour: 12 })
        .minus({ hours: 12 })
        .toSeconds();
      const rows = db!
        .prepare(
          'SELECT stop_id AS stopId, stop_sequence AS seq, arrival_timestamp AS arr, departure_timestamp AS dep FROM stop_times WHERE trip_id = ? ORDER BY stop_sequence',
        )
        .all(tripId) as { stopId: string; seq: number; arr: number | null; dep: number | null }[];
      return {
        tripId,
        startDate,
        stops: rows.map((r) => ({
          stopId: `si:${r.stopId}`,
          stopSequence: r.seq,
          arrival: midnight + r.arr!,
          departure: midnight + r.dep!,
        })),
      };
    }

    /** The ride of a leg of the in-process planner, checked against the feed's stop_times. */
    function rideOf(net: Network, leg: TransitLeg): Ride {
      const run = tripRun(net.tt.tripIds[leg.trip]!.slice(3), gtfsDate(leg.serviceDay));
      const p = patternOfRun(net.tt, leg.run);
      expect(run.stops.map((s) => s.stopId)).toEqual(
        Array.from(
          net.tt.patternStops.subarray(net.tt.patternStopStart[p], net.tt.patternStopStart[p + 1]),
          (s) => net.tt.stopIds[s]!,
        ),
      );
      return { ...run, board: leg.boardPos, alight: leg.alightPos };
    }

    const stopPlace = (net: Network, stopId: string) => {
      const s = net.tt.stopIndexById.get(stopId)!;
      return { lat: net.tt.stopLat[s]!, lon: net.tt.stopLon[s]!, stop: s };
    };
    const coordinates = (net: Network, stopId: string) => {
      const { lat, lon } = stopPlace(net, stopId);
      return { lat, lon };
    };
    const query = (
      over: Partial<PlanQuery> & Pick<PlanQuery, 'from' | 'to' | 'time'>,
    ): PlanQuery => ({ ...PLAN_DEFAULTS, arriveBy: false, ...over });
    const onlyLeg = (it: Itinerary | undefined) => {
      const legs = it?.legs.filter(isTransitLeg) ?? [];
      return legs.length === 1 ? legs[0] : undefined;
    };

    /**
     * A departure soon after now whose trip the scheduled planner takes from its stop (by id; from
     * the stop before and from the stop's coordinates with a short walk) to 4 stops later, with no
     * other itinerary arriving within DELAY + 60 s of it, so that a delayed run is still the first.
     */
    function findRide(net: Network): Ride {
      const tt = net.tt;
      for (let s = 0; s < tt.stopCount; s++) {
        const d = departuresFrom(net, s, NOW_SEC + 120, 1)[0];
        if (!d || d.departure > NOW_SEC + 1800 || d.pos < 1) continue;
        const p = patternOfRun(tt, d.run);
        if (d.pos + 5 >= tt.patternStopStart[p + 1]! - tt.patternStopStart[p]!) continue;
        const alightStop = tt.patternStops[tt.patternStopStart[p]! + d.pos + 4]!;
        const prevStop = tt.patternStops[tt.patternStopStart[p]! + d.pos - 1]!;
        const to = { lat: tt.stopLat[alightStop]!, lon: tt.stopLon[alightStop]!, stop: alightStop };
        const time = d.departure - 120;
        const byId = planInProcess(
          net,
          query({ from: { lat: tt.stopLat[s]!, lon: tt.stopLon[s]!, stop: s }, to, time }),
        );
        const leg = onlyLeg(byId.itineraries[0]);
        if (
          !leg ||
          leg.run !== d.run ||
          leg.serviceDay !== d.serviceDay ||
          leg.boardPos !== d.pos ||
          leg.alightPos !== d.pos + 4
        )
          continue;
        const second = byId.itineraries[1];
        if (second && second.arrival <= leg.arrival + DELAY + 60) continue;
        const fromPrev = onlyLeg(
          planInProcess(
            net,
            query({
              from: { lat: tt.stopLat[prevStop]!, lon: tt.stopLon[prevStop]!, stop: prevStop },
              to,
              time: time - 600,
              maxWalkMeters: NEAR_METERS,
            }),
          ).itineraries[0],
        );
        if (fromPrev?.run !== d.run || fromPrev.boardPos !== d.pos - 1) continue;
        const near = planInProcess(
          net,
          query({
            from: { lat: tt.stopLat[s]!, lon: tt.stopLon[s]! },
            to: { lat: to.lat, lon: to.lon },
            time,
            maxWalkMeters: NEAR_METERS,
          }),
        );
        if (
          onlyLeg(near.itineraries[0])?.run !== d.run ||
          onlyLeg(near.itineraries[0])?.from.stop !== s
        )
          continue;
        return rideOf(net, leg);
      }
      throw new Error('no suitable ride found in the SI feed');
    }

    /** A scheduled plan between two seeded random stops whose first itinerary changes bus once, within 15 min. */
    function findLink(net: Network): Link {
      const tt = net.tt;
      const served = Array.from(tt.servedStops);
      let seed = 42;
      const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
      for (let i = 0; i < 2000; i++) {
        const a = served[Math.floor(random() * served.length)]!;
        const b = served[Math.floor(random() * served.length)]!;
        const time = NOW_SEC;
        const it = planInProcess(
          net,
          query({ from: stopPlace(net, tt.stopIds[a]!), to: stopPlace(net, tt.stopIds[b]!), time }),
        ).itineraries[0];
        const legs = it?.legs.filter(isTransitLeg) ?? [];
        if (legs.length !== 2 || legs[0]!.departure <= NOW_SEC) continue;
        if (legs[1]!.departure - legs[0]!.arrival > 900) continue;
        return {
          from: tt.stopIds[a]!,
          to: tt.stopIds[b]!,
          departAt: time,
          first: rideOf(net, legs[0]!),
          second: rideOf(net, legs[1]!),
        };
      }
      throw new Error('no one-transfer itinerary found in the SI feed');
    }

    beforeAll(async () => {
      h = createHarness({ nowMs: NOW_MS });
      agency = h.key({ role: 'agency', feedIds: ['si'] });
      await importFeedOnce(h, 'si', SI_ZIP);
      const row = h.services.feeds.list().find((f) => f.id === 'si')!;
      db = new Database(path.join(h.dataDir, 'feeds', row.fileName), {
        readonly: true,
        fileMustExist: true,
      });
      const net = h.services.feeds.network!;
      ride = findRide(net);
      link = findLink(net);
    }, 300_000);
    afterAll(async () => {
      db?.close();
      await h.close();
    });

    // ---- helpers over the API ---------------------------------------------------------------
    async function push(entities: GtfsRealtimeBindings.transit_realtime.IFeedEntity[]) {
      const res = await pushRealtime(
        h,
        'si',
        feedMessage(entities, Math.floor(h.clock.nowMs() / 1000)),
        agency,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        applied: { tripUpdates: entities.length },
        unknownTrips: 0,
      });
      return res.body;
    }

    async function board(stopId: string, after: number): Promise<BoardRow[]> {
      const res = await h.gql<{ departures: BoardRow[] }>(BOARD, {
        stopId,
        after: iso(after),
        first: 10,
      });
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.departures;
    }
    /** The row of `run` on the board of its stop `pos`, asked from 2 min before its scheduled departure. */
    async function boardRow(run: TripRun, pos: number): Promise<BoardRow | undefined> {
      const rows = await board(run.stops[pos]!.stopId, run.stops[pos]!.departure - 120);
      return rows.find(
        (r) =>
          r.trip.id === scoped(run.tripId) &&
          sec(r.scheduledDeparture) === run.stops[pos]!.departure,
      );
    }

    async function plan(input: Record<string, unknown>): Promise<GqlItinerary[]> {
      const res = await h.gql<{ plan: { itineraries: GqlItinerary[] } }>(PLAN, { input });
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.plan.itineraries;
    }
    /** Plan from the ride's board stop (by id) to its alight stop, 2 min before it leaves. */
    const planRide = () =>
      plan({
        from: { stopId: ride.stops[ride.board]!.stopId },
        to: { stopId: ride.stops[ride.alight]!.stopId },
        departAt: iso(ride.stops[ride.board]!.departure - 120),
      });
    /**
     * Plan from the stop before the ride's board stop, walking at most NEAR_METERS (else, with the
     * bus late, walking on to the next stop and boarding there is as good and leaves later).
     */
    const planFromPrev = () =>
      plan({
        from: { stopId: ride.stops[ride.board - 1]!.stopId },
        to: { stopId: ride.stops[ride.alight]!.stopId },
        departAt: iso(ride.stops[ride.board]!.departure - 720),
        maxWalkMeters: NEAR_METERS,
      });
    /** Plan from the coordinates of the ride's board stop, walking at most NEAR_METERS. */
    const planNear = () => {
      const net = h.services.feeds.network!;
      return plan({
        from: coordinates(net, ride.stops[ride.board]!.stopId),
        to: coordinates(net, ride.stops[ride.alight]!.stopId),
        departAt: iso(ride.stops[ride.board]!.departure - 120),
        maxWalkMeters: NEAR_METERS,
      });
    };
    const planLink = () =>
      plan({ from: { stopId: link.from }, to: { stopId: link.to }, departAt: iso(link.departAt) });

    /** The leg of `it` riding `run`, if any. */
    const legOn = (it: GqlItinerary | undefined, run: TripRun) =>
      it?.legs.find((l) => l.trip?.id === scoped(run.tripId));
    /** Whether `it` rides link.first to its alight stop, then link.second from its board stop. */
    const usesLink = (it: GqlItinerary) => {
      const legs = transitLegs(it);
      return legs.some(
        (l, i) =>
          l.trip?.id === scoped(link.first.tripId) &&
          l.to.stop?.id === link.first.stops[link.first.alight]!.stopId &&
          legs[i + 1]?.trip?.id === scoped(link.second.tripId) &&
          legs[i + 1]?.from.stop?.id === link.second.stops[link.second.board]!.stopId,
      );
    };
    /** Every change of vehicle leaves after the previous vehicle arrives (live times). */
    const expectConsistent = (its: GqlItinerary[]) => {
      for (const it of its) {
        for (let i = 1; i < it.legs.length; i++)
          expect(sec(it.legs[i]!.departure)).toBeGreaterThanOrEqual(sec(it.legs[i - 1]!.arrival));
      }
    };

    const delayAt = (run: TripRun, pos: number, delay: number, id = 'd') =>
      tripUpdate(id, { tripId: run.tripId, startDate: run.startDate }, [
        { stopId: run.stops[pos]!.stopId.slice(3), departure: { delay } },
      ]);

    // ---- the tests ----------------------------------------------------------------------------
    it('on the schedule, plan rides the chosen trips at their stop_times', async () => {
      const leg = legOn((await planRide())[0], ride)!;
      expect(leg.from.stop?.id).toBe(ride.stops[ride.board]!.stopId);
      expect(leg.to.stop?.id).toBe(ride.stops[ride.alight]!.stopId);
      expect(sec(leg.departure)).toBe(ride.stops[ride.board]!.departure);
      expect(sec(leg.arrival)).toBe(ride.stops[ride.alight]!.arrival);
      expect(sec(leg.scheduledDeparture)).toBe(ride.stops[ride.board]!.departure);
      expect(leg).toMatchObject({ delaySeconds: null, realtime: false });
      expect(legOn((await planNear())[0], ride)?.from.stop?.id).toBe(
        ride.stops[ride.board]!.stopId,
      );
      expect(legOn((await planFromPrev())[0], ride)?.from.stop?.id).toBe(
        ride.stops[ride.board - 1]!.stopId,
      );
      expect((await planLink()).some(usesLink)).toBe(true);
      expect((await boardRow(ride, ride.board))?.realtimeState).toBe('SCHEDULED');
    });

    it('a delay on one stop moves that stop and the later ones, on the board and in plan', async () => {
      expect(await push([delayAt(ride, ride.board, DELAY)])).toEqual({
        applied: { tripUpdates: 1, vehiclePositions: 0, alerts: 0 },
        unknownTrips: 0,
        refused: [],
      });

      // Board: the stop before keeps the schedule; the delayed stop and the ones after move.
      const before = await boardRow(ride, ride.board - 1);
      expect(before).toMatchObject({
        realtimeState: 'SCHEDULED',
        delaySeconds: null,
        realtimeDeparture: null,
      });
      for (const pos of [ride.board, ride.board + 1, ride.alight - 1]) {
        const row = (await boardRow(ride, pos))!;
        expect(row.realtimeState).toBe('UPDATED');
        expect(row.delaySeconds).toBe(DELAY);
        expect(sec(row.realtimeDeparture)).toBe(ride.stops[pos]!.departure + DELAY);
      }

      // Plan: the same ride, live times on the leg, timetable times beside them.
      const its = await planRide();
      const leg = legOn(its[0], ride)!;
      expect(leg).toBeDefined();
      expect(sec(leg.departure)).toBe(ride.stops[ride.board]!.departure + DELAY);
      expect(sec(leg.scheduledDeparture)).toBe(ride.stops[ride.board]!.departure);
      expect(sec(leg.arrival)).toBe(ride.stops[ride.alight]!.arrival + DELAY);
      expect(sec(leg.scheduledArrival)).toBe(ride.stops[ride.alight]!.arrival);
      expect(leg.delaySeconds).toBe(DELAY);
      expect(leg.realtime).toBe(true);
      expect(leg.intermediateStops.map((s) => s.stop.id)).toEqual(
        ride.stops.slice(ride.board + 1, ride.alight).map((s) => s.stopId),
      );
      leg.intermediateStops.forEach((s, i) =>
        expect(sec(s.departure)).toBe(ride.stops[ride.board + 1 + i]!.departure + DELAY),
      );
      expect(
        its.some(
          (it) =>
            legOn(it, ride) &&
            sec(legOn(it, ride)!.departure) === ride.stops[ride.board]!.departure,
        ),
      ).toBe(false);
      expect(sec(its[0]!.arrival)).toBeGreaterThanOrEqual(ride.stops[ride.alight]!.arrival + DELAY);
      expectConsistent(its);

      // Boarding one stop earlier: on time there, late at the destination.
      const early = legOn((await planFromPrev())[0], ride)!;
      expect(early.from.stop?.id).toBe(ride.stops[ride.board - 1]!.stopId);
      expect(sec(early.departure)).toBe(ride.stops[ride.board - 1]!.departure);
      expect(early.delaySeconds).toBe(0);
      expect(sec(early.arrival)).toBe(ride.stops[ride.alight]!.arrival + DELAY);
      expect(early.realtime).toBe(true);
    });

    it('a cancelled trip disappears from plan (another trip is taken) and shows CANCELED on the board', async () => {
      await push([
        tripUpdate('c', { tripId: ride.tripId, startDate: ride.startDate, canceled: true }, []),
      ]);
      const its = await planRide();
      expect(its.length).toBeGreaterThan(0);
      expect(its.some((it) => ridesTrip(it, ride.tripId))).toBe(false);
      expect(transitLegs(its[0]!).length).toBeGreaterThan(0);
      expect(sec(its[0]!.arrival)).toBeGreaterThanOrEqual(ride.stops[ride.alight]!.arrival);
      expectConsistent(its);
      for (const pos of [ride.board, ride.board + 1]) {
        const row = (await boardRow(ride, pos))!;
        expect(row.realtimeState).toBe('CANCELED');
        expect(row.realtimeDeparture).toBeNull();
      }
    });

    it('a SKIPPED stop (matched by stop_sequence) cannot be boarded; the trip still serves the other stops', async () => {
      const skipped = ride.stops[ride.board]!;
      await push([
        tripUpdate('s', { tripId: ride.tripId, startDate: ride.startDate }, [
          { stopSequence: skipped.stopSequence, scheduleRelationship: SKIPPED },
        ]),
      ]);
      expect((await boardRow(ride, ride.board))?.realtimeState).toBe('SKIPPED');

      const near = await planNear();
      for (const it of near) {
        for (const l of transitLegs(it))
          if (l.trip?.id === scoped(ride.tripId)) expect(l.from.stop?.id).not.toBe(skipped.stopId);
      }
      expectConsistent(near);

      // From the stop before, the trip is still ridden, on time, passing the skipped stop without a call.
      const through = legOn((await planFromPrev())[0], ride)!;
      expect(through.from.stop?.id).toBe(ride.stops[ride.board - 1]!.stopId);
      expect(sec(through.departure)).toBe(ride.stops[ride.board - 1]!.departure);
      expect(sec(through.arrival)).toBe(ride.stops[ride.alight]!.arrival);
      expect(through.intermediateStops.map((s) => s.stop.id)).toEqual(
        ride.stops.slice(ride.board + 1, ride.alight).map((s) => s.stopId),
      );
    });

    it('a connection that a delay breaks is not offered', async () => {
      const arrive = link.first.stops[link.first.alight]!.arrival;
      const leave = link.second.stops[link.second.board]!.departure;
      const delay = leave - arrive + 60; // the first bus now arrives a minute after the second leaves
      await push([delayAt(link.first, link.first.board, delay, 'l')]);
      const its = await planLink();
      expect(its.length).toBeGreaterThan(0);
      expect(its.some(usesLink)).toBe(false);
      expectConsistent(its);
      for (const it of its) {
        const l = legOn(it, link.first);
        const pos = link.first.stops.findIndex((s) => s.stopId === l?.from.stop?.id);
        if (l && pos >= link.first.board)
          expect(sec(l.departure)).toBe(link.first.stops[pos]!.departure + delay);
      }
    });

    it('a departuresUpdated subscriber receives the new board after a push', async () => {
      const stopId = ride.stops[ride.board]!.stopId;
      const res = await h.app.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({
          query: `subscription($stopId: ID!) { departuresUpdated(stopId: $stopId, first: 30) { trip { id } scheduledDeparture realtimeDeparture delaySeconds realtimeState } }`,
          variables: { stopId },
        }),
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      const next = async (): Promise<BoardRow[]> => {
        for (;;) {
          const end = buffer.indexOf('\n\n');
          if (end >= 0) {
            const data = buffer
              .slice(0, end)
              .split('\n')
              .find((l) => l.startsWith('data: '));
            buffer = buffer.slice(end + 2);
            if (data)
              return (JSON.parse(data.slice(6)) as { data: { departuresUpdated: BoardRow[] } }).data
                .departuresUpdated;
            continue;
          }
          const { value, done } = await reader.read();
          if (done) throw new Error('stream ended');
          buffer += decoder.decode(value, { stream: true });
        }
      };
      try {
        // The board without `after` is from now (07:30); the ride leaves within 30 min of it.
        const row = (rows: BoardRow[]) => rows.find((r) => r.trip.id === scoped(ride.tripId));
        const first = row(await next())!;
        expect(first.delaySeconds).not.toBe(DELAY);
        await push([delayAt(ride, ride.board, DELAY)]);
        const after = row(await next())!;
        expect(after.realtimeState).toBe('UPDATED');
        expect(after.delaySeconds).toBe(DELAY);
        expect(sec(after.realtimeDeparture)).toBe(ride.stops[ride.board]!.departure + DELAY);
      } finally {
        await reader.cancel();
      }
    });

    it('data older than REALTIME_MAX_AGE_SECONDS falls back to the schedule, in plan and on the board', async () => {
      await push([delayAt(ride, ride.board, DELAY)]);
      expect(sec(legOn((await planRide())[0], ride)!.departure)).toBe(
        ride.stops[ride.board]!.departure + DELAY,
      );
      try {
        h.clock.advance(h.config.realtimeMaxAgeSeconds + 1);
        const leg = legOn((await planRide())[0], ride)!;
        expect(sec(leg.departure)).toBe(ride.stops[ride.board]!.departure);
        expect(sec(leg.arrival)).toBe(ride.stops[ride.alight]!.arrival);
        expect(leg).toMatchObject({ delaySeconds: null, realtime: false });
        const row = (await boardRow(ride, ride.board))!;
        expect(row.realtimeState).toBe('SCHEDULED');
        expect(row.realtimeDeparture).toBeNull();
      } finally {
        h.clock.set(NOW_MS);
      }
    });
  },
);
