/**
 * A feed as plain data, read from node-gtfs's database by `src/gtfs/readFeedSource.ts` and
 * compiled by `compileTimetable`. Ids are the feed's own (not yet scoped); times are seconds
 * since the start of the service day ("noon minus 12 h"), -1 where the feed leaves them empty.
 */
export interface FeedSource {
  feedId: string;
  /** The agency timezone (IANA), from agency.txt. */
  timezone: string;
  agencies: { agencyId: string; name: string; url: string | null; timezone: string }[];
  stops: SourceStop[];
  routes: SourceRoute[];
  trips: SourceTrip[];
  /** Stop times sorted by trip (as in `trips`) then stop_sequence. */
  stopTimes: SourceStopTimes;
  calendars: SourceCalendar[];
  calendarDates: { serviceId: string; date: string; exceptionType: number }[];
  frequencies: { tripId: string; startSec: number; endSec: number; headwaySec: number }[];
  transfers: {
    fromStopId: string;
    toStopId: string;
    transferType: number;
    minTransferSec: number | null;
  }[];
  /** Shape points by shape id: [lat0, lon0, lat1, lon1, …] in shape_pt_sequence order. */
  shapes: Map<string, Float64Array>;
  feedInfo: { startDate: string | null; endDate: string | null; version: string | null } | null;
  /** When this version was imported, ms since the epoch. */
  importedAtMs: number;
}

/** A stop, station or other location of stops.txt. */
export interface SourceStop {
  stopId: string;
  name: string;
  lat: number;
  lon: number;
  /** GTFS location_type: 0 stop/platform, 1 station, 2 entrance, 3 node, 4 boarding area. */
  locationType: number;
  parentStation: string | null;
  platformCode: string | null;
}

/** A route of routes.txt. */
export interface SourceRoute {
  routeId: string;
  agencyId: string | null;
  shortName: string | null;
  longName: string | null;
  /** GTFS route_type (basic or extended). */
  type: number;
  color: string | null;
  textColor: string | null;
}

/** A trip of trips.txt. */
export interface SourceTrip {
  tripId: string;
  routeId: string;
  serviceId: string;
  headsign: string | null;
  directionId: number | null;
  shapeId: string | null;
}

/** stop_times.txt in columns, row i of each array describing one stop time. */
export interface SourceStopTimes {
  count: number;
  /** Index into `FeedSource.trips`. */
  trip: Int32Array;
  /** Index into `FeedSource.stops`. */
  stop: Int32Array;
  stopSequence: Int32Array;
  arrivalSec: Int32Array;
  departureSec: Int32Array;
  pickupType: Uint8Array;
  dropOffType: Uint8Array;
}

/** A row of calendar.txt; dates as YYYYMMDD. */
export interface SourceCalendar {
  serviceId: string;
  /** Monday first. */
  weekdays: [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
  startDate: string;
  endDate: string;
}
