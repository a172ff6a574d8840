import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFeedToSqlite, type ImportFeedProgress } from '../../src/gtfs/importFeed.js';
import { runImportInChild } from '../../src/gtfs/runImportInChild.js';
import { unpackFeed } from '../../src/gtfs/unpackFeed.js';
import {
  SAMPLE_DIR,
  copySample,
  countRows,
  expectFeedInvalid,
  removeTempDirs,
  setField,
  tempDir,
} from './feedFixtures.js';

afterAll(removeTempDirs);

/** The sample's files, as zip entries under `prefix`. */
async function sampleEntries(
  prefix = '',
  names?: readonly string[],
): Promise<Record<string, Uint8Array>> {
  const entries: Record<string, Uint8Array> = {};
  for (const name of names ?? (await readdir(SAMPLE_DIR))) {
    entries[prefix + name] = await readFile(path.join(SAMPLE_DIR, name));
  }
  return entries;
}

function sqliteFilesIn(dir: string): Promise<string[]> {
  return readdir(dir).then((names) => names.filter((name) => name.includes('.sqlite')));
}

describe('runImportInChild', () => {
  it('imports the sample folder with the row counts of its .txt files', async () => {
    const out = path.join(await tempDir(), 'si.sqlite');
    const progress: ImportFeedProgress[] = [];
    const summary = await runImportInChild(SAMPLE_DIR, out, (p) => progress.push(p));
    expect(summary.tripCount).toBe(await countRows(SAMPLE_DIR, 'trips.txt'));
    const db = new Database(out, { readonly: true });
    try {
      const tables = [
        'agency',
        'stops',
        'routes',
        'trips',
        'stop_times',
        'calendar',
        'calendar_dates',
        'shapes',
        'feed_info',
      ];
      for (const table of tables) {
        const { n } = db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
        expect(n, table).toBe(await countRows(SAMPLE_DIR, `${table}.txt`));
      }
      // node-gtfs keeps the text and adds seconds since midnight in *_timestamp columns.
      const first = db
        .prepare('SELECT arrival_time, arrival_timestamp FROM stop_times LIMIT 1')
        .get();
      expect(first).toEqual({ arrival_time: '01:00:00', arrival_timestamp: 3600 });
    } finally {
      db.close();
    }
    expect(progress.map((p) => p.phase)).toEqual(
      expect.arrayContaining(['unpack', 'validate', 'import', 'done']),
    );
    const fractions = progress.map((p) => p.fraction ?? 0);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('rebuilds a FeedInvalidError from the child with file and line, and leaves no file', async () => {
    const dir = await copySample();
    await setField(dir, 'stop_times.txt', 5, 'stop_id', 'X');
    const outDir = await tempDir();
    const error = await expectFeedInvalid(runImportInChild(dir, path.join(outDir, 'bad.sqlite')), {
      file: 'stop_times.txt',
      line: 5,
      parts: ['stop_times.txt line 5: stop_id "X" does not exist in stops.txt'],
    });
    expect(error.name).toBe('FeedInvalidError');
    expect(await sqliteFilesIn(outDir)).toEqual([]);
  });

  it('wraps what node-gtfs refuses (here a shape point its CHECK rejects) in FEED_INVALID', async () => {
    // validateFeed leaves shapes.txt to node-gtfs, so this reaches the import.
    const dir = await copySample();
    await setField(dir, 'shapes.txt', 3, 'shape_pt_lat', 'north');
    const outDir = await tempDir();
    await expectFeedInvalid(runImportInChild(dir, path.join(outDir, 'bad.sqlite')), {
      file: 'shapes.txt',
      parts: ['shapes.txt', 'node-gtfs could not import it', 'CHECK constraint failed'],
    });
    expect(await sqliteFilesIn(outDir)).toEqual([]);
  });

  it('refuses an existing file and leaves it alone', async () => {
    const out = path.join(await tempDir(), 'taken.sqlite');
    await writeFile(out, 'not mine');
    await expect(runImportInChild(SAMPLE_DIR, out)).rejects.toThrow(/already exists/);
    await expect(importFeedToSqlite(SAMPLE_DIR, out)).rejects.toThrow(/already exists/);
    expect(await readFile(out, 'utf8')).toBe('not mine');
  });

  it('kills the child on abort, rejects and deletes the partial file', async () => {
    const outDir = await tempDir();
    const controller = new AbortController();
    const run = runImportInChild(
      SAMPLE_DIR,
      path.join(outDir, 'aborted.sqlite'),
      (p) => {
        if (p.phase === 'import') controller.abort(new Error('stop'));
      },
      { signal: controller.signal },
    );
    await expect(run).rejects.toThrow('stop');
    expect(await sqliteFilesIn(outDir)).toEqual([]);
  });
});

/** Pids of this process's children running importWorker.ts (Linux /proc). */
function importWorkerPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return (
          ppid === process.pid &&
          readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('importWorker')
        );
      } catch {
        return false; // the process ended meanwhile
      }
    })
    .map(Number);
}

