import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import { maasCli, startChildServer, type ChildServer } from '../hardening/childServer.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/pg.js';
import { zipFeedFolder } from '../helpers/zip.js';
import { feedMessage } from '../realtime/rtHelpers.js';
import { facilityInput, RESERVE, UPSERT } from '../parking/fixtures.js';

/**
 * Three `maas serve` replicas on one PostgreSQL database (DESIGN.md §9), each on its own empty
 * data folder: what one replica is told, every replica knows.
 */
const RUN = testDialects().includes('postgres');

const DEPARTURES = `query($stopId: ID!, $after: DateTime) {
  departures(stopId: $stopId, after: $after, first: 3) { scheduledDeparture }
}`;

/** The first stop of the sample's first trip. */
function sampleStop(): string {
  const lines = readFileSync(path.join(SAMPLE_FEED_DIR, 'stop_times.txt'), 'utf8').split('\n');
  const header = lines[0]!.split(',');
  return lines[1]!.split(',')[header.indexOf('stop_id')]!.trim();
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the shape of `data`
async function gql<T>(
  base: string,
  query: string,
  variables: Record<string, unknown>,
  credential?: string,
): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as never;
}

/** Retries `check` every 100 ms until it holds or `timeoutMs` passes; resolves with the time it took. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(RUN)('three replicas on one PostgreSQL database', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  const replicas: ChildServer[] = [];
  const dirs: string[] = [];
  let admin: string;
  let operator: string;
  const riders: string[] = [];
  const urlOf = (name: string) => {
    const url = new URL(database.url);
    url.searchParams.set('application_name', name);
    return url.toString();
  };
  const start = async (i: number, env: Record<string, string> = {}) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `maas-replica${i}-`));
    dirs.push(dataDir);
    return startChildServer({
      dataDir,
      env: {
        DATABASE_URL: urlOf(`replica${i}`),
        LOAD_SAMPLE: 'false',
        RATE_LIMIT_PER_MINUTE: '0',
        ...env,
      },
      readyTimeoutMs: 240_000,
    });
  };
  /** Which replica holds the leader lock (once-per-server jobs), from pg_locks. */
  const leader = async (): Promise<string | undefined> => {
    const rows = await sql<{ name: string }[]>`
      SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objid = 7401002`;
    return rows[0]?.name;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = postgres(database.url, { max: 2, onnotice: () => undefined });
    // Replica 1 finds the database empty: it loads the sample into it, and leads.
    replicas.push(await start(1, { LOAD_SAMPLE: 'true' }));
    // Replicas 2 and 3 start on empty data folders and get the feed from the database.
    replicas.push(await start(2), await start(3));
    // The CLI prints its answer last (log lines, if any, come before).
    const cli = async (args: string[]) =>
      (await maasCli(dirs[0]!, args, { DATABASE_URL: database.url })).split('\n').at(-1)!;
    admin = await cli(['key', 'create', '--role', 'admin']);
    operator = await cli(['key', 'create', '--role', 'operator', '--operator', 'acme']);
    // One CLI run for every rider: each run starts the services (about 8 s on a loaded machine).
    const tokens = await maasCli(
      dirs[0]!,
      ['token', ...Array.from({ length: 30 }, (_, i) => `rider-${i}`)],
      { DATABASE_URL: database.url },
    );
    riders.push(...tokens.trim().split('\n').slice(-30));
  }, 600_000);
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop('SIGKILL')));
    await sql.end({ timeout: 1 });
    await database.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('every replica serves the sample feed it found in the database', async () => {
    const stopId = `si:${sampleStop()}`;
    for (const r of replicas) {
      const res = await gql<{ departures: unknown[] }>(r.url, DEPARTURES, {
        stopId,
        after: '2026-12-02T07:00:00-05:00',
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.departures.length).toBeGreaterThan(0);
    }
    expect(await leader()).toBe('replica1');
  });

  it('a feed imported through replica 1 answers on replicas 2 and 3', async () => {
    const res = await fetch(`${replicas[0]!.url}/v1/feeds/si2`, {
      method: 'POST',
      headers: { 'content-type': 'application/zip', authorization: `Bearer ${admin}` },
      body: new Uint8Array(zipFeedFolder(SAMPLE_FEED_DIR)),
    });
    expect(res.status).toBe(201);
    const stopId = `si2:${sampleStop()}`;
    for (const r of replicas.slice(1)) {
      await eventually(async () => {
        const answer = await gql<{ departures: unknown[] }>(r.url, DEPARTURES, {
          stopId,
          after: '2026-12-02T07:00:00-05:00',
        });
        return (answer.data?.departures.length ?? 0) > 0;
      }, 120_000);
    }
  }, 240_000);

  it('a realtime push to replica 1 is on replica 3 within 1 s', async () => {
    const alerts = `query { alerts(feedId: "si") { headerText } }`;
    for (let k = 0; k < 5; k++) {
      const text = `Detour ${k} on Richmond Ave`;
      const body = feedMessage(
        [
          {
            id: `detour-${k}`,
            alert: {
              informedEntity: [{ routeId: 'SIM4C' }],
              headerText: { translation: [{ text, language: 'en' }] },
            },
          },
        ],
        Math.floor(Date.now() / 1000),
      );
      const pushed = await fetch(`${replicas[0]!.url}/v1/feeds/si/realtime`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${admin}` },
        body: new Uint8Array(body),
      });
      expect(pushed.status).toBe(200);
      const took = await eventually(async () => {
        const res = await gql<{ alerts: { headerText: string }[] }>(replicas[2]!.url, alerts, {});
        return res.data?.alerts.some((a) => a.headerText === text) ?? false;
      }, 5_000);
      expect(took).toBeLessThan(1_000);
    }
  });

  it('300 concurrent reserveParking for 20 spaces over the replicas: exactly 20 confirmed', async () => {
    const up = await gql(
      replicas[1]!.url,
      UPSERT,
      { input: facilityInput({ id: 'storm', reservableSpaces: 20 }) },
      operator,
    );
    expect(up.errors).toBeUndefined();
    const startMs = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 24 * 3_600_000;
    const window = {
      startsAt: new Date(startMs).toISOString(),
      endsAt: new Date(startMs + 2 * 3_600_000).toISOString(),
    };
    const outcomes = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        gql<{ reserveParking: { reservation: { id: string } } }>(
          replicas[i % 3]!.url,
          RESERVE,
          { input: { facilityId: 'acme:storm', ...window, idempotencyKey: `storm-${i}` } },
          riders[i % riders.length],
        ),
      ),
    );
    const won = outcomes.filter((o) => o.data?.reserveParking);
    expect(won).toHaveLength(20);
    expect(
      new Set(outcomes.filter((o) => o.errors).map((o) => o.errors![0]!.extensions?.code)),
    ).toEqual(new Set(['NO_CAPACITY']));
    const [row] = await sql<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM parking_reservations
      WHERE facility_id = 'acme:storm' AND status IN ('HELD', 'CONFIRMED', 'CHECKED_IN')`;
    expect(row!.n).toBe(20);
  }, 120_000);

  it('one idempotency key sent to two replicas at once gives one reservation', async () => {
    await gql(replicas[0]!.url, UPSERT, { input: facilityInput({ id: 'twin' }) }, operator);
    const startMs = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 26 * 3_600_000;
    const input = {
      facilityId: 'acme:twin',
      startsAt: new Date(startMs).toISOString(),
      endsAt: new Date(startMs + 3_600_000).toISOString(),
      idempotencyKey: 'twin-key',
    };
    const [a, b] = await Promise.all(
      [replicas[1]!, replicas[2]!].map((r) =>
        gql<{ reserveParking: { reservation: { id: string } } }>(
          r.url,
          RESERVE,
          { input },
          riders[0],
        ),
      ),
    );
    expect(a!.errors).toBeUndefined();
    expect(b!.errors).toBeUndefined();
    expect(a!.data!.reserveParking.reservation.id).toBe(b!.data!.reserveParking.reservation.id);
    const [row] = await sql<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM parking_reservations WHERE facility_id = 'acme:twin'`;
    expect(row!.n).toBe(1);
  });

  it('pg_terminate_backend of every connection of replica 2 is survived', async () => {
    const killed = await sql`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'replica2'`;
    expect(killed.length).toBeGreaterThan(0);
    // Timetable reads never needed the database; writes work again once the pool reconnects.
    const stopId = `si:${sampleStop()}`;
    const board = await gql<{ departures: unknown[] }>(replicas[1]!.url, DEPARTURES, {
      stopId,
      after: '2026-12-02T07:00:00-05:00',
    });
    expect(board.data!.departures.length).toBeGreaterThan(0);
    const startMs = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 30 * 3_600_000;
    await eventually(async () => {
      const res = await gql<{ reserveParking: unknown }>(
        replicas[1]!.url,
        RESERVE,
        {
          input: {
            facilityId: 'acme:twin',
            startsAt: new Date(startMs).toISOString(),
            endsAt: new Date(startMs + 3_600_000).toISOString(),
            idempotencyKey: 'after-terminate',
          },
        },
        riders[1],
      );
      return res.data?.reserveParking !== undefined && res.data.reserveParking !== null;
    }, 10_000);
    expect(replicas[1]!.process.exitCode).toBeNull();
  });

  it('SIGKILL of replica 1 mid-storm loses no acknowledged write; the others serve and take over the jobs', async () => {
    await gql(
      replicas[2]!.url,
      UPSERT,
      { input: facilityInput({ id: 'kill', totalSpaces: 1000, reservableSpaces: 1000 }) },
      operator,
    );
    const startMs = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 28 * 3_600_000;
    const storm = Promise.all(
      Array.from({ length: 240 }, (_, i) =>
        gql<{ reserveParking: { reservation: { id: string } } }>(
          replicas[i % 3]!.url,
          RESERVE,
          {
            input: {
              facilityId: 'acme:kill',
              startsAt: new Date(startMs).toISOString(),
              endsAt: new Date(startMs + 3_600_000).toISOString(),
              idempotencyKey: `kill-${i}`,
            },
          },
          riders[i % riders.length],
        ).catch(() => undefined),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    await replicas[0]!.stop('SIGKILL');
    const outcomes = await storm;
    const acknowledged = outcomes.flatMap((o) =>
      o?.data?.reserveParking ? [o.data.reserveParking.reservation.id] : [],
    );
    const reasons = new Map<string, number>();
    outcomes.forEach((o, i) => {
      if (o?.data?.reserveParking) return;
      const why = `replica${(i % 3) + 1}: ${o?.errors?.[0]?.extensions?.code ?? o?.errors?.[0]?.message ?? 'no answer'}`;
      reasons.set(why, (reasons.get(why) ?? 0) + 1);
    });
    // What each replica answered, printed so that a red run says why (and the survivors' logs).
    console.log('storm outcomes', acknowledged.length, Object.fromEntries(reasons));
    if (acknowledged.length <= 100)
      for (const r of replicas.slice(1)) console.log(r.url, r.output().slice(-4000));
    expect(acknowledged.length).toBeGreaterThan(100);
    const stored = await sql<{ id: string }[]>`
      SELECT id FROM parking_reservations WHERE id IN ${sql(acknowledged)}`;
    expect(stored).toHaveLength(acknowledged.length);
    // The others keep serving, and one of them takes the leader lock within 10 s.
    const took = await eventually(async () => {
      const name = await leader();
      return name === 'replica2' || name === 'replica3';
    }, 10_000);
    expect(took).toBeLessThan(10_000);
    for (const r of replicas.slice(1)) {
      const res = await gql<{ departures: unknown[] }>(r.url, DEPARTURES, {
        stopId: `si:${sampleStop()}`,
        after: '2026-12-02T07:00:00-05:00',
      });
      expect(res.data!.departures.length).toBeGreaterThan(0);
    }
  }, 60_000);
});
