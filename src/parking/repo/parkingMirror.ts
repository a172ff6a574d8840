import type { PgDb } from '../../db/index.js';
import type { Facility, Reservation, StoredAvailability } from '../records.js';
import type { LatLonBox, ParkingReads } from '../repository.js';
import type { EpochMs, TimeWindow } from '../types.js';
import {
  findFacilities,
  latestAvailability,
  liveReservations,
  PARKING_CHANNEL,
  parseParkingPayload,
} from './pgRows.js';

/** Reservations that ended more than this long ago are not kept. */
const KEEP_ENDED_MS = 24 * 3600 * 1000;
/** The safety net: a full reload this often, whatever the notifications said. */
const FULL_RELOAD_MS = 5000;

interface Entry {
  facility: Facility;
  latest: StoredAvailability | undefined;
  live: Reservation[];
  /** Sequence number of the load that wrote this entry: an older load never overwrites it. */
  seq: number;
  /**
   * Reservations learned one by one since (committed here, or read from a notification), with
   * the sequence number at which each was learned: a load that began before it is merged with it.
   */
  learned: Map<string, { row: Reservation; seq: number }>;
}

const LIVE = new Set(['HELD', 'CONFIRMED', 'CHECKED_IN']);

/**
 * Parking as the planner reads it on PostgreSQL (DESIGN.md §9): facilities, their latest reports
 * and their live reservations held in memory, so that a plan reads synchronously and never waits
 * on the database. A reservation write notifies `parking_changed` with the reservation's new row,
 * which every mirror takes as it is (the writer's takes it at once after its commit); other writes
 * notify their facility ids, which the mirrors reload. Everything is reloaded on every (re)connect
 * of the listener, and every 5 s.
 */
export class ParkingMirror implements ParkingReads {
  private entries = new Map<string, Entry>();
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private stopped = false;
  /** Facilities waiting for the next batch reload, and that batch (not yet started). */
  private readonly pending = new Set<string>();
  private batch: Promise<void> | undefined;

  constructor(
    private readonly db: PgDb,
    private readonly nowMs: () => EpochMs,
    onError: (error: unknown) => void = () => undefined,
  ) {
    // After `stop` the pool may be closing: a refresh still running then is not worth a warning.
    this.onError = (error) => {
      if (!this.stopped) onError(error);
    };
  }

  private readonly onError: (error: unknown) => void;

  /** Loads everything and starts following changes. */
  async start(): Promise<void> {
    await this.reloadAll();
    const meta = await this.db.$client.listen(
      PARKING_CHANNEL,
      (payload) => this.heard(payload),
      () => void this.reloadAll().catch(this.onError),
    );
    this.unlisten = () => meta.unlisten();
    this.timer = setInterval(() => void this.reloadAll().catch(this.onError), FULL_RELOAD_MS);
    this.timer.unref();
  }

  /** Stops following changes. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.unlisten?.().catch(() => undefined);
  }

  /**
   * Takes reservations as they now are in the database (committed by this replica, or told by a
   * notification), without a query; a facility not held yet is loaded instead.
   */
  applied(rows: readonly Reservation[]): void {
    if (this.stopped) return;
    const seq = ++this.seq;
    const sinceMs = this.nowMs() - KEEP_ENDED_MS;
    const missing: string[] = [];
    for (const row of rows) {
      const entry = this.entries.get(row.facilityId);
      if (!entry) {
        missing.push(row.facilityId);
        continue;
      }
      const known = entry.learned.get(row.id);
      if (known && known.row.updatedAt.getTime() > row.updatedAt.getTime()) continue;
      entry.learned.set(row.id, { row, seq });
      merge(entry.live, row, sinceMs);
    }
    if (missing.length > 0) void this.reload(missing).catch(this.onError);
  }

  private heard(payload: string): void {
    try {
      const { facilityIds, reservations } = parseParkingPayload(payload);
      this.applied(reservations);
      if (facilityIds.length > 0) void this.reload(facilityIds).catch(this.onError);
    } catch (error) {
      // A payload this version cannot read: reload everything rather than miss a change.
      this.onError(error);
      void this.reloadAll().catch(this.onError);
    }
  }

