import { constants, copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { feeds } from '../../src/db/index.js';
import type { Harness } from './harness.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's folder of imported feed files (tests/helpers/globalSetup.ts). */
    feedCacheDir: string;
  }
}

/** Cache file of `source`: one per source path in this run (the run's folder goes at its end). */
function cacheFileOf(source: string): string {
  const name = path.resolve(source).replace(/[^A-Za-z0-9._-]+/g, '_');
  return path.join(inject('feedCacheDir'), `${name}.sqlite`);
}

/**
 * Imports `source` as `feedId` into a SQLite harness, once per test run: the first call goes
 * through the product's `importFeed` (child process, validation, node-gtfs, compile) and keeps the
 * file it wrote; later calls in any test file register a copy of that file and compile it, as
 * the import's last step does. For suites whose subject is what a feed serves, not how it is
 * imported: node-gtfs takes ~30 s over the Staten Island feed and ~5 s over the sample. On a
 * PostgreSQL harness (the shared registry stores the zip too) it always imports.
 */
export async function importFeedOnce(h: Harness, feedId: string, source: string): Promise<void> {
  if (h.services.pg) {
    await h.services.feeds.importFeed(feedId, source);
    return;
  }
  const cached = cacheFileOf(source);
  const feedDir = path.join(h.dataDir, 'feeds');
  if (!existsSync(cached)) {
    const { row } = await h.services.feeds.importFeed(feedId, source);
    // Written aside and renamed: another test file may be reading the cache at the same time.
    const scratch = `${cached}.${process.pid}.tmp`;
    copyFileSync(path.join(feedDir, row.fileName), scratch);
    renameSync(scratch, cached);
    return;
  }
  mkdirSync(feedDir, { recursive: true });
  const fileName = `${feedId}.v1.cached.sqlite`;
  copyFileSync(cached, path.join(feedDir, fileName), constants.COPYFILE_FICLONE);
  try {
    h.services.db
      .insert(feeds)
      .values({
        id: feedId,
        fileName,
        version: 1,
        importedAt: new Date(h.clock.nowMs()),
        source: path.basename(source),
      })
      .run();
    // What an import's last step does: compile the registered feeds and publish them.
    if (h.services.feeds.network) await h.services.feeds.recompile();
    else if (!h.services.feeds.loadAll()) throw new Error('the cached feed compiled to nothing');
  } catch (error) {
    rmSync(path.join(feedDir, fileName), { force: true });
    throw error;
  }
}
