import type { RealtimeMessageRow } from '../db/index.js';

/** A message to append to the realtime log (its id comes from the log). */
export type NewRealtimeMessage = Omit<RealtimeMessageRow, 'id'>;

/** What pruning needs of a row. */
export type LogRowSummary = Pick<
  RealtimeMessageRow,
  'id' | 'kinds' | 'carries' | 'fullDataset' | 'newestAt'
>;

/**
 * The realtime log (DESIGN.md §9): every accepted GTFS-RT message in commit order, the one source
 * every process and replica applies realtime from. SQLite: a table of the data folder's file;
 * PostgreSQL: a shared table, appends under a transaction-level advisory lock so that ids commit
 * in order, and `LISTEN`/`NOTIFY` to wake the other replicas.
 */
export interface RealtimeLog {
  /**
   * One unit, alone among appends: reads the rows after `afterId` (those this process has not
   * applied) and hands them to `decide`, which applies them and answers the message to append, or
   * undefined to append nothing; then appends it and deletes the rows `prune` names among the
   * feed's rows. Resolves with the new row's id, or undefined.
   */
  append(
    afterId: number,
    decide: (unseen: RealtimeMessageRow[]) => NewRealtimeMessage | undefined,
    prune: (feedRows: LogRowSummary[]) => number[],
  ): Promise<number | undefined>;
  /** The rows after `afterId`, in id order. */
  after(afterId: number): Promise<RealtimeMessageRow[]>;
  /** The newest row's id (0 when empty). */
  latestId(): Promise<number>;
  /** Calls `onAppend` when another process or replica may have appended; resolves with a stop function. */
  listen(onAppend: () => void): Promise<() => Promise<void>>;
}

/**
 * The log rows of one feed that no longer change the state (DESIGN.md §3): every kind they carry
 * is replaced by a later FULL_DATASET of that kind, or (trip updates, vehicle positions) expired
 * `maxAgeSeconds` after the row's newest timestamp; never the feed's newest row, which holds its
 * latest header time even when it carries nothing. `rows` in id order.
 */
export function prunableLogRows(
  rows: readonly LogRowSummary[],
  nowMs: number,
  maxAgeSeconds: number,
): number[] {
  const expiredBefore = nowMs - maxAgeSeconds * 1000;
  const list = (value: string | null) => (value ? value.split(',') : []);
  const replacedLater = new Set<string>();
  const stale: number[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    const carries = list(row.carries);
    const expired = row.newestAt.getTime() < expiredBefore;
    const gone = carries.every((k) => replacedLater.has(k) || (k !== 'alerts' && expired));
    if (gone && i < rows.length - 1) stale.push(row.id);
    // A FULL_DATASET replaces the kinds its poll URL serves, else the kinds it has.
    if (row.fullDataset)
      for (const k of row.kinds === null ? carries : list(row.kinds)) replacedLater.add(k);
  }
  return stale;
}
