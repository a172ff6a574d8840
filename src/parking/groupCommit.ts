import type { AppDb } from '../db/client.js';
import type { SyncDb } from './repo/db.js';

interface Pending {
  work: (tx: SyncDb) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: units of work queued in the same turn of the event loop run one after another in
 * ONE synchronous IMMEDIATE transaction, each inside its own savepoint (a refused unit rolls back
 * alone), and are acknowledged only after the commit. Each unit sees the writes of the units
 * before it, so check-and-insert stays exact, while a burst of requests pays for one fsync.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly db: AppDb) {}

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
    let outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[];
    try {
      outcomes = this.db.transaction(
        (tx) =>
          batch.map((item) => {
            try {
              return { ok: true as const, value: tx.transaction((unit) => item.work(unit)) };
            } catch (error) {
              return { ok: false as const, error };
            }
          }),
        { behavior: 'immediate' },
      );
    } catch (error) {
      // The commit itself failed: nothing of the batch was written.
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }
}
