import { and, between, count, eq, inArray, sql } from 'drizzle-orm';
import { operators, parkingFacilities, preparedOn } from '../../db/index.js';
import type { SyncDb } from '../../db/index.js';
import type { Facility, FacilityRef } from '../records.js';

/** The facility with this API id (`"<operatorId>:<ownId>"`), or undefined. */
export function findFacility(db: SyncDb, id: string): Facility | undefined {
  return preparedOn(db, facilityById).get({ id });
}

const facilityById = (db: SyncDb) =>
  db
    .select()
    .from(parkingFacilities)
    .where(eq(parkingFacilities.id, sql.placeholder('id')))
    .prepare();

/** The references of the facilities among `ids` that exist (any order), in chunks of 500 ids. */
export function findFacilityRefs(db: SyncDb, ids: readonly string[]): FacilityRef[] {
  const out: FacilityRef[] = [];
  const f = parkingFacilities;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    out.push(
      ...db
        .select({
          id: f.id,
          operatorId: f.operatorId,
          totalSpaces: f.totalSpaces,
          timezone: f.timezone,
        })
        .from(f)
        .where(inArray(f.id, chunk))
        .all(),
    );
  }
  return out;
}

/** Facilities inside a lat/lon box, degrees. */
export function facilitiesInBox(
  db: SyncDb,
  box: { minLat: number; maxLat: number; minLon: number; maxLon: number },
): Facility[] {
  return db
    .select()
    .from(parkingFacilities)
    .where(
      and(
        between(parkingFacilities.lat, box.minLat, box.maxLat),
        between(parkingFacilities.lon, box.minLon, box.maxLon),
      ),
    )
    .all();
}

/** Number of facilities stored. */
export function countFacilities(db: SyncDb): number {
  return db.select({ n: count() }).from(parkingFacilities).get()?.n ?? 0;
}

/** Creates the operator row on first use (its name is its id until renamed). */
export function ensureOperator(db: SyncDb, operatorId: string, now: Date): void {
  db.insert(operators)
    .values({ id: operatorId, name: operatorId, createdAt: now })
    .onConflictDoNothing()
    .run();
}

/** Inserts or replaces a facility (keeping its `createdAt`). */
export function saveFacility(db: SyncDb, row: Facility): Facility {
  const changes: Partial<Facility> = { ...row };
  delete changes.id;
  delete changes.createdAt;
  db.insert(parkingFacilities)
    .values(row)
    .onConflictDoUpdate({ target: parkingFacilities.id, set: changes })
    .run();
  return findFacility(db, row.id)!;
}
