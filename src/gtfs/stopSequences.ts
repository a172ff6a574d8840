import path from 'node:path';
import Database from 'better-sqlite3';
import type { Timetable } from '../transit/index.js';

/**
 * GTFS stop_sequence values of a trip's stop times (pattern order), read on demand from the
 * feed's node-gtfs SQLite file and cached; the compiled timetable keeps positions only.
 */
export class StopSequences {
  private readonly cache = new Map<number, Int32Array | undefined>();
  private db: Database.Database | undefined;
  private stmt: Database.Statement<[string], { s: number }> | undefined;

  constructor(
    private readonly tt: Timetable,
    private readonly feedId: string,
    private readonly file: string,
  ) {}

  /** Opens the feed file of `feedId` under `dataDir/feeds/`. */
  static forFeed(tt: Timetable, feedId: string, dataDir: string, fileName: string): StopSequences {
    return new StopSequences(tt, feedId, path.join(dataDir, 'feeds', fileName));
  }

  /** stop_sequence per pattern position of `trip`; undefined when unreadable. */
  of(trip: number): Int32Array | undefined {
    if (this.cache.has(trip)) return this.cache.get(trip);
    let seqs: Int32Array | undefined;
    try {
      this.db ??= new Database(this.file, { readonly: true, fileMustExist: true });
      this.stmt ??= this.db.prepare(
        'SELECT stop_sequence AS s FROM stop_times WHERE trip_id = ? ORDER BY stop_sequence',
      );
      const tripId = this.tt.tripIds[trip]!.slice(this.feedId.length + 1);
      seqs = Int32Array.from(this.stmt.all(tripId).map((r) => r.s));
    } catch {
      seqs = undefined;
    }
    this.cache.set(trip, seqs);
    return seqs;
  }

  /** Releases the database handle. */
  close(): void {
    this.db?.close();
    this.db = undefined;
    this.stmt = undefined;
  }
}
