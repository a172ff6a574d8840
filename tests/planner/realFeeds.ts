import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The real feeds of `../shared/feeds` (see its README). */
export const FEEDS_DIR = path.resolve(import.meta.dirname, '../../../shared/feeds');
export const SI_ZIP = path.join(FEEDS_DIR, 'nyc-staten-island-bus.zip');
export const SUBWAY_ZIP = path.join(FEEDS_DIR, 'nyc-subway.zip');
export const HAVE_FEEDS = existsSync(SI_ZIP) && existsSync(SUBWAY_ZIP);

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
const GTFS_VERSION = (
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules/gtfs/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const CACHE_DIR = path.join(os.tmpdir(), 'maas-planner-test-feeds');

/**
 * Imports a GTFS zip with node-gtfs into a SQLite file and returns its path. The import runs in
 * a child process (so two feeds import in parallel, ~20–30 s each) and its result is kept in the
 * temp folder under a name made of the zip's size and mtime and the node-gtfs version, so later
 * runs on the same zip reuse it; the file appears only once complete (written aside, renamed).
 */
export async function importedSqlite(zipPath: string): Promise<string> {
  const stat = statSync(zipPath);
  const name = `${path.basename(zipPath, '.zip')}-${stat.size}-${Math.round(stat.mtimeMs)}-gtfs${GTFS_VERSION}.sqlite`;
  const target = path.join(CACHE_DIR, name);
  if (existsSync(target)) return target;
  mkdirSync(CACHE_DIR, { recursive: true });
  const scratch = `${target}.${process.pid}.${Date.now()}.tmp`;
  const script = `
    import { importGtfs } from 'gtfs';
    await importGtfs({ sqlitePath: ${JSON.stringify(scratch)}, agencies: [{ path: ${JSON.stringify(zipPath)} }], verbose: false });
  `;
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) => {
        if (code === 0) resolve();
        else
          reject(
            new Error(`node-gtfs import of ${zipPath} failed (${code}): ${stderr.slice(-2000)}`),
          );
      });
    });
    renameSync(scratch, target);
  } finally {
    rmSync(scratch, { force: true });
  }
  return target;
}
