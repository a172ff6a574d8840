import { forEachRow, indexColumns } from './csvRows.js';
import type { Problems } from './problems.js';
import { isGtfsDate } from './values.js';

const DAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
const CALENDAR = ['service_id', ...DAYS, 'start_date', 'end_date'] as const;
const CALENDAR_DATES = ['service_id', 'date', 'exception_type'] as const;

/** Service ids of calendar.txt and calendar_dates.txt, and the dates they span (`YYYYMMDD`). */
export interface ServiceFacts {
  readonly serviceIds: ReadonlySet<string>;
  readonly firstDate: string;
  readonly lastDate: string;
}

/** Checks calendar.txt and calendar_dates.txt, whichever are present (at least one must be). */
export async function checkCalendars(
  dir: string,
  files: ReadonlySet<string>,
  problems: Problems,
): Promise<ServiceFacts> {
  const serviceIds = new Set<string>();
  const dates: string[] = [];
  const checkDate = (file: string, line: number, column: string, value: string): void => {
    if (isGtfsDate(value)) dates.push(value);
    else problems.add(file, line, `${column} "${value}" is not a date of the form YYYYMMDD`);
  };
  if (files.has('calendar.txt')) {
    const file = 'calendar.txt';
    await forEachRow(dir, file, (header) => {
      const c = indexColumns(file, header, CALENDAR, CALENDAR);
      return (fields, line) => {
        serviceIds.add(fields[c.service_id]!);
        for (const day of DAYS) {
          const value = fields[c[day]]!;
          if (value !== '0' && value !== '1')
            problems.add(file, line, `${day} "${value}" is not 0 or 1`);
        }
        const [start, end] = [fields[c.start_date]!, fields[c.end_date]!];
        checkDate(file, line, 'start_date', start);
        checkDate(file, line, 'end_date', end);
        if (end < start) problems.add(file, line, `end_date ${end} is before start_date ${start}`);
      };
    });
  }
  if (files.has('calendar_dates.txt')) {
    const file = 'calendar_dates.txt';
    await forEachRow(dir, file, (header) => {
      const c = indexColumns(file, header, CALENDAR_DATES, CALENDAR_DATES);
      return (fields, line) => {
        serviceIds.add(fields[c.service_id]!);
        checkDate(file, line, 'date', fields[c.date]!);
        const type = fields[c.exception_type]!;
        if (type !== '1' && type !== '2')
          problems.add(file, line, `exception_type "${type}" is not 1 or 2`);
      };
    });
  }
  dates.sort();
  return { serviceIds, firstDate: dates[0] ?? '', lastDate: dates.at(-1) ?? '' };
}
