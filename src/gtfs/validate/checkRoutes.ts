import { forEachRow, indexColumns } from './csvRows.js';
import type { Problems } from './problems.js';
import { INVALID, parseCount } from './values.js';

const FILE = 'routes.txt';
const COLUMNS = ['route_id', 'agency_id', 'route_type'] as const;
const REQUIRED = ['route_id', 'route_type'] as const;

/** Checks routes.txt: unique ids, an integer route_type, a known agency_id. Returns the route ids. */
export async function checkRoutes(
  dir: string,
  problems: Problems,
  agencyIds: ReadonlySet<string>,
): Promise<Set<string>> {
  const routeIds = new Set<string>();
  await forEachRow(dir, FILE, (header) => {
    const c = indexColumns(FILE, header, COLUMNS, REQUIRED);
    return (fields, line) => {
      const id = fields[c.route_id]!;
      if (id === '') problems.add(FILE, line, 'route_id is empty');
      else if (routeIds.has(id)) problems.add(FILE, line, `route_id "${id}" appears twice`);
      else routeIds.add(id);
      const type = fields[c.route_type]!;
      if (parseCount(type) === INVALID)
        problems.add(FILE, line, `route_type "${type}" is not a route type`);
      const agencyId = fields[c.agency_id] ?? '';
      if (agencyId !== '' && agencyIds.size > 0 && !agencyIds.has(agencyId)) {
        problems.add(FILE, line, `agency_id "${agencyId}" does not exist in agency.txt`);
      }
    };
  });
  return routeIds;
}
