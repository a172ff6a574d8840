import { forEachRow, indexColumns } from './csvRows.js';
import type { TripIds } from './checkTrips.js';
import type { Problems } from './problems.js';
import { INVALID, parseCount, parseGtfsTime } from './values.js';

const FILE = 'stop_times.txt';
const COLUMNS = [
  'trip_id',
  'arrival_time',
  'departure_time',
  'stop_id',
  'stop_sequence',
  'pickup_type',
  'drop_off_type',
  'timepoint',
] as const;
const REQUIRED = ['trip_id', 'arrival_time', 'departure_time', 'stop_id', 'stop_sequence'] as const;

/** Per-trip extremes, in typed arrays indexed by the trip's position in trips.txt. */
class TripEnds {
  readonly rows: Int32Array;
  readonly firstSeq: Int32Array;
  readonly firstLine: Int32Array;
  readonly firstTimed: Uint8Array;
  readonly lastSeq: Int32Array;
  readonly lastLine: Int32Array;
  readonly lastTimed: Uint8Array;

  constructor(tripCount: number) {
    this.rows = new Int32Array(tripCount);
    this.firstSeq = new Int32Array(tripCount);
    this.firstLine = new Int32Array(tripCount);
    this.firstTimed = new Uint8Array(tripCount);
    this.lastSeq = new Int32Array(tripCount);
    this.lastLine = new Int32Array(tripCount);
    this.lastTimed = new Uint8Array(tripCount);
  }

  add(trip: number, seq: number, line: number, timed: boolean): void {
    const seen = this.rows[trip]!;
    this.rows[trip] = seen + 1;
    if (seen === 0 || seq < this.firstSeq[trip]!) {
      this.firstSeq[trip] = seq;
      this.firstLine[trip] = line;
      this.firstTimed[trip] = timed ? 1 : 0;
    }
    if (seen === 0 || seq > this.lastSeq[trip]!) {
      this.lastSeq[trip] = seq;
      this.lastLine[trip] = line;
      this.lastTimed[trip] = timed ? 1 : 0;
    }
  }
}

/**
 * Checks stop_times.txt against the trip and stop ids: references,
 * stop_sequence, time syntax, and times on the first and last stop of every trip. Returns the row count.
 */
export async function checkStopTimes(
  dir: string,
  problems: Problems,
  trips: TripIds,
  stopIds: ReadonlySet<string>,
): Promise<number> {
  const ends = new TripEnds(trips.ids.length);
  const tripIndex = trips.index;
  const count = await forEachRow(dir, FILE, (header) => {
    const c = indexColumns(FILE, header, COLUMNS, REQUIRED);
    let previousTripId = '';
    let previousTrip = -1;
    let previousSeq = -1;
    return (fields, line) => {
      const tripId = fields[c.trip_id]!;
      // Rows usually come grouped by trip: skip the map lookup while the trip stays the same.
      const sameTrip = tripId === previousTripId;
      const trip = sameTrip ? previousTrip : (tripIndex.get(tripId) ?? -1);
      if (trip < 0) problems.add(FILE, line, `trip_id "${tripId}" does not exist in trips.txt`);
      const stopId = fields[c.stop_id]!;
      if (!stopIds.has(stopId)) {
        problems.add(FILE, line, `stop_id "${stopId}" does not exist in stops.txt`);
      }
      const seqText = fields[c.stop_sequence]!;
      const seq = parseCount(seqText);
      if (seq === INVALID) {
        problems.add(FILE, line, `stop_sequence "${seqText}" is not a non-negative integer`);
      } else if (sameTrip && seq === previousSeq) {
        problems.add(FILE, line, `stop_sequence ${seq} appears twice in trip "${tripId}"`);
      }
      const arrival = fields[c.arrival_time]!;
      const departure = fields[c.departure_time]!;
      const arrivalSec = arrival === '' ? 0 : parseGtfsTime(arrival);
      const departureSec = departure === '' ? 0 : parseGtfsTime(departure);
      if (arrivalSec === INVALID) problems.add(FILE, line, badTime('arrival_time', arrival));
      if (departureSec === INVALID) problems.add(FILE, line, badTime('departure_time', departure));
      const timed = arrival !== '' && departure !== '';
      const timepoint = fields[c.timepoint] ?? '';
      if (timepoint === '1' && !timed) {
        problems.add(FILE, line, 'timepoint is 1 but arrival_time or departure_time is empty');
      } else if (timepoint !== '' && timepoint !== '0' && timepoint !== '1') {
        problems.add(FILE, line, `timepoint "${timepoint}" is not 0 or 1`);
      }
      checkPickupDropOff(problems, line, 'pickup_type', fields[c.pickup_type] ?? '');
      checkPickupDropOff(problems, line, 'drop_off_type', fields[c.drop_off_type] ?? '');
      previousTripId = tripId;
      previousTrip = trip;
      previousSeq = seq;
      if (trip >= 0 && seq !== INVALID) ends.add(trip, seq, line, timed);
    };
  });
  if (count === 0) problems.add(FILE, undefined, 'file has no stop times');
  checkTripEnds(ends, trips.ids, problems);
  return count;
}

/** Empty, 0 (regular), 1 (none), 2 (phone agency) or 3 (ask the driver). */
function checkPickupDropOff(problems: Problems, line: number, column: string, value: string): void {
  if (value.length > 1 || (value !== '' && (value < '0' || value > '3'))) {
    problems.add(FILE, line, `${column} "${value}" is not 0 to 3`);
  }
}

function badTime(column: string, value: string): string {
  return `${column} "${value}" is not a time of the form H:MM:SS or HH:MM:SS`;
}

function checkTripEnds(ends: TripEnds, tripIds: readonly string[], problems: Problems): void {
  for (let trip = 0; trip < tripIds.length; trip++) {
    if (ends.rows[trip] === 0) continue;
    const tripId = tripIds[trip]!;
    if (ends.firstTimed[trip] === 0) {
      const text = `first stop of trip "${tripId}" (stop_sequence ${ends.firstSeq[trip]!}) needs arrival_time and departure_time`;
      problems.add(FILE, ends.firstLine[trip], text);
    }
    if (ends.lastTimed[trip] === 0) {
      const text = `last stop of trip "${tripId}" (stop_sequence ${ends.lastSeq[trip]!}) needs arrival_time and departure_time`;
      problems.add(FILE, ends.lastLine[trip], text);
    }
  }
}
