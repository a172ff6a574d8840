import type { AppDb } from './client.js';
import type { SyncDb } from './syncDb.js';

/**
 * "These writes together or none" (DESIGN.md §9): `run` executes `work` as one transaction and
 * resolves with its result once committed; a throw rolls back every write of `work` and rejects.
 * `Tx` is the dialect's transaction handle: only repository implementations (`<domain>/repo/`)
 * see it, domain services see the repository interfaces. On SQLite `work` is synchronous, with no
 * `await` inside (STYLE.md 8).
 */
export interface UnitOfWork<Tx> {
  run<T>(work: (tx: Tx) => T): Promise<T>;
}

/** A unit of work that runs each unit at once in its own synchronous IMMEDIATE transaction (no grouping). */
export function immediateUnitOfWork(db: AppDb): UnitOfWork<SyncDb> {
  return {
    // Runs at once; a refusal thrown inside the transaction becomes the rejection.
    run: <T>(work: (tx: SyncDb) => T): Promise<T> =>
      new Promise<T>((resolve) => {
        resolve(db.transaction(work, { behavior: 'immediate' }));
      }),
  };
}
