import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { importGtfs } from 'gtfs';
import { FeedInvalidError } from './errors.js';
import type { FeedSummary } from './validateFeed.js';

/** Called with the share of the node-gtfs load done (0 to 1) and node-gtfs's own message. */
export type ShareListener = (share: number, message: string) => void;

/** Share of the load given to creating indexes once all rows are in. */
const INDEX_SHARE = 0.1;

/** Errors of the machine, not of the feed: passed on as they are. */
const SYSTEM_ERROR = /^(SQLITE_(CANTOPEN|FULL|IOERR|NOMEM|READONLY|BUSY|LOCKED)|E[A-Z]+$)/;

/**
 * Loads a validated GTFS folder into the empty SQLite file `target` with node-gtfs. node-gtfs gets
 * our own connection (`db`), so its per-path connection cache never holds the file, and the
 * connection is closed whatever happens. Failures caused by the feed become FeedInvalidError.
 */
export async function runNodeGtfs(
  folder: string,
  target: string,
  summary: FeedSummary,
  onShare: ShareListener,
): Promise<void> {
  const db = new Database(target);
  // The pragmas node-gtfs sets on connections it opens itself: a bulk load into a fresh file.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('temp_store = MEMORY');
  const log = new LoadLog(folder, summary, onShare);
  try {
    await importGtfs({
      db,
      sqlitePath: target,
      agencies: [{ path: folder }],
      // verbose: false would turn node-gtfs's progress lines into no-ops before logFunction.
      verbose: true,
      logFunction: (text: string) => {
        log.onLine(text);
      },
    });
    checkRowCounts(db, summary);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && SYSTEM_ERROR.test(code)) throw error;
    if (error instanceof FeedInvalidError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const hint = log.lastWarning === undefined ? '' : ` (${log.lastWarning})`;
    const where = log.currentFile ?? 'feed';
    throw new FeedInvalidError(
      `${where}: node-gtfs could not import it: ${message}${hint}`,
      log.currentFile,
    );
  } finally {
    db.close();
  }
}

/** Follows node-gtfs's log lines to turn them into a share of the load done. */
class LoadLog {
  currentFile: string | undefined;
  lastWarning: string | undefined;
  private readonly bytes = new Map<string, number>();
  private readonly rows: ReadonlyMap<string, number>;
  private readonly totalBytes: number;
  private doneBytes = 0;

  constructor(
    folder: string,
    summary: FeedSummary,
    private readonly onShare: ShareListener,
  ) {
    for (const name of readdirSync(folder)) {
      if (name.endsWith('.txt')) this.bytes.set(name, statSync(path.join(folder, name)).size);
    }
    this.totalBytes = Math.max(
      1,
      [...this.bytes.values()].reduce((a, b) => a + b, 0),
    );
    this.rows = new Map([
      ['stop_times.txt', summary.stopTimeCount],
      ['trips.txt', summary.tripCount],
      ['stops.txt', summary.stopCount],
    ]);
  }

  onLine(raw: string): void {
    const text = raw.trim();
    const started = /^Importing - (\S+\.txt)$/.exec(text);
    const counted = /^Importing - (\S+\.txt) - (\d+) lines imported$/.exec(text);
    if (started?.[1] !== undefined) {
      if (this.currentFile !== undefined) this.doneBytes += this.bytes.get(this.currentFile) ?? 0;
      this.currentFile = started[1];
      this.report(0, text);
    } else if (counted?.[1] !== undefined && counted[1] === this.currentFile) {
      const rows = this.rows.get(counted[1]);
      if (rows !== undefined && rows > 0) this.report(Math.min(1, Number(counted[2]) / rows), text);
    } else if (text === 'Creating DB indexes') {
      this.onShare(1 - INDEX_SHARE, text);
    } else if (/^(Duplicate |Error |Missing |Invalid )/.test(text)) {
      // Not "Check x.txt for invalid data on line N": N is "batch index" + "1" as strings.
      this.lastWarning = text;
    }
  }

  private report(shareOfFile: number, text: string): void {
    const fileBytes = this.currentFile === undefined ? 0 : (this.bytes.get(this.currentFile) ?? 0);
    const loaded = (this.doneBytes + fileBytes * shareOfFile) / this.totalBytes;
    this.onShare(Math.min(1, loaded) * (1 - INDEX_SHARE), text);
  }
}

/** node-gtfs should load every row validateFeed counted; anything else is a silent loss. */
function checkRowCounts(db: Database.Database, summary: FeedSummary): void {
  const expected: [string, number][] = [
    ['stops', summary.stopCount],
    ['routes', summary.routeCount],
    ['trips', summary.tripCount],
    ['stop_times', summary.stopTimeCount],
  ];
  for (const [table, count] of expected) {
    const row = db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
    if (row.n !== count) {
      throw new FeedInvalidError(
        `${table}.txt: node-gtfs imported ${row.n} of ${count} rows`,
        `${table}.txt`,
      );
    }
  }
}
