import type { Statement } from 'better-sqlite3';
import type { AppDb } from './client.js';
import type { SyncDb } from './syncDb.js';
import type { UnitOfWork } from './unitOfWork.js';

interface Pending {
  work: (tx: SyncDb) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** How long a batch keeps trying to take the write lock before its units fail. */
const LOCK_WAIT_MS = 5000;

/**
 * Group commit: units of work queued in the same turn of the event loop run one after another in
 * ONE synchronous IMMEDIATE transaction, each inside its own savepoint (a refused unit rolls back
 * alone), and are acknowledged only after the commit. Each unit sees the writes of the units
 * before it, so check-and-insert stays exact, while a burst of requests pays for one fsync.
 *
 * When another process holds the write lock (WORKERS > 1, or the CLI), the batch does not wait
 * for it inside SQLite's busy handler, which would stall this event loop (every request of the
 * process) for milliseconds: it tries without waiting and, if the lock is taken, tries again a
 * moment later from the event loop, for up to LOCK_WAIT_MS; units queued meanwhile join it.
 */
export class GroupCommit implements UnitOfWork<SyncDb> {
  private queue: Pending[] = [];
  private scheduled = false;
  /** Since when the pending batch has been waiting for the write lock; undefined when it is not. */
  private waitingSince: number | undefined;
  private retries = 0;
  private statements: SavepointStatements | undefined;

  constructor(
    private readonly db: AppDb,
    private readonly lockWaitMs = LOCK_WAIT_MS,
  ) {}

  /** Runs `work` in the next group transaction; resolves once that transaction has committed. */
  run<T>(work: (tx: SyncDb) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    const attempt = { began: false };
    let outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[];
    const statements = this.statementsOf();
    const sqlite = this.db.$client;
    // Set through pragma() each time: a prepared PRAGMA takes effect when compiled, not when run.
    const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
    sqlite.pragma('busy_timeout = 0');
    try {
      outcomes = this.db.transaction(
        (tx) => {
          attempt.began = true;
          return batch.map((item) => runUnit(statements, tx, item.work));
        },
        { behavior: 'immediate' },
      );
    } catch (error) {
      if (!attempt.began && isBusy(error) && this.retry(batch)) return;
      // The commit itself failed: nothing of the batch was written.
      this.waitingSince = undefined;
      this.retries = 0;
      for (const item of batch) item.reject(error);
      return;
    } finally {
      sqlite.pragma(`busy_timeout = ${busyTimeout}`);
    }
    this.waitingSince = undefined;
    this.retries = 0;
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  /**
   * A unit's savepoint statements, prepared once: drizzle's nested transaction would build and
   * prepare their SQL, and a transaction object, for every unit.
   */
  private statementsOf(): SavepointStatements {
    const sqlite = this.db.$client;
    this.statements ??= {
      savepoint: sqlite.prepare('SAVEPOINT group_unit'),
      release: sqlite.prepare('RELEASE group_unit'),
      rollbackTo: sqlite.prepare('ROLLBACK TO group_unit'),
    };
    return this.statements;
  }

  /** Puts a batch that found the write lock taken back in front of the queue and tries again soon; false once it has waited `lockWaitMs`. */
  private retry(batch: Pending[]): boolean {
    const now = performance.now();
    this.waitingSince ??= now;
    if (now - this.waitingSince > this.lockWaitMs) return false;
    this.queue = [...batch, ...this.queue];
    if (!this.scheduled) {
      this.scheduled = true;
      // 0, 1, 2, 4 ms…: a commit elsewhere takes well under a millisecond.
      const delay = Math.min(8, this.retries === 0 ? 0 : 2 ** (this.retries - 1));
      this.retries++;
      setTimeout(() => {
        this.flush();
      }, delay);
    }
    return true;
  }
}

interface SavepointStatements {
  savepoint: Statement;
  release: Statement;
  rollbackTo: Statement;
}

/** Runs one unit inside its own savepoint of the batch's transaction: a unit that throws is rolled back alone. */
function runUnit(
  statements: SavepointStatements,
  tx: SyncDb,
  work: (tx: SyncDb) => unknown,
): { ok: true; value: unknown } | { ok: false; error: unknown } {
  statements.savepoint.run();
  try {
    const value = work(tx);
    statements.release.run();
    return { ok: true, value };
  } catch (error) {
    // SQLite may have rolled the whole transaction back (SQLITE_FULL, …): then the batch fails.
    if (!statements.savepoint.database.inTransaction) throw error;
    statements.rollbackTo.run();
    statements.release.run();
    return { ok: false, error };
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT';
}
