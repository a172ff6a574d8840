import { decodeJwt } from 'jose';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/main.js';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import { eventually } from '../helpers/eventually.js';
import {
  createTestDatabase,
  testDialects,
  type TestDatabase,
  replicaConfig,
} from '../helpers/pg.js';
import { feedMessage } from '../realtime/rtHelpers.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/maas.js');

/** A GTFS-Realtime URL on 127.0.0.1 serving an empty FULL_DATASET, and how often it was asked. */
async function realtimeUrl(): Promise<{ url: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res
      .writeHead(200, { 'content-type': 'application/x-protobuf' })
      .end(Buffer.from(feedMessage([], Math.floor(Date.now() / 1000))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tu.pb`,
    hits: () => hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the maas CLI on the data folder of a running server', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maas-cli-'));
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  let server: Awaited<ReturnType<typeof startServer>>;
  const maas = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], { env, timeout: 120_000 });

  beforeAll(async () => {
    server = await startServer({
      ...loadConfig({}),
      dataDir,
      host: '127.0.0.1',
      port: 0,
      loadSample: false,
      logLevel: 'silent',
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports a feed that the running server then serves without a restart', async () => {
    const { stdout, stderr } = await maas('feed', 'import', 'si', SAMPLE_FEED_DIR);
    expect(JSON.parse(stdout)).toMatchObject({ feed: 'si', version: 1 });
    expect(stderr).toMatch(/100%/);
    const list = await maas('feed', 'list');
    expect(list.stdout).toMatch(/^si\tv1\t/);
    let ready: { status?: string; feeds?: string[] } = {};
    for (let i = 0; i < 60 && ready.status !== 'ready'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      ready = (await (
        await fetch(`http://127.0.0.1:${server.port}/readyz`)
      ).json()) as typeof ready;
    }
    expect(ready).toEqual({ status: 'ready', feeds: ['si'] });
  }, 120_000);

  it('creates API keys that the server accepts, printed once', async () => {
    const { stdout } = await maas('key', 'create', '--role', 'agency', '--feed', 'subway');
    const key = stdout.trim();
    expect(key).toMatch(/^maas_[0-9a-f]{12}_/);
    const res = await fetch(`http://127.0.0.1:${server.port}/v1/feeds/si`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      body: 'x',
    });
    expect(res.status).toBe(403);
  });

  it('prints rider tokens the server verifies', async () => {
    const { stdout } = await maas('token', 'rider-7');
    const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stdout.trim()}` },
      body: JSON.stringify({ query: '{ ok }' }),
    });
    expect(res.status).toBe(200);
    const bad = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stdout.trim()}x` },
      body: JSON.stringify({ query: '{ ok }' }),
    });
    expect(bad.status).toBe(401);
    // Several riders at once: one token per line, in order, each for its rider.
    const many = (await maas('token', 'rider-8', 'rider-9')).stdout.trim().split('\n');
    expect(many.map((token) => decodeJwt(token).sub)).toEqual(['rider-8', 'rider-9']);
  });

  it('rejects a bad role and a bad feed with a clear message', async () => {
    const stderrOf = async (...args: string[]) => {
      try {
        await maas(...args);
        return '';
      } catch (error) {
        return (error as { stderr: string }).stderr;
      }
    };
    expect(await stderrOf('key', 'create', '--role', 'root')).toMatch(/admin, agency or operator/);
    expect(await stderrOf('feed', 'import', 'si', path.join(dataDir, 'nope.zip'))).toMatch(
      /^maas: /m,
    );
  }, 60_000);

  it('sets a realtime source that the running server polls without a restart, and removes it', async () => {
    const rt = await realtimeUrl();
    try {
      const { stdout } = await maas('feed', 'realtime', 'si', '--trip-updates', rt.url);
      expect(JSON.parse(stdout)).toMatchObject({ feedId: 'si', tripUpdatesUrl: rt.url });
      await eventually(() => rt.hits() > 0, 15_000, 200);
      expect((await maas('feed', 'realtime', 'si', '--remove')).stdout.trim()).toBe(
        'removed the realtime source of si',
      );
    } finally {
      await rt.close();
    }
  }, 60_000);
});

describe.runIf(testDialects().includes('postgres'))('the maas CLI against DATABASE_URL', () => {
  const dirs: string[] = [];
  /** A new empty data folder: what the CLI does, it does in the database. */
  const emptyDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'maas-cli-pg-'));
    dirs.push(dir);
    return dir;
  };
  let database: TestDatabase;
  let sql: postgres.Sql;
  let server: Awaited<ReturnType<typeof startServer>>;
  const maas = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      env: {
        ...process.env,
        DATA_DIR: emptyDir(),
        DATABASE_URL: database.url,
        LOG_LEVEL: 'silent',
      },
      timeout: 120_000,
    });
  const ready = async () =>
    (await (await fetch(`http://127.0.0.1:${server.port}/readyz`)).json()) as {
      feeds?: string[];
    };

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = postgres(database.url, { max: 1, onnotice: () => undefined });
    // A replica on an empty database: it holds the leader lock, so it runs realtime polling.
    server = await startServer(replicaConfig(emptyDir(), database.url));
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await sql.end({ timeout: 1 });
    await database.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a feed into the shared registry, which every data folder lists and the replica serves', async () => {
    const { stdout } = await maas('feed', 'import', 'si', SAMPLE_FEED_DIR);
    expect(JSON.parse(stdout)).toMatchObject({ feed: 'si', version: 1 });
    const [list] = await Promise.all([
      maas('feed', 'list'),
      eventually(async () => (await ready()).feeds?.includes('si') === true, 60_000, 200),
    ]);
    expect(list.stdout).toMatch(/^si\tv1\t/);
  }, 120_000);

  it('stores the realtime source in the database; the leader polls it into the shared log', async () => {
    const rt = await realtimeUrl();
    try {
      const { stdout } = await maas(
        'feed',
        'realtime',
        'si',
        '--trip-updates',
        rt.url,
        '--interval',
        '5',
      );
      expect(JSON.parse(stdout)).toMatchObject({ feedId: 'si', intervalSeconds: 5 });
      expect(await sql`SELECT feed_id, trip_updates_url FROM realtime_sources`).toEqual([
        { feed_id: 'si', trip_updates_url: rt.url },
      ]);
      await eventually(async () => {
        const [row] = await sql<{ n: number }[]>`
          SELECT COUNT(*)::int AS n FROM realtime_messages WHERE feed_id = 'si'`;
        return row!.n > 0;
      }, 15_000);
      expect(rt.hits()).toBeGreaterThan(0);

      expect((await maas('feed', 'realtime', 'si', '--remove')).stdout.trim()).toBe(
        'removed the realtime source of si',
      );
      expect(await sql`SELECT feed_id FROM realtime_sources`).toEqual([]);
    } finally {
      await rt.close();
    }
  }, 60_000);

  it('removes the feed from the shared registry', async () => {
    expect((await maas('feed', 'remove', 'si')).stdout.trim()).toBe('removed si');
    expect(await sql`SELECT id FROM feeds`).toEqual([]);
  }, 60_000);
});
