import { forEachRow, indexColumns } from './csvRows.js';
import type { Problems } from './problems.js';

const FILE = 'trips.txt';
const COLUMNS = ['route_id', 'service_id', 'trip_id'] as const;

/** Trip ids in file order, and each id's position in that order. */
export interface TripIds {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

/** Checks trips.txt: unique ids, known route_id and service_id. Returns the trip ids. */
export async function checkTrips(
  dir: string,
  problems: Problems,
  routeIds: ReadonlySet<string>,
  serviceIds: ReadonlySet<string>,
): Promise<TripIds> {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const count = await forEachRow(dir, FILE, (header) => {
    const c = indexColumns(FILE, header, COLUMNS, COLUMNS);
    return (fields, line) => {
      const id = fields[c.trip_id]!;
      if (id === '') problems.add(FILE, line, 'trip_id is empty');
      else if (index.has(id)) problems.add(FILE, line, `trip_id "${id}" appears twice`);
      else index.set(id, ids.push(id) - 1);
      const routeId = fields[c.route_id]!;
      if (!routeIds.has(routeId))
        problems.add(FILE, line, `route_id "${routeId}" does not exist in routes.txt`);
      const serviceId = fields[c.service_id]!;
      if (!serviceIds.has(serviceId)) {
        problems.add(
          FILE,
          line,
          `service_id "${serviceId}" is in neither calendar.txt nor calendar_dates.txt`,
        );
      }
    };
  });
  if (count === 0) problems.add(FILE, undefined, 'file has no trips');
  return { ids, index };
}
