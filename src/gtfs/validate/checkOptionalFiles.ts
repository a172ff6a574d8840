import type { TripIds } from './checkTrips.js';
import { forEachRow, indexColumns } from './csvRows.js';
import type { Problems } from './problems.js';
import { INVALID, isGtfsDate, parseCount, parseGtfsTime } from './values.js';

const FREQUENCIES = ['trip_id', 'start_time', 'end_time', 'headway_secs'] as const;
const TRANSFERS = ['from_stop_id', 'to_stop_id', 'transfer_type'] as const;
const FEED_INFO = ['feed_start_date', 'feed_end_date'] as const;

/** Checks frequencies.txt: known trips, valid times, a positive headway. */
export async function checkFrequencies(
  dir: string,
  problems: Problems,
  trips: TripIds,
): Promise<void> {
  const file = 'frequencies.txt';
  await forEachRow(dir, file, (header) => {
    const c = indexColumns(file, header, FREQUENCIES, FREQUENCIES);
    return (fields, line) => {
      const tripId = fields[c.trip_id]!;
      if (!trips.index.has(tripId))
        problems.add(file, line, `trip_id "${tripId}" does not exist in trips.txt`);
      for (const column of ['start_time', 'end_time'] as const) {
        const value = fields[c[column]]!;
        if (parseGtfsTime(value) === INVALID) {
          problems.add(
            file,
            line,
            `${column} "${value}" is not a time of the form H:MM:SS or HH:MM:SS`,
          );
        }
      }
      const headway = fields[c.headway_secs]!;
      if (parseCount(headway) <= 0)
        problems.add(file, line, `headway_secs "${headway}" is not a positive integer`);
    };
  });
}

/** Checks transfers.txt: known stops where given, transfer_type 0 to 5 (empty means 0). */
export async function checkTransfers(
  dir: string,
  problems: Problems,
  stopIds: ReadonlySet<string>,
): Promise<void> {
  const file = 'transfers.txt';
  await forEachRow(dir, file, (header) => {
    const c = indexColumns(file, header, TRANSFERS, TRANSFERS);
    return (fields, line) => {
      for (const column of ['from_stop_id', 'to_stop_id'] as const) {
        const stopId = fields[c[column]]!;
        if (stopId !== '' && !stopIds.has(stopId)) {
          problems.add(file, line, `${column} "${stopId}" does not exist in stops.txt`);
        }
      }
      const type = fields[c.transfer_type]!;
      if (!/^[0-5]?$/.test(type)) problems.add(file, line, `transfer_type "${type}" is not 0 to 5`);
    };
  });
}

/** Checks the dates of feed_info.txt where given. */
export async function checkFeedInfo(dir: string, problems: Problems): Promise<void> {
  const file = 'feed_info.txt';
  await forEachRow(dir, file, (header) => {
    const c = indexColumns(file, header, FEED_INFO, []);
    return (fields, line) => {
      for (const column of FEED_INFO) {
        const value = fields[c[column]] ?? '';
        if (value !== '' && !isGtfsDate(value)) {
          problems.add(file, line, `${column} "${value}" is not a date of the form YYYYMMDD`);
        }
      }
    };
  });
}
