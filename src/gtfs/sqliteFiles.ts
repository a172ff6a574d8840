import { rm } from 'node:fs/promises';

/** A SQLite database file's companions: write-ahead log, shared memory, rollback journal. */
const COMPANIONS = ['', '-wal', '-shm', '-journal'] as const;

/**
 * Deletes a SQLite file with its -wal, -shm and -journal companions, where they exist. Its own
 * module so that the processes that only manage feed files (server, CLI) do not load node-gtfs,
 * which the importer's module imports (some 700 modules, with lodash-es).
 */
export async function removeSqliteFile(file: string): Promise<void> {
  for (const suffix of COMPANIONS) await rm(file + suffix, { force: true });
}
