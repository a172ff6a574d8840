import { and, asc, between, count, desc, eq, gt, inArray, lt, lte, ne, or, sql } from 'drizzle-orm';
import { afterKeyset, lockXactKey, pgSchema, type PgRunner } from '../../db/index.js';
import type { Facility, PageAfter, Reservation, StoredAvailability } from '../records.js';
import type { LatLonBox } from '../repository.js';
import type { ReservationStatus, TimeWindow } from '../types.js';

const f = pgSchema.parkingFacilities;
const a = pgSchema.parkingAvailability;
const r = pgSchema.parkingReservations;

/** The channel every parking write notifies, with the facility id as payload (DESIGN.md §9). */
export const PARKING_CHANNEL = 'parking_changed';

/** The facility with this API id, or undefined. */
export async function findFacility(db: PgRunner, id: string): Promise<Facility | undefined> {
  const [row] = await db.select().from(f).where(eq(f.id, id));
  return row;
}

/**
 * Locks the facility row for this transaction (`FOR NO KEY UPDATE`, DESIGN.md §9) and returns
 * it; every write to a facility's reservations takes this lock first. Undefined when absent.
 */
export async function lockFacility(db: PgRunner, id: string): Promise<Facility | undefined> {
  const [row] = await db.select().from(f).where(eq(f.id, id)).for('no key update');
  return row;
}

/**
 * Locks the facility rows of `ids` for this transaction in id order (so that two transactions
 * locking several never wait on each other in a cycle), and returns those that exist.
 */
export async function lockFacilities(
  db: PgRunner,
  ids: readonly string[],
): Promise<Map<string, Facility>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(f)
    .where(inArray(f.id, [...ids]))
    .orderBy(asc(f.id))
    .for('no key update');
  return new Map(rows.map((row) => [row.id, row]));
}

/** Serializes, for this transaction, everything that uses `key` (an advisory lock on its hash). */
export const lockKey = lockXactKey;

/**
 * Tells every replica's parking mirror that the facility changed (delivered at commit): each
 * mirror reloads it.
 */
export async function notifyParking(db: PgRunner, facilityId: string): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${PARKING_CHANNEL}, ${facilityId})`);
}

/**
 * Tells every replica's parking mirror the new state of one reservation (delivered at commit):
 * the row itself travels in the payload, so the mirrors take it without a query.
 */
export async function notifyReservation(db: PgRunner, row: Reservation): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${PARKING_CHANNEL}, ${reservationPayload(row)})`);
}

/**
 * Tells every mirror the new state of several reservations, in payloads under PostgreSQL's
 * 8000-byte limit (one row per line).
 */
export async function notifyReservations(
  db: PgRunner,
  rows: readonly Reservation[],
): Promise<void> {
  const payloads: string[] = [];
  let chunk = '';
  for (const row of rows) {
    const line = reservationPayload(row);
    if (chunk.length > 0 && chunk.length + line.length + 1 > 7000) {
      payloads.push(chunk);
      chunk = '';
    }
    chunk = chunk.length > 0 ? `${chunk}\n${line}` : line;
  }
  if (chunk.length > 0) payloads.push(chunk);
  await Promise.all(
    payloads.map((payload) => db.execute(sql`SELECT pg_notify(${PARKING_CHANNEL}, ${payload})`)),
  );
}

/** A reservation as a `parking_changed` payload line: JSON, which no facility id starts with. */
export function reservationPayload(row: Reservation): string {
  return JSON.stringify(row);
}

const RESERVATION_DATES = [
  'startsAt',
  'endsAt',
  'holdExpiresAt',
  'checkedInAt',
  'checkedOutAt',
  'createdAt',
  'updatedAt',
] as const;

/** What a `parking_changed` payload says: facilities to reload, and reservations as they now are. */
export function parseParkingPayload(payload: string): {
  facilityIds: string[];
  reservations: Reservation[];
} {
  const facilityIds: string[] = [];
  const reservations: Reservation[] = [];
  for (const line of payload.split('\n')) {
    if (line.startsWith('{')) {
      const row = JSON.parse(line) as Record<string, unknown>;
      for (const key of RESERVATION_DATES) {
        const value = row[key];
        row[key] = typeof value === 'string' ? new Date(value) : null;
      }
      reservations.push(row as unknown as Reservation);
    } else if (line.length > 0) {
      facilityIds.push(line);
    }
  }
  return { facilityIds, reservations };
}

/** Notifies several facilities, in payloads under PostgreSQL's 8000-byte limit (ids separated by newlines). */
export async function notifyParkingMany(
  db: PgRunner,
  facilityIds: readonly string[],
): Promise<void> {
  let chunk: string[] = [];
  let bytes = 0;
  for (const id of new Set(facilityIds)) {
    if (bytes + id.length + 1 > 7000) {
      await notifyParking(db, chunk.join('\n'));
      chunk = [];
      bytes = 0;
    }
    chunk.push(id);
    bytes += id.length + 1;
  }
  if (chunk.length > 0) await notifyParking(db, chunk.join('\n'));
}

