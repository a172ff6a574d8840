import type { RealtimeSourceRow } from '../db/index.js';
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

/**
 * Where the GTFS-Realtime URLs polled for each feed are kept (DESIGN.md §9): app.sqlite, or the
 * shared database (DATABASE_URL), so that the replica holding the leader lock polls them.
 */
export interface RealtimeSourceRepository {
  /** Stores `row`, replacing the feed's previous source. */
  put(row: RealtimeSourceRow): Promise<void>;
  /** Every stored source, by feed id. */
  list(): Promise<RealtimeSourceRow[]>;
  /** Removes a feed's source; false when there was none. */
  remove(feedId: string): Promise<boolean>;
}

/** Checks `input` (BAD_USER_INPUT when wrong) and stores it as the feed's source, replacing any. */
export async function setRealtimeSource(
  sources: RealtimeSourceRepository,
  input: RealtimeSourceInput,
  now: Date,
): Promise<RealtimeSourceRow> {
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
  await sources.put(row);
  return row;
}
