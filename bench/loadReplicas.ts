/**
 * `npm run bench:load -- --database <postgres url> [--replicas 2] [--duration 10] [--profile <dir>]`: the same
 * server three ways in one run (DESIGN.md §9): SQLite in one process, PostgreSQL with one replica,
 * and PostgreSQL with N replicas on one database (each `maas serve` in its own process on its own
 * empty data folder, the bundled sample feed). Prints departures and plan req/s and p95 (reads,
 * which never touch the database), reserveParking req/s and p95 over 50 facilities with a SQL sweep
 * for overbooking (latency: autocannon's p97.5, the nearest it reports above p95), and the time a realtime push to one replica takes to show on another (p50/p99).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import postgres from 'postgres';
import { maasCli, startChildServer, type ChildServer } from '../tests/hardening/childServer.js';
import { progress } from './lib/report.js';
import { summarize } from './lib/stats.js';

const rt = GtfsRealtimeBindings.transit_realtime;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

interface Measured {
  perSecond: number;
  p95Ms: number;
  errors: number;
}

/** autocannon on each replica at once (connections split over them); req/s summed, p95 the worst. */
async function load(
  urls: string[],
  seconds: number,
  connections: number,
  request: () => { body: unknown; bearer?: string },
): Promise<Measured> {
  const runs = await Promise.all(
    urls.map(
      (url) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          autocannon(
            {
              url: `${url}/graphql`,
              method: 'POST',
              connections: Math.max(1, Math.round(connections / urls.length)),
              duration: seconds,
              requests: [
                {
                  setupRequest: (req) => {
                    const { body, bearer } = request();
                    return {
                      ...req,
                      headers: {
                        'content-type': 'application/json',
                        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
                      },
                      body: JSON.stringify(body),
                    };
                  },
                },
              ],
            },
            (error: Error | null, result) => {
              if (error) reject(error);
              else resolve(result);
            },
          );
        }),
    ),
  );
  return {
    perSecond: runs.reduce((n, r) => n + r.requests.average, 0),
    p95Ms: Math.max(...runs.map((r) => r.latency.p97_5)),
    errors: runs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
  };
}