/** Facilities among `ids` that exist. */
export async function findFacilities(db: PgRunner, ids: readonly string[]): Promise<Facility[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(f)
    .where(inArray(f.id, [...ids]));
}

/** Facilities inside a lat/lon box, degrees. */
export async function facilitiesInBox(db: PgRunner, box: LatLonBox): Promise<Facility[]> {
  return db
    .select()
    .from(f)
    .where(and(between(f.lat, box.minLat, box.maxLat), between(f.lon, box.minLon, box.maxLon)));
}

/** Number of facilities stored. */
export async function countFacilities(db: PgRunner): Promise<number> {
  const [row] = await db.select({ n: count() }).from(f);
  return row?.n ?? 0;
}

/** Creates the operator row on first use. */
export async function ensureOperator(db: PgRunner, operatorId: string, now: Date): Promise<void> {
  await db
    .insert(pgSchema.operators)
    .values({ id: operatorId, name: operatorId, createdAt: now })
    .onConflictDoNothing();
}

/** Inserts or replaces a facility (keeping its `createdAt`). */
export async function saveFacility(db: PgRunner, row: Facility): Promise<Facility> {
  const changes: Partial<Facility> = { ...row };
  delete changes.id;
  delete changes.createdAt;
  const [saved] = await db
    .insert(f)
    .values(row)
    .onConflictDoUpdate({ target: f.id, set: changes })
    .returning();
  return saved!;
}

/** Latest reports of the given facilities, by facility id. */
export async function latestAvailability(
  db: PgRunner,
  facilityIds: readonly string[],
): Promise<Map<string, StoredAvailability>> {
  const out = new Map<string, StoredAvailability>();
  if (facilityIds.length === 0) return out;
  for (const row of await db
    .select()
    .from(a)
    .where(inArray(a.facilityId, [...facilityIds]))) {
    out.set(row.facilityId, row);
  }
  return out;
}

/** Appends reports to the history and makes each the latest of its facility unless a newer one is stored. */
export async function storeReports(
  db: PgRunner,
  history: readonly StoredAvailability[],
  latest: readonly StoredAvailability[],
): Promise<void> {
  if (history.length > 0) await db.insert(pgSchema.availabilityReports).values([...history]);
  if (latest.length === 0) return;
  await db
    .insert(a)
    .values([...latest])
    .onConflictDoUpdate({
      target: a.facilityId,
      set: {
        availableSpaces: sql`excluded.available_spaces`,
        status: sql`excluded.status`,
        observedAt: sql`excluded.observed_at`,
        receivedAt: sql`excluded.received_at`,
      },
      setWhere: sql`excluded.observed_at > ${a.observedAt}`,
    });
}

