import { DateTime } from 'luxon';
import { compileTimetable } from '../../src/transit/compile.js';
import { Network } from '../../src/transit/network.js';
import type { FeedSource, SourceCalendar, SourceStop } from '../../src/transit/source.js';
import type { Timetable } from '../../src/transit/timetable.js';
import { PLAN_DEFAULTS, type PlacePoint, type PlanQuery } from '../../src/planner/query.js';

/**
 * A small builder of `FeedSource`s for router tests: stops with coordinates, trips as lists of
 * stop times, calendars, calendar_dates, frequencies and transfers, in a few lines, so a test
 * can draw its network in a comment and build exactly that.
 */

/** A stop: `[lat, lon]`, or an object for stations and their platforms. */
export type TinyStop =
  readonly [number, number] | { lat: number; lon: number; station?: boolean; parent?: string };

/** A stop time: `[stopId, "HH:MM:SS" arrival, "HH:MM:SS" departure, pickupType?, dropOffType?]`. */
export type TinyStopTime = readonly [string, string, string, number?, number?];

/** A trip: its stop times, service (default `"all"`) and route (default `"R"`, a bus). */
export interface TinyTrip {
  service?: string;
  route?: string;
  times: readonly TinyStopTime[];
}

/** A calendar.txt row: `days` like `"MTWTF--"` (Monday first, `-` for no service). */
export interface TinyCalendar {
  service: string;
  days: string;
  /** YYYYMMDD. */
  start: string;
  end: string;
}

/** The compact description of a feed. */
export interface TinyFeedSpec {
  feedId?: string;
  /** Agency timezone; default America/New_York. */
  timezone?: string;
  stops: Record<string, TinyStop>;
  trips: Record<string, TinyTrip | readonly TinyStopTime[]>;
  /** Routes by id → GTFS route_type; every route a trip names defaults to 3 (bus). */
  routes?: Record<string, number>;
  /**
   * calendar.txt rows. When neither `calendars` nor `calendarDates` is given, service `"all"`
   * runs every day of 2026 and 2027.
   */
  calendars?: readonly TinyCalendar[];
  /** calendar_dates.txt rows: `[serviceId, YYYYMMDD, exceptionType]` (1 added, 2 removed). */
  calendarDates?: readonly (readonly [string, string, number])[];
  /** frequencies.txt rows: `[tripId, "HH:MM:SS" start, "HH:MM:SS" end, headwaySecs]`. */
  frequencies?: readonly (readonly [string, string, string, number])[];
  /** transfers.txt rows: `[from, to, transferType, minTransferTime?]`. */
  transfers?: readonly (readonly [string, string, number, number?])[];
}