async function gql(url: string, query: string, variables: unknown, bearer?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

interface Setup {
  name: string;
  servers: ChildServer[];
  dirs: string[];
  /** Counts the reservations holding a space at once per facility, the most of any (overbooking check). */
  overbooked: () => Promise<number>;
  close: () => Promise<void>;
}

const profileDir = option('profile', '') || undefined;

const ENV = {
  LOAD_SAMPLE: 'true',
  RATE_LIMIT_PER_MINUTE: '0',
  LOG_LEVEL: 'warn',
  WORKERS: '1',
};

async function start(name: string, replicas: number, databaseUrl?: string): Promise<Setup> {
  const dirs: string[] = [];
  const servers: ChildServer[] = [];
  for (let i = 0; i < replicas; i++) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maas-load-replica-'));
    dirs.push(dataDir);
    servers.push(
      await startChildServer({
        dataDir,
        env: { ...ENV, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
        readyTimeoutMs: 240_000,
        // `--profile <dir>`: each server writes a CPU profile there when it stops.
        nodeArgs: profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
      }),
    );
  }
  const overlapSql = `SELECT MAX(n) AS n FROM (SELECT a.id, COUNT(*) AS n FROM parking_reservations a
    JOIN parking_reservations b ON b.facility_id = a.facility_id AND b.starts_at <= a.starts_at
      AND b.ends_at > a.starts_at AND b.status IN ('HELD','CONFIRMED','CHECKED_IN')
    WHERE a.status IN ('HELD','CONFIRMED','CHECKED_IN') GROUP BY a.id) t`;
  return {
    name,
    servers,
    dirs,
    overbooked: async () => {
      if (databaseUrl) {
        const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
        const [row] = await sql.unsafe<{ n: number | null }[]>(
          overlapSql.replace('COUNT(*)', 'COUNT(*)::int'),
        );
        await sql.end();
        return row?.n ?? 0;
      }
      const db = new Database(path.join(dirs[0]!, 'app.sqlite'), { readonly: true });
      const row = db.prepare(overlapSql).get() as { n: number | null };
      db.close();
      return row.n ?? 0;
    },
    close: async () => {
      await Promise.all(servers.map((s) => s.stop('SIGTERM')));
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Times pushes of a new alert to the first replica until the second shows it, `samples` times. */
async function propagation(servers: ChildServer[], admin: string, samples: number) {
  const times: number[] = [];
  for (let k = 0; k < samples; k++) {
    const text = `bench alert ${k} ${Date.now()}`;
    const body = rt.FeedMessage.encode(
      rt.FeedMessage.create({
        header: { gtfsRealtimeVersion: '2.0', timestamp: Math.floor(Date.now() / 1000) },
        entity: [
          {
            id: `bench-${k}`,
            alert: {
              informedEntity: [{ routeId: 'SIM4C' }],
              headerText: { translation: [{ text, language: 'en' }] },
            },
          },
        ],
      }),
    ).finish();
    const started = performance.now();
    const res = await fetch(`${servers[0]!.url}/v1/feeds/si/realtime`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${admin}` },
      body: new Uint8Array(body),
    });
    if (res.status !== 200) throw new Error(`push answered ${res.status}`);
    for (;;) {
      const answer = await gql(
        servers[1]!.url,
        'query { alerts(feedId: "si") { headerText } }',
        {},
      );
      const alerts = (answer.data?.alerts ?? []) as { headerText: string }[];
      if (alerts.some((a) => a.headerText === text)) break;
      if (performance.now() - started > 10_000) throw new Error('push not seen within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    times.push(performance.now() - started);
  }
  return summarize(times);
}

async function measure(setup: Setup, seconds: number) {
  const [first] = setup.servers;
  const env: Record<string, string> = setup.name.startsWith('PostgreSQL')
    ? { DATABASE_URL: option('database', '') }
    : {};
  const cli = async (args: string[]) =>
    (await maasCli(setup.dirs[0]!, args, env)).split('\n').at(-1)!;
  const operator = await cli(['key', 'create', '--role', 'operator', '--operator', 'bench']);
  const admin = await cli(['key', 'create', '--role', 'admin']);
  const riders: string[] = [];
  for (let i = 0; i < 20; i++) riders.push(await cli(['token', `bench-rider-${i}`]));
  for (let f = 0; f < 50; f++) {
    await gql(
      first!.url,
      'mutation ($input: UpsertParkingFacilityInput!) { upsertParkingFacility(input: $input) { facility { id } } }',
      {
        input: {
          id: `lot${f}`,
          name: `Bench lot ${f}`,
          location: { lat: 40.6 + f / 1000, lon: -74.1 },
          kind: 'GARAGE',
          totalSpaces: 100,
          reservableSpaces: 40,
          price: { currency: 'USD', hourlyRate: 2, dailyMax: 12 },
        },
      },
      operator,
    );
  }
  const near = await gql(
    first!.url,
    '{ stops(near: { lat: 40.6431, lon: -74.0737 }, radiusMeters: 20000, first: 50) { id } }',
    {},
  );
  const stops = ((near.data?.stops ?? []) as { id: string }[]).map((s) => s.id);
  const urls = setup.servers.map((s) => s.url);
  let i = 0;
  const stop = () => stops[i++ % Math.max(1, stops.length)];
  progress(`${setup.name}: departures ${seconds} s…`);
  const departures = await load(urls, seconds, 10, () => ({
    body: {
      query:
        'query ($s: ID!) { departures(stopId: $s, after: "2026-12-02T08:00:00-05:00", first: 10) { scheduledDeparture } }',
      variables: { s: stop() },
    },
  }));
  progress(`${setup.name}: plan ${seconds} s…`);
  const plan = await load(urls, seconds, 4, () => ({
    body: {
      query: 'query ($i: PlanInput!) { plan(input: $i) { itineraries { arrival } } }',
      variables: {
        i: {
          from: { stopId: stop() },
          to: { stopId: stop() },
          departAt: '2026-12-02T08:00:00-05:00',
        },
      },
    },
  }));
  progress(`${setup.name}: reserveParking over 50 facilities ${seconds} s…`);
  const base = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 24 * 3_600_000;
  let n = 0;
  const run = Date.now().toString(36);
  const reserve = await load(urls, seconds, 20, () => {
    const k = n++;
    const startsAt = base + (k % 24) * 3_600_000;
    return {
      bearer: riders[k % riders.length],
      body: {
        query:
          'mutation ($i: ReserveParkingInput!) { reserveParking(input: $i) { reservation { id } } }',
        variables: {
          i: {
            facilityId: `bench:lot${k % 50}`,
            startsAt: new Date(startsAt).toISOString(),
            endsAt: new Date(startsAt + 2 * 3_600_000).toISOString(),
            idempotencyKey: `${run}-${k}`,
          },
        },
      },
    };
  });
  const most = await setup.overbooked();
  const spread = setup.servers.length > 1 ? await propagation(setup.servers, admin, 50) : undefined;
  return { departures, plan, reserve, most, spread };
}

/** Runs the three setups and prints the table (called by `bench/load.ts` for `--database`). */
export async function runReplicasLoad(): Promise<number> {
  const databaseUrl = option('database', '');
  if (!databaseUrl) throw new Error('--database <postgres url> is required');
  const replicas = Number(option('replicas', '2'));
  const seconds = Number(option('duration', '10'));
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  const rows: { name: string; m: Awaited<ReturnType<typeof measure>> }[] = [];
  const setups = [
    ['sqlite', 'SQLite, 1 process', 1, undefined],
    ['pg1', 'PostgreSQL, 1 replica', 1, databaseUrl],
    ['pgN', `PostgreSQL, ${replicas} replicas`, replicas, databaseUrl],
  ] as const;
  try {
    // `--only pg1` (or sqlite, pgN, comma-separated): just those setups, e.g. to profile one.
    const only = option('only', '').split(',').filter(Boolean);
    for (const [key, name, count, url] of setups) {
      if (only.length > 0 && !only.includes(key)) continue;
      if (url) {
        // Each PostgreSQL setup on an empty database.
        await admin.unsafe(
          'DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public',
        );
      }
      progress(`starting ${name}…`);
      const setup = await start(name, count, url);
      try {
        rows.push({ name, m: await measure(setup, seconds) });
      } finally {
        await setup.close();
      }
    }
  } finally {
    await admin.end();
  }
  const f = (x: number) => x.toFixed(x < 10 ? 1 : 0);
  console.log(
    `\n== bench:load --database --replicas ${replicas} — ${os.cpus().length} cores shared by every server and autocannon, load average ${os.loadavg()[0]!.toFixed(1)} ==\n`,
  );
  console.log(
    '| setup | departures req/s (p97.5 ms) | plan req/s (p97.5 ms) | reserveParking req/s (p97.5 ms), 50 facilities | most at once (of 40) | errors | realtime propagation p50 / p99 ms |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const { name, m } of rows) {
    console.log(
      `| ${name} | ${f(m.departures.perSecond)} (${f(m.departures.p95Ms)}) | ${f(m.plan.perSecond)} (${f(m.plan.p95Ms)}) | ${f(m.reserve.perSecond)} (${f(m.reserve.p95Ms)}) | ${m.most} | ${m.departures.errors + m.plan.errors + m.reserve.errors} | ${m.spread ? `${f(m.spread.p50Ms)} / ${f(m.spread.p99Ms)}` : '—'} |`,
    );
  }
  const of = (name: string) => rows.find((r) => r.name === name)?.m;
  const sqlite = of(setups[0][1]);
  const pg1 = of(setups[1][1]);
  const pgN = of(setups[2][1]);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log('\ntargets (issue 11):');
  if (sqlite && pg1)
    console.log(
      `  reads on PostgreSQL (1 replica) within 10% of SQLite: departures ${f((100 * pg1.departures.perSecond) / sqlite.departures.perSecond)}%, plan ${f((100 * pg1.plan.perSecond) / sqlite.plan.perSecond)}%  ${verdict(pg1.departures.perSecond >= 0.9 * sqlite.departures.perSecond && pg1.plan.perSecond >= 0.9 * sqlite.plan.perSecond)}`,
    );
  if (pgN)
    console.log(
      `  ≥ 300 reservations/s, p97.5 ≤ 100 ms, 0 overbooked (PostgreSQL, ${replicas} replicas): ${f(pgN.reserve.perSecond)}/s, p97.5 ${f(pgN.reserve.p95Ms)} ms, most at once ${pgN.most} of 40  ${verdict(pgN.reserve.perSecond >= 300 && pgN.reserve.p95Ms <= 100 && pgN.most <= 40)}`,
    );
  if (pgN?.spread)
    console.log(
      `  propagation p99 ≤ 1 s: ${f(pgN.spread.p99Ms)} ms  ${verdict(pgN.spread.p99Ms <= 1000)}`,
    );
  return 0;
}
