import type KDBush from 'kdbush';
import type { DayNumber, Seconds } from './time.js';

/** What the API shows of a loaded feed. */
export interface FeedMeta {
  feedId: string;
  timezone: string;
  agencies: { agencyId: string; name: string; url: string | null; timezone: string }[];
  /** First and last day with service (feed_info, else the calendars). */
  startDay: DayNumber;
  endDay: DayNumber;
  version: string | null;
  importedAtMs: number;
  counts: { stops: number; routes: number; trips: number; stopTimes: number };
}

/** How a footpath's duration is found: by walking its metres, or fixed by transfers.txt. */
export const FOOT_WALK = 0;
export const FOOT_FIXED = 1;

/**
 * The compiled timetable of every loaded feed: immutable, dense integer indices, typed arrays
 * (STYLE.md 2). Built by `compileTimetable`; read by the departures board and the router.
 *
 * Patterns are the RAPTOR routes: trips of one GTFS route with the same stops and the same
 * pickup/drop-off rules. A "run" is one vehicle journey of a pattern on its service day: a GTFS
 * trip, or one run of a `frequencies.txt` trip. Run times are seconds from the service day start.
 */
export interface Timetable {
  feeds: FeedMeta[];

  stopCount: number;
  /** Scoped ids, `"<feedId>:<stop_id>"`. */
  stopIds: string[];
  stopNames: string[];
  stopLat: Float64Array;
  stopLon: Float64Array;
  stopFeed: Uint16Array;
  stopLocationType: Uint8Array;
  /** Parent station index, -1 for none. */
  stopParent: Int32Array;
  stopPlatformCode: (string | null)[];
  stopIndexById: Map<string, number>;
  /** Children of each station: `stationChildren[stationChildStart[s] .. stationChildStart[s+1])`. */
  stationChildStart: Int32Array;
  stationChildren: Int32Array;

  routeCount: number;
  routeIds: string[];
  routeShortName: (string | null)[];
  routeLongName: (string | null)[];
  routeType: Int32Array;
  routeColor: (string | null)[];
  routeTextColor: (string | null)[];
  routeAgencyName: (string | null)[];
  routeFeed: Uint16Array;
  routeIndexById: Map<string, number>;

  tripCount: number;
  tripIds: string[];
  tripRoute: Int32Array;
  tripHeadsign: (string | null)[];
  /** Index into `shapes`, -1 for none. */
  tripShape: Int32Array;
  tripService: Int32Array;
  tripIndexById: Map<string, number>;

  /** Shape points, [lat0, lon0, lat1, lon1, …]. */
  shapes: Float64Array[];

  /** Services: active days as a byte per day from `serviceFirstDay`. */
  serviceFeed: Uint16Array;
  serviceFirstDay: Int32Array;
  serviceDays: Uint8Array[];

  patternCount: number;
  patternRoute: Int32Array;
  /** Stops of pattern p: `patternStops[patternStopStart[p] .. patternStopStart[p+1])`. */
  patternStopStart: Int32Array;
  patternStops: Int32Array;
  /** Parallel to `patternStops`: 1 when boarding (pickup_type ≠ 1) is allowed. */
  patternCanBoard: Uint8Array;
  /** Parallel to `patternStops`: 1 when alighting (drop_off_type ≠ 1) is allowed. */
  patternCanAlight: Uint8Array;
  /** Runs of pattern p: `patternRunStart[p] .. patternRunStart[p+1]`, by first departure. */
  patternRunStart: Int32Array;
  runTrip: Int32Array;
  /** Offset of run r's first stop time in `runArrival` / `runDeparture`. */
  runTimeStart: Int32Array;
  runArrival: Int32Array;
  runDeparture: Int32Array;

  /** Patterns through stop s: pairs in `stopPatternList[stopPatternStart[s] .. stopPatternStart[s+1])`. */
  stopPatternStart: Int32Array;
  stopPatternList: Int32Array;
  /** Position in the pattern, parallel to `stopPatternList`. */
  stopPatternPos: Int32Array;

  /** Footpaths from stop s (self-loops included): `[footStart[s] .. footStart[s+1])`. */
  footStart: Int32Array;
  footTo: Int32Array;
  footKind: Uint8Array;
  /** Walk metres for FOOT_WALK, seconds for FOOT_FIXED. */
  footValue: Int32Array;

  /** Spatial index over stops served by some pattern (routing access/egress). */
  servedStopIndex: KDBush;
  servedStops: Int32Array;
  /** Spatial index over every stop and station (stops near a point). */
  allStopIndex: KDBush;

  /** Settings the footpaths were built with. */
  walkCircuity: number;
  maxTransferMeters: number;
}

/** Stop time of run r at pattern position pos, seconds from its service day start. */
export function runDepartureAt(tt: Timetable, run: number, pos: number): Seconds {
  return tt.runDeparture[tt.runTimeStart[run]! + pos]!;
}

/** True when service `service` runs on `day`. */
export function serviceRunsOn(tt: Timetable, service: number, day: DayNumber): boolean {
  const i = day - tt.serviceFirstDay[service]!;
  const days = tt.serviceDays[service]!;
  return i >= 0 && i < days.length && days[i] === 1;
}
