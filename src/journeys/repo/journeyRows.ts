import { and, desc, eq, sql } from 'drizzle-orm';
import { afterKeyset, preparedOn } from '../../db/index.js';
import { journeys } from '../../db/index.js';
import type { SyncDb } from '../../db/index.js';
import type { Journey, JourneyPageAfter } from '../records.js';

const j = journeys;

/** The journey with this id, or undefined. */
export function findJourney(db: SyncDb, id: string): Journey | undefined {
  return preparedOn(db, journeyById).get({ id });
}

const journeyById = (db: SyncDb) =>
  db
    .select()
    .from(j)
    .where(eq(j.id, sql.placeholder('id')))
    .prepare();

/** The journey a rider booked with this idempotency key, or undefined. */
export function findJourneyByKey(db: SyncDb, riderId: string, key: string): Journey | undefined {
  return db
    .select()
    .from(j)
    .where(and(eq(j.riderId, riderId), eq(j.idempotencyKey, key)))
    .get();
}

/** Inserts a journey. */
export function insertJourney(db: SyncDb, row: Journey): void {
  db.insert(j).values(row).run();
}

/** Replaces a journey's itinerary (re-booking), with its times and reservation. */
export function updateItinerary(
  db: SyncDb,
  id: string,
  fields: Pick<
    Journey,
    'itinerary' | 'itineraryHash' | 'departureAt' | 'arrivalAt' | 'reservationId'
  >,
): void {
  db.update(j).set(fields).where(eq(j.id, id)).run();
}

/** Marks a journey CANCELLED at `now`. */
export function markCancelled(db: SyncDb, id: string, now: Date): void {
  db.update(j).set({ status: 'CANCELLED', cancelledAt: now }).where(eq(j.id, id)).run();
}

/** A rider's journeys, latest departure first, `limit` of them after `after`. */
export function riderJourneys(
  db: SyncDb,
  riderId: string,
  limit: number,
  after?: JourneyPageAfter,
): Journey[] {
  const afterCond = afterKeyset(j.departureAt, j.id, after, 'desc');
  return db
    .select()
    .from(j)
    .where(and(eq(j.riderId, riderId), afterCond))
    .orderBy(desc(j.departureAt), desc(j.id))
    .limit(limit)
    .all();
}
