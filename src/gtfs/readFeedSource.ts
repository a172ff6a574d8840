import Database from 'better-sqlite3';
import type { FeedSource, SourceCalendar, SourceStopTimes } from '../transit/index.js';

type Row = Record<string, unknown>;

const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return null;
};
const int = (v: unknown, fallback: number): number =>
  v === null || v === undefined || v === '' ? fallback : Number(v);

/**
 * Reads a node-gtfs SQLite file into a `FeedSource` for the compiler: rows to plain objects,
 * stop_times to typed columns (one pass over the primary-key index, trip by trip).
 */
export function readFeedSource(
  sqlitePath: string,
  feedId: string,
  importedAtMs: number,
): FeedSource {
  const db = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  try {
    const all = (sql: string): Row[] => {
      try {
        return db.prepare(sql).all() as Row[];
      } catch {
        return []; // node-gtfs leaves out tables of files the feed does not have
      }
    };
    const agencies = all(
      'SELECT agency_id, agency_name, agency_url, agency_timezone FROM agency',
    ).map((r) => ({
      agencyId: str(r.agency_id) ?? '',
      name: str(r.agency_name) ?? '',
      url: str(r.agency_url),
      timezone: str(r.agency_timezone) ?? 'UTC',
    }));
    const stops = all(
      'SELECT stop_id, stop_name, stop_lat, stop_lon, location_type, parent_station, platform_code FROM stops',
    ).map((r) => ({
      stopId: String(r.stop_id),
      name: str(r.stop_name) ?? String(r.stop_id),
      lat: int(r.stop_lat, 0),
      lon: int(r.stop_lon, 0),
      locationType: int(r.location_type, 0),
      parentStation: str(r.parent_station),
      platformCode: str(r.platform_code),
    }));
    const routes = all(
      'SELECT route_id, agency_id, route_short_name, route_long_name, route_type, route_color, route_text_color FROM routes',
    ).map((r) => ({
      routeId: String(r.route_id),
      agencyId: str(r.agency_id),
      shortName: str(r.route_short_name),
      longName: str(r.route_long_name),
      type: int(r.route_type, 3),
      color: str(r.route_color),
      textColor: str(r.route_text_color),
    }));
    const trips = all(
      'SELECT trip_id, route_id, service_id, trip_headsign, direction_id, shape_id FROM trips ORDER BY trip_id',
    ).map((r) => ({
      tripId: String(r.trip_id),
      routeId: String(r.route_id),
      serviceId: String(r.service_id),
      headsign: str(r.trip_headsign),
      directionId: r.direction_id === null ? null : int(r.direction_id, 0),
      shapeId: str(r.shape_id),
    }));
    const stopIndex = new Map(stops.map((s, i) => [s.stopId, i]));
    const tripIndex = new Map(trips.map((t, i) => [t.tripId, i]));
    const stopTimes = readStopTimes(db, tripIndex, stopIndex);
    const calendars: SourceCalendar[] = all('SELECT * FROM calendar').map((r) => ({
      serviceId: String(r.service_id),
      weekdays: [
        r.monday === 1,
        r.tuesday === 1,
        r.wednesday === 1,
        r.thursday === 1,
        r.friday === 1,
        r.saturday === 1,
        r.sunday === 1,
      ],
      startDate: String(r.start_date),
      endDate: String(r.end_date),
    }));
    const calendarDates = all('SELECT service_id, date, exception_type FROM calendar_dates').map(
      (r) => ({
        serviceId: String(r.service_id),
        date: String(r.date),
        exceptionType: int(r.exception_type, 1),
      }),
    );
    const frequencies = all(
      'SELECT trip_id, start_timestamp, end_timestamp, headway_secs FROM frequencies',
    ).map((r) => ({
      tripId: String(r.trip_id),
      startSec: int(r.start_timestamp, 0),
      endSec: int(r.end_timestamp, 0),
      headwaySec: int(r.headway_secs, 0),
    }));
    const transfers = all(
      'SELECT from_stop_id, to_stop_id, transfer_type, min_transfer_time, from_trip_id, to_trip_id, from_route_id, to_route_id FROM transfers',
    )
      .filter((r) => !r.from_trip_id && !r.to_trip_id && !r.from_route_id && !r.to_route_id)
      .filter((r) => r.from_stop_id && r.to_stop_id)
      .map((r) => ({
        fromStopId: String(r.from_stop_id),
        toStopId: String(r.to_stop_id),
        transferType: int(r.transfer_type, 0),
        minTransferSec:
          r.min_transfer_time === null || r.min_transfer_time === ''
            ? null
            : Number(r.min_transfer_time),
      }));
    const shapes = new Map<string, Float64Array>();
    let current: string | null = null;
    let points: number[] = [];
    for (const r of db
      .prepare(
        'SELECT shape_id, shape_pt_lat, shape_pt_lon FROM shapes ORDER BY shape_id, shape_pt_sequence',
      )
      .raw()
      .iterate() as IterableIterator<[string, number, number]>) {
      if (r[0] !== current) {
        if (current !== null) shapes.set(current, Float64Array.from(points));
        current = r[0];
        points = [];
      }
      points.push(r[1], r[2]);
    }
    if (current !== null) shapes.set(current, Float64Array.from(points));
    const info = all('SELECT feed_start_date, feed_end_date, feed_version FROM feed_info')[0];
    return {
      feedId,
      timezone: agencies[0]?.timezone ?? 'UTC',
      agencies,
      stops,
      routes,
      trips,
      stopTimes,
      calendars,
      calendarDates,
      frequencies,
      transfers,
      shapes,
      feedInfo: info
        ? {
            startDate: str(info.feed_start_date),
            endDate: str(info.feed_end_date),
            version: str(info.feed_version),
          }
        : null,
      importedAtMs,
    };
  } finally {
    db.close();
  }
}

function readStopTimes(
  db: Database.Database,
  tripIndex: Map<string, number>,
  stopIndex: Map<string, number>,
): SourceStopTimes {
  const count = (db.prepare('SELECT count(*) AS n FROM stop_times').get() as { n: number }).n;
  const cols: SourceStopTimes = {
    count: 0,
    trip: new Int32Array(count),
    stop: new Int32Array(count),
    stopSequence: new Int32Array(count),
    arrivalSec: new Int32Array(count),
    departureSec: new Int32Array(count),
    pickupType: new Uint8Array(count),
    dropOffType: new Uint8Array(count),
  };
  const rows = db
    .prepare(
      'SELECT trip_id, stop_id, stop_sequence, arrival_timestamp, departure_timestamp, pickup_type, drop_off_type FROM stop_times ORDER BY trip_id, stop_sequence',
    )
    .raw()
    .iterate() as IterableIterator<
    [string, string, number, number | null, number | null, number | null, number | null]
  >;
  let n = 0;
  let lastTripId = '';
  let lastTrip = -1;
  for (const r of rows) {
    if (r[0] !== lastTripId) {
      lastTripId = r[0];
      lastTrip = tripIndex.get(r[0]) ?? -1;
    }
    const stop = stopIndex.get(r[1]);
    if (lastTrip < 0 || stop === undefined) continue;
    cols.trip[n] = lastTrip;
    cols.stop[n] = stop;
    cols.stopSequence[n] = r[2];
    cols.arrivalSec[n] = r[3] ?? -1;
    cols.departureSec[n] = r[4] ?? -1;
    cols.pickupType[n] = r[5] ?? 0;
    cols.dropOffType[n] = r[6] ?? 0;
    n++;
  }
  cols.count = n;
  return cols;
}
