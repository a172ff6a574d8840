import { forEachRow, indexColumns } from './csvRows.js';
import type { Problems } from './problems.js';

const FILE = 'agency.txt';
const COLUMNS = ['agency_id', 'agency_name', 'agency_url', 'agency_timezone'] as const;
const REQUIRED = ['agency_name', 'agency_url', 'agency_timezone'] as const;

/** What the rest of the feed needs to know about its agencies. */
export interface AgencyFacts {
  /** IANA timezone shared by all agencies, e.g. `America/New_York`. */
  readonly timezone: string;
  /** agency_id values (empty when the feed has one agency without an id). */
  readonly agencyIds: ReadonlySet<string>;
}

/** Checks agency.txt: at least one agency, a valid timezone that all agencies share. */
export async function checkAgency(dir: string, problems: Problems): Promise<AgencyFacts> {
  const agencyIds = new Set<string>();
  let timezone: string | undefined;
  const count = await forEachRow(dir, FILE, (header) => {
    const c = indexColumns(FILE, header, COLUMNS, REQUIRED);
    return (fields, line) => {
      const id = fields[c.agency_id] ?? '';
      if (id !== '') agencyIds.add(id);
      const zone = fields[c.agency_timezone]!;
      if (!isTimeZone(zone)) {
        problems.add(FILE, line, `agency_timezone "${zone}" is not an IANA timezone`);
      } else if (timezone === undefined) {
        timezone = zone;
      } else if (zone !== timezone) {
        problems.add(
          FILE,
          line,
          `agency_timezone "${zone}" differs from "${timezone}" of the first agency`,
        );
      }
    };
  });
  if (count === 0) problems.add(FILE, undefined, 'file has no agencies');
  return { timezone: timezone ?? '', agencyIds };
}

function isTimeZone(zone: string): boolean {
  if (zone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