describe.skipIf(process.platform !== 'linux')('runImportInChild when the worker crashes', () => {
  it('rejects with a clear error and deletes the partial file', async () => {
    const outDir = await tempDir();
    let killed = false;
    const run = runImportInChild(SAMPLE_DIR, path.join(outDir, 'crashed.sqlite'), (p) => {
      if (p.phase !== 'import' || killed) return;
      for (const pid of importWorkerPids()) process.kill(pid, 'SIGKILL');
      killed = true;
    });
    await expect(run).rejects.toThrow(
      'feed import worker died (signal SIGKILL) before reporting a result',
    );
    expect(await sqliteFilesIn(outDir)).toEqual([]);
  });
});

describe('importFeedToSqlite refuses uploads that are not feeds', () => {
  it('not-a-zip body', async () => {
    const dir = await tempDir();
    const upload = path.join(dir, 'upload.zip');
    await writeFile(upload, '<!DOCTYPE html><html>Service unavailable</html>');
    await expectFeedInvalid(importFeedToSqlite(upload, path.join(dir, 'out.sqlite')), {
      parts: ['upload is not a zip archive', '"<!DO"'],
    });
    expect(await sqliteFilesIn(dir)).toEqual([]);
  });

  it('a truncated zip', async () => {
    const dir = await tempDir();
    const upload = path.join(dir, 'upload.zip');
    await writeFile(
      upload,
      Buffer.from(zipSync(await sampleEntries('', ['agency.txt', 'stops.txt']))).subarray(0, 200),
    );
    await expectFeedInvalid(importFeedToSqlite(upload, path.join(dir, 'out.sqlite')), {
      parts: ['not a zip archive, or a damaged one'],
    });
    expect(await sqliteFilesIn(dir)).toEqual([]);
  });

  it('empty upload', async () => {
    const dir = await tempDir();
    const upload = path.join(dir, 'upload.zip');
    await writeFile(upload, '');
    await expectFeedInvalid(importFeedToSqlite(upload, path.join(dir, 'out.sqlite')), {
      parts: ['feed is empty'],
    });
    expect(await sqliteFilesIn(dir)).toEqual([]);
  });

  it('a zip without .txt files', async () => {
    const dir = await tempDir();
    const upload = path.join(dir, 'upload.zip');
    await writeFile(upload, zipSync({ 'README.md': Buffer.from('hello') }));
    await expectFeedInvalid(importFeedToSqlite(upload, path.join(dir, 'out.sqlite')), {
      parts: ['feed is empty', 'no .txt files'],
    });
  });
});

describe('unpackFeed', () => {
  it('takes the .txt files out of a single subfolder', async () => {
    const dir = await tempDir();
    const upload = path.join(dir, 'nested.zip');
    await writeFile(
      upload,
      zipSync({
        ...(await sampleEntries('gtfs/', ['agency.txt', 'routes.txt'])),
        '__MACOSX/gtfs/._agency.txt': new Uint8Array(1),
      }),
    );
    const folder = await unpackFeed(upload, dir);
    expect((await readdir(folder)).sort()).toEqual(['agency.txt', 'routes.txt']);
  });

  it('rejects an entry that climbs out of the archive (zip-slip)', async () => {
    const dir = await tempDir();
    const upload = path.join(dir, 'evil.zip');
    await writeFile(
      upload,
      zipSync({ ...(await sampleEntries('', ['agency.txt'])), '../../evil.txt': Buffer.from('x') }),
    );
    await expectFeedInvalid(unpackFeed(upload, dir), {
      parts: ['"../../evil.txt"', 'outside the archive'],
    });
    expect(existsSync(path.join(dir, '..', 'evil.txt'))).toBe(false);
  });

  it('rejects .txt files spread over several folders', async () => {
    const dir = await tempDir();
    const upload = path.join(dir, 'spread.zip');
    await writeFile(
      upload,
      zipSync({
        ...(await sampleEntries('a/', ['agency.txt'])),
        ...(await sampleEntries('b/', ['stops.txt'])),
      }),
    );
    await expectFeedInvalid(unpackFeed(upload, dir), { parts: ['several folders (a, b)'] });
  });

  it('rejects a zip that would unpack beyond the size limit', async () => {
    const dir = await tempDir();
    const upload = path.join(dir, 'big.zip');
    await writeFile(upload, zipSync({ 'stop_times.txt': new Uint8Array(1_000_000) }));
    await expectFeedInvalid(unpackFeed(upload, dir, { maxUnpackedBytes: 100_000 }), {
      parts: ['unpacks to 1000000 bytes'],
    });
  });

  describe('from a URL (local server)', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      const zip = Buffer.from(zipSync(await sampleEntries('', ['agency.txt', 'routes.txt'])));
      server = createServer((req, res) => {
        if (req.url === '/feed.zip')
          res.writeHead(200, { 'content-type': 'application/zip' }).end(zip);
        else res.writeHead(404).end('not here');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('downloads and unpacks', async () => {
      const folder = await unpackFeed(`${base}/feed.zip`, await tempDir());
      expect((await readdir(folder)).sort()).toEqual(['agency.txt', 'routes.txt']);
    });

    it('reports an HTTP error as FEED_INVALID', async () => {
      await expectFeedInvalid(unpackFeed(`${base}/missing.zip`, await tempDir()), {
        parts: ['could not download the feed from', 'HTTP 404'],
      });
    });
  });
});
