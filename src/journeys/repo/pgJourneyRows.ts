import { and, desc, eq, sql } from 'drizzle-orm';
import { afterKeyset, pgSchema, type PgRunner } from '../../db/index.js';
import type { Journey, JourneyPageAfter } from '../records.js';

const j = pgSchema.journeys;

/** The journey with this id, or undefined; `forUpdate` locks its row. */
export async function findJourney(
  db: PgRunner,
  id: string,
  forUpdate = false,
): Promise<Journey | undefined> {
  const q = db.select().from(j).where(eq(j.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** The journey a rider booked with this idempotency key, or undefined. */
export async function findJourneyByKey(
  db: PgRunner,
  riderId: string,
  key: string,
): Promise<Journey | undefined> {
  const [row] = await db
    .select()
    .from(j)
    .where(and(eq(j.riderId, riderId), eq(j.idempotencyKey, key)));
  return row;
}

/** Serializes the bookings of one (rider, idempotency key) for this transaction. */
export async function lockBookingKey(db: PgRunner, riderId: string, key: string): Promise<void> {
  await db.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`journey:${riderId}:${key}`}, 0))`,
  );
}

/** Inserts a journey. */
export async function insertJourney(db: PgRunner, row: Journey): Promise<void> {
  await db.insert(j).values(row);
}

/** Replaces a journey's itinerary (and its parking reservation) after a re-booking. */
export async function updateItinerary(
  db: PgRunner,
  id: string,
  fields: Pick<
    Journey,
    'itinerary' | 'itineraryHash' | 'departureAt' | 'arrivalAt' | 'reservationId'
  >,
): Promise<void> {
  await db.update(j).set(fields).where(eq(j.id, id));
}

/** Marks a journey CANCELLED at `now`. */
/** The channel a journey's stored changes are told on, with its id as payload (DESIGN.md §9). */
export const JOURNEYS_CHANNEL = 'journeys_changed';

/** Tells every replica that journey `id` changed (delivered at commit), so that its followers look again. */
export async function notifyJourney(db: PgRunner, id: string): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${JOURNEYS_CHANNEL}, ${id})`);
}

export async function markCancelled(db: PgRunner, id: string, now: Date): Promise<void> {
  await db.update(j).set({ status: 'CANCELLED', cancelledAt: now }).where(eq(j.id, id));
}

/** A rider's journeys, latest departure first, `limit` of them after `after`. */
export async function riderJourneys(
  db: PgRunner,
  riderId: string,
  limit: number,
  after?: JourneyPageAfter,
): Promise<Journey[]> {
  return db
    .select()
    .from(j)
    .where(and(eq(j.riderId, riderId), afterKeyset(j.departureAt, j.id, after, 'desc')))
    .orderBy(desc(j.departureAt), desc(j.id))
    .limit(limit);
}
