import { forEachRow, indexColumns } from './csvRows.js';
import type { Problems } from './problems.js';
import { parseDegrees } from './values.js';

const FILE = 'stops.txt';
const COLUMNS = ['stop_id', 'stop_lat', 'stop_lon', 'location_type', 'parent_station'] as const;
const REQUIRED = ['stop_id', 'stop_lat', 'stop_lon'] as const;

/**
 * Checks stops.txt: unique ids, coordinates where the location type needs them (stops, stations,
 * entrances: 0, 1, 2 or empty), known parent stations. Returns the stop ids.
 */
export async function checkStops(dir: string, problems: Problems): Promise<Set<string>> {
  const stopIds = new Set<string>();
  const parents: { line: number; parent: string }[] = [];
  await forEachRow(dir, FILE, (header) => {
    const c = indexColumns(FILE, header, COLUMNS, REQUIRED);
    return (fields, line) => {
      const id = fields[c.stop_id]!;
      if (id === '') problems.add(FILE, line, 'stop_id is empty');
      else if (stopIds.has(id)) problems.add(FILE, line, `stop_id "${id}" appears twice`);
      else stopIds.add(id);
      const type = fields[c.location_type] ?? '';
      if (!/^[0-4]?$/.test(type)) problems.add(FILE, line, `location_type "${type}" is not 0 to 4`);
      if (type === '' || type === '0' || type === '1' || type === '2') {
        checkDegrees(problems, line, 'stop_lat', fields[c.stop_lat]!, 90);
        checkDegrees(problems, line, 'stop_lon', fields[c.stop_lon]!, 180);
      }
      const parent = fields[c.parent_station] ?? '';
      if (parent !== '') parents.push({ line, parent });
    };
  });
  // A parent may come after its children, so references are checked once all ids are known.
  for (const { line, parent } of parents) {
    if (!stopIds.has(parent))
      problems.add(FILE, line, `parent_station "${parent}" does not exist in stops.txt`);
  }
  return stopIds;
}

function checkDegrees(
  problems: Problems,
  line: number,
  column: string,
  value: string,
  limit: 90 | 180,
): void {
  if (Number.isNaN(parseDegrees(value, limit))) {
    const problem =
      value === '' ? 'is empty' : `"${value}" is not a number between -${limit} and ${limit}`;
    problems.add(FILE, line, `${column} ${problem}`);
  }
}