  /**
   * Reloads the given facilities (after a local write, or a notification); resolves once they are
   * fresh. Requests of the same turn of the event loop are served by one batch of three queries,
   * so that a burst of writes (here or on other replicas) does not become a burst of reloads.
   */
  reload(facilityIds: readonly string[]): Promise<void> {
    if (this.stopped) return Promise.resolve();
    for (const id of facilityIds) if (id.length > 0) this.pending.add(id);
    this.batch ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      const ids = [...this.pending];
      this.pending.clear();
      this.batch = undefined;
      return this.load(ids);
    });
    return this.batch;
  }

  private async load(ids: readonly string[]): Promise<void> {
    if (this.stopped || ids.length === 0) return;
    const seq = ++this.seq;
    const since = new Date(this.nowMs() - KEEP_ENDED_MS);
    const [facilities, latest, live] = await Promise.all([
      findFacilities(this.db, ids),
      latestAvailability(this.db, ids),
      liveReservations(this.db, since, ids),
    ]);
    this.putLoaded(facilities, latest, live, seq);
  }

  private async reloadAll(): Promise<void> {
    const seq = ++this.seq;
    const since = new Date(this.nowMs() - KEEP_ENDED_MS);
    const [facilities, live] = await Promise.all([
      this.db.query.parkingFacilities.findMany(),
      liveReservations(this.db, since),
    ]);
    const latest = await latestAvailability(
      this.db,
      facilities.map((f) => f.id),
    );
    this.putLoaded(facilities, latest, live, seq);
  }

  /** What one load read, as entries (each put unless a newer load wrote its facility). */
  private putLoaded(
    facilities: readonly Facility[],
    latest: Map<string, StoredAvailability>,
    live: readonly Reservation[],
    seq: number,
  ): void {
    const liveBy = groupByFacility(live);
    for (const facility of facilities) {
      this.put({
        facility,
        latest: latest.get(facility.id),
        live: liveBy.get(facility.id) ?? [],
        seq,
        learned: new Map(),
      });
    }
  }

  private put(entry: Entry): void {
    const current = this.entries.get(entry.facility.id);
    if (current && current.seq > entry.seq) return;
    if (current) {
      // What was learned after this load began may be missing from it (or older in it).
      const sinceMs = this.nowMs() - KEEP_ENDED_MS;
      for (const [id, learned] of current.learned) {
        if (learned.seq < entry.seq) continue;
        entry.learned.set(id, learned);
        merge(entry.live, learned.row, sinceMs);
      }
    }
    this.entries.set(entry.facility.id, entry);
  }

  findFacility(id: string): Facility | undefined {
    return this.entries.get(id)?.facility;
  }

  facilitiesInBox(box: LatLonBox): Facility[] {
    const out: Facility[] = [];
    for (const { facility: f } of this.entries.values()) {
      if (f.lat >= box.minLat && f.lat <= box.maxLat && f.lon >= box.minLon && f.lon <= box.maxLon)
        out.push(f);
    }
    return out;
  }

  latestAvailability(facilityIds: readonly string[]): Map<string, StoredAvailability> {
    const out = new Map<string, StoredAvailability>();
    for (const id of facilityIds) {
      const latest = this.entries.get(id)?.latest;
      if (latest) out.set(id, latest);
    }
    return out;
  }

  activeWindows(facilityId: string, window: TimeWindow, nowMs: EpochMs): TimeWindow[] {
    const out: TimeWindow[] = [];
    for (const r of this.entries.get(facilityId)?.live ?? []) {
      const startMs = r.startsAt.getTime();
      const endMs = r.endsAt.getTime();
      if (startMs >= window.endMs || endMs <= window.startMs) continue;
      if (r.status === 'HELD' && (r.holdExpiresAt?.getTime() ?? 0) <= nowMs) continue;
      out.push({ startMs, endMs });
    }
    return out;
  }
}

/** Puts `row` in place of its older version in `live` (dropped when it is no longer live). */
function merge(live: Reservation[], row: Reservation, sinceMs: EpochMs): void {
  const at = live.findIndex((r) => r.id === row.id);
  if (at >= 0) {
    if (live[at]!.updatedAt.getTime() > row.updatedAt.getTime()) return;
    live.splice(at, 1);
  }
  if (LIVE.has(row.status) && row.endsAt.getTime() > sinceMs) live.push(row);
}

function groupByFacility(rows: readonly Reservation[]): Map<string, Reservation[]> {
  const by = new Map<string, Reservation[]>();
  for (const row of rows) {
    const list = by.get(row.facilityId);
    if (list) list.push(row);
    else by.set(row.facilityId, [row]);
  }
  return by;
}
