import { eq } from 'drizzle-orm';
import type { AppDb } from '../db/index.js';
import { realtimeSources, type RealtimeSourceRow } from '../db/index.js';
import { BadInputError } from '../errors.js';

/** Default seconds between polls. */
export const DEFAULT_POLL_SECONDS = 30;

/** Settings of `maas feed realtime`. */
export interface RealtimeSourceInput {
  feedId: string;
  tripUpdatesUrl?: string;
  vehiclePositionsUrl?: string;
  alertsUrl?: string;
  /** Seconds, at least 5; default 30. */
  intervalSeconds?: number;
}

/** Stores (replaces) the realtime URLs of a feed; kept across restarts in app.sqlite. */
export function setRealtimeSource(
  db: AppDb,
  input: RealtimeSourceInput,
  now: Date,
): RealtimeSourceRow {
  const urls = [input.tripUpdatesUrl, input.vehiclePositionsUrl, input.alertsUrl];
  for (const url of urls)
    if (url !== undefined && !/^https?:\/\//.test(url))
      throw new BadInputError(`"${url}" is not an http(s) URL`);
  if (urls.every((u) => u === undefined))
    throw new BadInputError('give at least one of --trip-updates, --vehicle-positions, --alerts');
  const intervalSeconds = input.intervalSeconds ?? DEFAULT_POLL_SECONDS;
  if (!Number.isInteger(intervalSeconds) || intervalSeconds < 5)
    throw new BadInputError('--interval must be a whole number of seconds ≥ 5');
  const row: RealtimeSourceRow = {
    feedId: input.feedId,
    tripUpdatesUrl: input.tripUpdatesUrl ?? null,
    vehiclePositionsUrl: input.vehiclePositionsUrl ?? null,
    alertsUrl: input.alertsUrl ?? null,
    intervalSeconds,
    updatedAt: now,
  };
  db.insert(realtimeSources)
    .values(row)
    .onConflictDoUpdate({ target: realtimeSources.feedId, set: row })
    .run();
  return row;
}

/** Every stored realtime source. */
export function listRealtimeSources(db: AppDb): RealtimeSourceRow[] {
  return db.select().from(realtimeSources).orderBy(realtimeSources.feedId).all();
}

/** Removes a feed's realtime source; false when there was none. */
export function removeRealtimeSource(db: AppDb, feedId: string): boolean {
  return db.delete(realtimeSources).where(eq(realtimeSources.feedId, feedId)).run().changes > 0;
}
