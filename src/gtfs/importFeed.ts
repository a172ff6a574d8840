import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runNodeGtfs } from './runNodeGtfs.js';
import { removeSqliteFile } from './sqliteFiles.js';
import { unpackFeed } from './unpackFeed.js';
import { validateFeed, type FeedSummary } from './validateFeed.js';

/** One step of an import; `fraction` is the share of the whole import done so far (0 to 1). */
export interface ImportFeedProgress {
  readonly phase: 'unpack' | 'validate' | 'import' | 'done';
  readonly fraction?: number;
  readonly message?: string;
}

/** Options of importFeedToSqlite. */
export interface ImportFeedOptions {
  readonly onProgress?: (progress: ImportFeedProgress) => void;
}

/** Where each phase starts on the 0–1 scale of `fraction`; node-gtfs's insert takes the most. */
const PHASE_START = { unpack: 0, validate: 0.05, import: 0.25, done: 1 } as const;

/**
 * Imports a GTFS source (zip, folder or http(s) URL) into a new node-gtfs SQLite file: unpacks
 * into a temporary folder (always removed), validates, then lets node-gtfs load it. Refuses an
 * existing `sqlitePath`; on any failure the partial file is deleted. Problems of the feed reject
 * with FeedInvalidError.
 */
export async function importFeedToSqlite(
  source: string,
  sqlitePath: string,
  opts: ImportFeedOptions = {},
): Promise<FeedSummary> {
  const target = path.resolve(sqlitePath);
  const report = opts.onProgress ?? (() => undefined);
  await mkdir(path.dirname(target), { recursive: true });
  // Claiming the name with O_EXCL makes "refuse an existing file" race-free.
  await writeFile(target, '', { flag: 'wx' }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new Error(`refusing to import into ${target}: the file already exists`);
  });
  let workDir: string | undefined;
  try {
    workDir = await mkdtemp(path.join(tmpdir(), 'maas-feed-'));
    report({ phase: 'unpack', fraction: PHASE_START.unpack, message: 'unpacking feed' });
    const folder = await unpackFeed(source, workDir);
    report({ phase: 'validate', fraction: PHASE_START.validate, message: 'validating feed' });
    const summary = await validateFeed(folder);
    const span = PHASE_START.done - PHASE_START.import;
    await runNodeGtfs(folder, target, summary, (share, message) => {
      report({ phase: 'import', fraction: PHASE_START.import + span * share, message });
    });
    await syncFile(target);
    report({ phase: 'done', fraction: 1, message: 'import complete' });
    return summary;
  } catch (error) {
    await removeSqliteFile(target);
    throw error;
  } finally {
    if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
  }
}

/** node-gtfs writes with synchronous=OFF; flush once so a finished import survives a crash. */
async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