/** `"HH:MM:SS"` (hours may exceed 24) → seconds since the service day start. */
export function hms(text: string): number {
  const m = /^(\d+):(\d\d):(\d\d)$/.exec(text);
  if (!m) throw new Error(`bad time ${text}`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/** Builds the `FeedSource` a spec describes (stop times in trip order, as the compiler wants). */
export function tinyFeed(spec: TinyFeedSpec): FeedSource {
  const feedId = spec.feedId ?? 't';
  const timezone = spec.timezone ?? 'America/New_York';
  const stops: SourceStop[] = Object.entries(spec.stops).map(([stopId, s]) => {
    const o = 'lat' in s ? s : { lat: s[0], lon: s[1] };
    return {
      stopId,
      name: stopId,
      lat: o.lat,
      lon: o.lon,
      locationType: 'station' in o && o.station ? 1 : 0,
      parentStation: 'parent' in o ? (o.parent ?? null) : null,
      platformCode: null,
    };
  });
  const stopIndex = new Map(stops.map((s, i) => [s.stopId, i]));
  const tripEntries = Object.entries(spec.trips).map(([tripId, t]) => {
    const trip: TinyTrip = 'times' in t ? t : { times: t };
    return { tripId, trip };
  });
  const routeTypes = new Map(Object.entries(spec.routes ?? {}));
  for (const { trip } of tripEntries)
    if (!routeTypes.has(trip.route ?? 'R')) routeTypes.set(trip.route ?? 'R', 3);

  const rows = tripEntries.flatMap(({ trip }, tripIdx) =>
    trip.times.map(([stopId, arr, dep, pickup, dropOff], seq) => {
      const stop = stopIndex.get(stopId);
      if (stop === undefined) throw new Error(`unknown stop ${stopId}`);
      return {
        tripIdx,
        stop,
        seq,
        arr: hms(arr),
        dep: hms(dep),
        pickup: pickup ?? 0,
        dropOff: dropOff ?? 0,
      };
    }),
  );
  const count = rows.length;
  const stopTimes = {
    count,
    trip: Int32Array.from(rows, (r) => r.tripIdx),
    stop: Int32Array.from(rows, (r) => r.stop),
    stopSequence: Int32Array.from(rows, (r) => r.seq + 1),
    arrivalSec: Int32Array.from(rows, (r) => r.arr),
    departureSec: Int32Array.from(rows, (r) => r.dep),
    pickupType: Uint8Array.from(rows, (r) => r.pickup),
    dropOffType: Uint8Array.from(rows, (r) => r.dropOff),
  };

  const everyDay = !spec.calendars && !spec.calendarDates;
  const calendars: SourceCalendar[] = (
    everyDay
      ? [{ service: 'all', days: 'MTWTFSS', start: '20260101', end: '20271231' }]
      : (spec.calendars ?? [])
  ).map((c) => ({
    serviceId: c.service,
    weekdays: Array.from(
      { length: 7 },
      (_, i) => c.days[i] !== '-' && c.days[i] !== undefined,
    ) as SourceCalendar['weekdays'],
    startDate: c.start,
    endDate: c.end,
  }));

  return {
    feedId,
    timezone,
    agencies: [{ agencyId: 'A', name: 'Tiny Transit', url: null, timezone }],
    stops,
    routes: [...routeTypes].map(([routeId, type]) => ({
      routeId,
      agencyId: 'A',
      shortName: routeId,
      longName: null,
      type,
      color: null,
      textColor: null,
    })),
    trips: tripEntries.map(({ tripId, trip }) => ({
      tripId,
      routeId: trip.route ?? 'R',
      serviceId: trip.service ?? 'all',
      headsign: null,
      directionId: null,
      shapeId: null,
    })),
    stopTimes,
    calendars,
    calendarDates: (spec.calendarDates ?? []).map(([serviceId, date, exceptionType]) => ({
      serviceId,
      date,
      exceptionType,
    })),
    frequencies: (spec.frequencies ?? []).map(([tripId, start, end, headwaySec]) => ({
      tripId,
      startSec: hms(start),
      endSec: hms(end),
      headwaySec,
    })),
    transfers: (spec.transfers ?? []).map(
      ([fromStopId, toStopId, transferType, minTransferSec]) => ({
        fromStopId,
        toStopId,
        transferType,
        minTransferSec: minTransferSec ?? null,
      }),
    ),
    shapes: new Map(),
    feedInfo: null,
    importedAtMs: 0,
  };
}

/** Metres per degree of latitude on the 6,371 km sphere. */
const METERS_PER_DEGREE = (6_371_000 * Math.PI) / 180;

/**
 * A point `north` and `east` metres from `[lat, lon]` (east measured along the parallel), for
 * stops that should be a given walk apart.
 */
export function offset(from: readonly [number, number], north: number, east = 0): [number, number] {
  const lat = from[0] + north / METERS_PER_DEGREE;
  const lon = from[1] + east / (METERS_PER_DEGREE * Math.cos((from[0] * Math.PI) / 180));
  return [lat, lon];
}

/**
 * Cell `(col, row)` of a grid with cells about 3.3 km apart (near Staten Island), far enough
 * that no footpaths are generated between stops placed on different cells.
 */
export function grid(col: number, row: number): [number, number] {
  return [40.5 + row * 0.03, -74.2 + col * 0.04];
}

/** A compiled tiny feed with helpers to name its stops and times. */
export interface TinyWorld {
  src: FeedSource;
  tt: Timetable;
  net: Network;
  /** Stop index of a feed-local stop id. */
  stop(id: string): number;
  /** Local date-time `YYYY-MM-DDTHH:MM[:SS]` in the feed's timezone → Unix seconds. */
  at(local: string): number;
  /** The stop as a `PlacePoint` (its coordinates and index). */
  place(id: string): PlacePoint;
  /** A `PlanQuery` with PLAN_DEFAULTS, from/to stop ids or points, leaving at `time`. */
  query(
    from: string | PlacePoint,
    to: string | PlacePoint,
    time: string | number,
    extra?: Partial<PlanQuery>,
  ): PlanQuery;
}

/** Builds, compiles (walkCircuity 1.25, maxTransferMeters 400) and wraps a tiny feed. */
export function tinyWorld(spec: TinyFeedSpec): TinyWorld {
  const src = tinyFeed(spec);
  const tt = compileTimetable([src], { walkCircuity: 1.25, maxTransferMeters: 400 });
  const net = new Network(tt);
  const stop = (id: string): number => {
    const idx = tt.stopIndexById.get(`${src.feedId}:${id}`);
    if (idx === undefined) throw new Error(`unknown stop ${id}`);
    return idx;
  };
  const at = (local: string): number => {
    const dt = DateTime.fromISO(local, { zone: src.timezone });
    if (!dt.isValid) throw new Error(`bad local time ${local}`);
    return dt.toSeconds();
  };
  const place = (id: string): PlacePoint => {
    const s = stop(id);
    return { lat: tt.stopLat[s]!, lon: tt.stopLon[s]!, stop: s };
  };
  const query = (
    from: string | PlacePoint,
    to: string | PlacePoint,
    time: string | number,
    extra: Partial<PlanQuery> = {},
  ): PlanQuery => ({
    ...PLAN_DEFAULTS,
    from: typeof from === 'string' ? place(from) : from,
    to: typeof to === 'string' ? place(to) : to,
    time: typeof time === 'string' ? at(time) : time,
    arriveBy: false,
    ...extra,
  });
  return { src, tt, net, stop, at, place, query };
}