/** The reservation with this id, or undefined; `forUpdate` locks its row. */
export async function findReservation(
  db: PgRunner,
  id: string,
  forUpdate = false,
): Promise<Reservation | undefined> {
  const q = db.select().from(r).where(eq(r.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** The reservation a rider made with this idempotency key, or undefined. */
export async function findByIdempotencyKey(
  db: PgRunner,
  riderId: string,
  key: string,
): Promise<Reservation | undefined> {
  const [row] = await db
    .select()
    .from(r)
    .where(and(eq(r.riderId, riderId), eq(r.idempotencyKey, key)));
  return row;
}

/** The reservations of these (rider, idempotency key) pairs, keyed by `rider\nkey`. */
export async function findByIdempotencyKeys(
  db: PgRunner,
  pairs: readonly { riderId: string; idempotencyKey: string }[],
): Promise<Map<string, Reservation>> {
  if (pairs.length === 0) return new Map();
  const rows = await db
    .select()
    .from(r)
    .where(
      or(
        ...pairs.map((p) => and(eq(r.riderId, p.riderId), eq(r.idempotencyKey, p.idempotencyKey))),
      ),
    );
  return new Map(rows.map((row) => [`${row.riderId}\n${row.idempotencyKey}`, row]));
}

/** True when a reservation already uses this code. */
export async function codeTaken(db: PgRunner, code: string): Promise<boolean> {
  const [row] = await db.select({ id: r.id }).from(r).where(eq(r.code, code));
  return row !== undefined;
}

/** Inserts a reservation. */
export async function insertReservation(db: PgRunner, row: Reservation): Promise<void> {
  await db.insert(r).values(row);
}

/** Inserts several reservations in one statement. */
export async function insertReservations(
  db: PgRunner,
  rows: readonly Reservation[],
): Promise<void> {
  if (rows.length > 0) await db.insert(r).values([...rows]);
}

/** Sets the status of one reservation. */
export async function setStatus(
  db: PgRunner,
  id: string,
  status: ReservationStatus,
  now: Date,
): Promise<void> {
  await db.update(r).set({ status, updatedAt: now }).where(eq(r.id, id));
}

/** Marks HELD reservations whose hold ran out by `now` as EXPIRED (of one facility, or all); returns their facilities. */
export async function expireHolds(db: PgRunner, now: Date, facilityId?: string): Promise<string[]> {
  const due = and(eq(r.status, 'HELD'), lte(r.holdExpiresAt, now));
  const rows = await db
    .update(r)
    .set({ status: 'EXPIRED', updatedAt: now })
    .where(facilityId === undefined ? due : and(eq(r.facilityId, facilityId), due))
    .returning({ facilityId: r.facilityId });
  return rows.map((row) => row.facilityId);
}

/** Marks CONFIRMED reservations whose window ended by `now` as COMPLETED; returns their facilities. */
export async function completeEnded(db: PgRunner, now: Date): Promise<string[]> {
  const rows = await db
    .update(r)
    .set({ status: 'COMPLETED', updatedAt: now })
    .where(and(eq(r.status, 'CONFIRMED'), lte(r.endsAt, now)))
    .returning({ facilityId: r.facilityId });
  return rows.map((row) => row.facilityId);
}

/** Windows of the HELD (unexpired at `now`), CONFIRMED and CHECKED_IN reservations of a facility that overlap `window`. */
export async function activeWindows(
  db: PgRunner,
  facilityId: string,
  window: TimeWindow,
  now: Date,
): Promise<TimeWindow[]> {
  const rows = await db
    .select({ startsAt: r.startsAt, endsAt: r.endsAt })
    .from(r)
    .where(and(eq(r.facilityId, facilityId), holdingSpace(window, now)));
  return rows.map((row) => ({ startMs: row.startsAt.getTime(), endMs: row.endsAt.getTime() }));
}

/**
 * Reservations that hold a space during part of `window` at `now`: confirmed, checked in (a car
 * holds its space until check-out or its window's end, DESIGN.md §11) or held and not run out.
 */
function holdingSpace(window: TimeWindow, now: Date) {
  return and(
    inArray(r.status, ['HELD', 'CONFIRMED', 'CHECKED_IN']),
    lt(r.startsAt, new Date(window.endMs)),
    gt(r.endsAt, new Date(window.startMs)),
    or(ne(r.status, 'HELD'), gt(r.holdExpiresAt, now)),
  );
}

/**
 * The windows of the reservations that hold a space (as `activeWindows`) at each of `facilityIds`
 * and overlap `span`, by facility.
 */
export async function activeWindowsOf(
  db: PgRunner,
  facilityIds: readonly string[],
  span: TimeWindow,
  now: Date,
): Promise<Map<string, TimeWindow[]>> {
  const out = new Map<string, TimeWindow[]>();
  if (facilityIds.length === 0) return out;
  const rows = await db
    .select({ facilityId: r.facilityId, startsAt: r.startsAt, endsAt: r.endsAt })
    .from(r)
    .where(and(inArray(r.facilityId, [...facilityIds]), holdingSpace(span, now)));
  for (const row of rows) {
    const window = { startMs: row.startsAt.getTime(), endMs: row.endsAt.getTime() };
    const list = out.get(row.facilityId);
    if (list) list.push(window);
    else out.set(row.facilityId, [window]);
  }
  return out;
}

/** HELD, CONFIRMED and CHECKED_IN reservations ending after `after` (of some facilities, or all): what the mirror keeps. */
export async function liveReservations(
  db: PgRunner,
  after: Date,
  facilityIds?: readonly string[],
): Promise<Reservation[]> {
  const live = and(inArray(r.status, ['HELD', 'CONFIRMED', 'CHECKED_IN']), gt(r.endsAt, after));
  return db
    .select()
    .from(r)
    .where(facilityIds === undefined ? live : and(inArray(r.facilityId, [...facilityIds]), live));
}

/** A rider's reservations, newest first, `limit` of them after `after`. */
export async function riderReservations(
  db: PgRunner,
  riderId: string,
  limit: number,
  after?: PageAfter,
): Promise<Reservation[]> {
  return db
    .select()
    .from(r)
    .where(and(eq(r.riderId, riderId), afterKeyset(r.createdAt, r.id, after, 'desc')))
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(limit);
}

/** A facility's reservations overlapping `window` (all when absent), by start time. */
export async function facilityReservations(
  db: PgRunner,
  facilityId: string,
  limit: number,
  window?: TimeWindow,
  after?: PageAfter,
): Promise<Reservation[]> {
  const windowCond =
    window && and(lt(r.startsAt, new Date(window.endMs)), gt(r.endsAt, new Date(window.startMs)));
  return db
    .select()
    .from(r)
    .where(
      and(eq(r.facilityId, facilityId), windowCond, afterKeyset(r.startsAt, r.id, after, 'asc')),
    )
    .orderBy(asc(r.startsAt), asc(r.id))
    .limit(limit);
}

/** Reservations per status as of `nowMs` (the SQLite twin's rule). */
export async function reservationCounts(db: PgRunner, nowMs: number): Promise<Map<string, number>> {
  const now = new Date(nowMs);
  const status = sql<string>`CASE
    WHEN ${r.status} = 'HELD' AND ${r.holdExpiresAt} <= ${now} THEN 'EXPIRED'
    WHEN ${r.status} = 'CONFIRMED' AND ${r.endsAt} <= ${now} THEN 'COMPLETED'
    ELSE ${r.status} END`;
  const rows = await db.select({ status, n: count() }).from(r).groupBy(status);
  return new Map(rows.map((row) => [row.status, row.n]));
}
