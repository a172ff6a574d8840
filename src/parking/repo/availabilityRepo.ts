import { inArray, sql } from 'drizzle-orm';
import { availabilityReports, parkingAvailability } from '../../db/index.js';
import type { StoredAvailability } from '../records.js';
import type { SyncDb } from '../../db/index.js';

/** Ids per `IN (...)` list, well under SQLite's bound-variable limit. */
const CHUNK = 500;

/** Latest reports of the given facilities, by facility id. */
export function latestAvailability(
  db: SyncDb,
  facilityIds: readonly string[],
): Map<string, StoredAvailability> {
  const out = new Map<string, StoredAvailability>();
  for (let i = 0; i < facilityIds.length; i += CHUNK) {
    const ids = facilityIds.slice(i, i + CHUNK);
    for (const row of db
      .select()
      .from(parkingAvailability)
      .where(inArray(parkingAvailability.facilityId, ids))
      .all()) {
      out.set(row.facilityId, row);
    }
  }
  return out;
}

const params = {
  facilityId: sql.placeholder('facilityId'),
  availableSpaces: sql.placeholder('availableSpaces'),
  status: sql.placeholder('status'),
  observedAt: sql.placeholder('observedAt'),
  receivedAt: sql.placeholder('receivedAt'),
};

/**
 * Appends reports to the history and makes each the latest of its facility unless a newer one is
 * stored already (the guard also holds against a concurrent writer on the same file). Prepared
 * once per call and run per row: much cheaper than building large multi-row statements.
 */
export function storeReports(
  db: SyncDb,
  history: readonly StoredAvailability[],
  latest: readonly StoredAvailability[],
): void {
  if (history.length === 0 && latest.length === 0) return;
  const append = db.insert(availabilityReports).values(params).prepare();
  const makeLatest = db
    .insert(parkingAvailability)
    .values(params)
    .onConflictDoUpdate({
      target: parkingAvailability.facilityId,
      set: {
        availableSpaces: sql`excluded.available_spaces`,
        status: sql`excluded.status`,
        observedAt: sql`excluded.observed_at`,
        receivedAt: sql`excluded.received_at`,
      },
      setWhere: sql`excluded.observed_at > ${parkingAvailability.observedAt}`,
    })
    .prepare();
  for (const row of history) append.run(row);
  for (const row of latest) makeLatest.run(row);
}
