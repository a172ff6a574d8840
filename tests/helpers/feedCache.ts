import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { feeds } from '../../src/db/index.js';
import { eventually } from './eventually.js';
import { createHarness, type Harness } from './harness.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's folder of imported feed files (tests/helpers/globalSetup.ts). */
    feedCacheDir: string;
  }
}

/** How long a suite waits for another one's import of the same source (the subway takes ~25 s alone). */
const OTHER_IMPORT_WAIT_MS = 240_000;

/** Cache file of `source`: one per source path in this run (the run's folder goes at its end). */
function cacheFileOf(source: string): string {
  const name = path.resolve(source).replace(/[^A-Za-z0-9._-]+/g, '_');
  return path.join(inject('feedCacheDir'), `${name}.sqlite`);
}

/** Takes `lock` (created exclusively); false when another process holds it. */
function tryLock(lock: string): boolean {
  try {
    closeSync(openSync(lock, 'wx'));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Imports `source` as `feedId` into a SQLite harness, once per test run: the first call goes
 * through the product's `importFeed` (child process, validation, node-gtfs, compile) and keeps the
 * file it wrote; later calls in any test file register a copy of that file and compile it, as
 * the import's last step does. A suite that finds another one importing the same source waits
 * for its file. For suites whose subject is what a feed serves, not how it is imported: node-gtfs
 * takes ~30 s over the Staten Island feed and ~5 s over the sample. On a PostgreSQL harness (the
 * shared registry stores the zip too) it always imports.
 */
export async function importFeedOnce(h: Harness, feedId: string, source: string): Promise<void> {
  if (h.services.pg) {
    await h.services.feeds.importFeed(feedId, source);
    return;
  }
  const cached = cacheFileOf(source);
  const lock = `${cached}.lock`;
  const feedDir = path.join(h.dataDir, 'feeds');
  while (!existsSync(cached)) {
    if (!tryLock(lock)) {
      // Another suite imports it: wait for its file, or for its lock to go (it failed: try here).
      await eventually(() => existsSync(cached) || !existsSync(lock), OTHER_IMPORT_WAIT_MS, 200);
      continue;
    }
    try {
      const { row } = await h.services.feeds.importFeed(feedId, source);
      // Written aside and renamed: another suite may look for the file at any moment.
      const scratch = `${cached}.${process.pid}.tmp`;
      copyFileSync(path.join(feedDir, row.fileName), scratch);
      renameSync(scratch, cached);
      return;
    } finally {
      rmSync(lock, { force: true });
    }
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

/**
 * The node-gtfs SQLite file of `source` as the product's import writes it, imported once per run
 * (see importFeedOnce): for suites that read a feed's tables or compile it themselves. Read it,
 * never write it: every suite of the run shares it.
 */
export async function importedFeedFile(source: string): Promise<string> {
  const cached = cacheFileOf(source);
  if (existsSync(cached)) return cached;
  const h = createHarness();
  try {
    await importFeedOnce(h, 'feed', source);
  } finally {
    await h.close();
  }
  return cached;
}
