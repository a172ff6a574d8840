import { readdir } from 'node:fs/promises';
import { FeedInvalidError } from './errors.js';
import { checkAgency } from './validate/checkAgency.js';
import { checkCalendars } from './validate/checkCalendars.js';
import { checkFeedInfo, checkFrequencies, checkTransfers } from './validate/checkOptionalFiles.js';
import { checkRoutes } from './validate/checkRoutes.js';
import { checkStops } from './validate/checkStops.js';
import { checkStopTimes } from './validate/checkStopTimes.js';
import { checkTrips } from './validate/checkTrips.js';
import { Problems } from './validate/problems.js';
import { isoDate } from './validate/values.js';

/** What a valid feed holds, in a few numbers. */
export interface FeedSummary {
  readonly stopCount: number;
  readonly routeCount: number;
  readonly tripCount: number;
  readonly stopTimeCount: number;
  /** Earliest date named by calendar.txt / calendar_dates.txt, ISO `YYYY-MM-DD`. */
  readonly firstServiceDate: string;
  /** Latest date named by calendar.txt / calendar_dates.txt, ISO `YYYY-MM-DD`. */
  readonly lastServiceDate: string;
  /** IANA timezone of the agencies, e.g. `America/New_York`. */
  readonly agencyTimezone: string;
}

const REQUIRED_FILES = ['agency.txt', 'stops.txt', 'routes.txt', 'trips.txt', 'stop_times.txt'];

/**
 * Validates an unzipped GTFS folder well enough that node-gtfs imports it and the timetable
 * compiles: required files and columns, value syntax, references between files. Throws a
 * FeedInvalidError naming file, line and problem of the first problem found.
 */
export async function validateFeed(dir: string): Promise<FeedSummary> {
  const files = new Set(await readdir(dir));
  for (const file of REQUIRED_FILES) {
    if (!files.has(file)) throw new FeedInvalidError(`${file}: required file is missing`, file);
  }
  if (!files.has('calendar.txt') && !files.has('calendar_dates.txt')) {
    const message =
      'calendar.txt: required file is missing (a feed needs calendar.txt, calendar_dates.txt or both)';
    throw new FeedInvalidError(message, 'calendar.txt');
  }
  const problems = new Problems();
  const agency = await checkAgency(dir, problems);
  const services = await checkCalendars(dir, files, problems);
  const routeIds = await checkRoutes(dir, problems, agency.agencyIds);
  const stopIds = await checkStops(dir, problems);
  const trips = await checkTrips(dir, problems, routeIds, services.serviceIds);
  const stopTimeCount = await checkStopTimes(dir, problems, trips, stopIds);
  if (files.has('frequencies.txt')) await checkFrequencies(dir, problems, trips);
  if (files.has('transfers.txt')) await checkTransfers(dir, problems, stopIds);
  if (files.has('feed_info.txt')) await checkFeedInfo(dir, problems);
  problems.throwIfAny();
  return {
    stopCount: stopIds.size,
    routeCount: routeIds.size,
    tripCount: trips.ids.length,
    stopTimeCount,
    firstServiceDate: isoDate(services.firstDate),
    lastServiceDate: isoDate(services.lastDate),
    agencyTimezone: agency.timezone,
  };
}
