import { randomUUID } from 'node:crypto';
/**
 * `npm run bench:load [-- --duration 30 --feed si|sample --only departures,plan --data-dir <dir>
 * --workers auto|N --plan-rate 110 --report-rate 30 --reservation-rate 50 --cpu-prof-dir <dir>]`:
 * the real server (`maas serve` in a child process on 127.0.0.1 with WORKERS=auto, one process per
 * core, as in production; rate limiter on, shared by the workers, with limits out of reach) under
 * load from autocannon, each kind of request on its own connections. Mixed phase (30 s): plans,
 * availability reports and reservations offered at fixed rates (0 = as fast as possible) while
 * departure boards go as fast as their 10 connections allow; then departures and plans each alone
 * for 10 s. Prints throughput, p50/p95/p99 and errors per kind and in total, and the targets of
 * issue 7. Uses the Staten Island feed of ../shared/feeds when there, else the bundled sample;
 * `--data-dir` keeps the data folder and its feed for a next run. `--database <postgres url>
 * [--replicas N]` runs `bench/loadReplicas.ts` instead (SQLite against PostgreSQL replicas).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { DateTime } from 'luxon';
import { RiderTokens } from '../src/auth/riderTokens.js';
import { maasCli, startChildServer, type ChildServer } from '../tests/hardening/childServer.js';
import { progress } from './lib/report.js';
import { mulberry32, pick, randomInt, type Random } from './lib/random.js';
import { summarize } from './lib/stats.js';
import { NYC_TIMEZONE } from './lib/time.js';

const SI_ZIP = path.resolve(import.meta.dirname, '../../shared/feeds/nyc-staten-island-bus.zip');

/** One kind of request in the mix. */
interface Kind {
  name: string;
  /** autocannon connections (requests in flight) for this kind. */
  connections: number;
  /** Requests per second offered in the mixed phase (open loop); undefined: as fast as the connections go. */
  rate?: number;
  /** The next request's GraphQL body and bearer credential. */
  next: () => { body: unknown; bearer?: string };
}

/** What one kind measured. */
interface KindResult {
  name: string;
  requests: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Transport errors, timeouts, non-2xx answers and GraphQL errors. */
  errors: number;
  firstError?: string;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

async function gql(
  server: ChildServer,
  query: string,
  variables: Record<string, unknown> = {},
  bearer?: string,
) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

/** Waits until every worker of the server answers (new connections go round-robin to the workers). */
async function waitForWorkers(url: string, count: number, timeoutMs = 60_000): Promise<void> {
  const seen = new Set<number>();
  const deadline = Date.now() + timeoutMs;
  while (seen.size < count) {
    if (Date.now() > deadline)
      throw new Error(`only workers ${[...seen].join(', ')} of ${count} answered`);
    const worker = await new Promise<number>((resolve, reject) => {
      http
        .get(`${url}/healthz`, { agent: false }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve((JSON.parse(body) as { worker: number }).worker));
        })
        .on('error', reject);
    });
    seen.add(worker);
    if (seen.size < count) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A Wednesday inside the served feed's dates, from today on: plans and boards see a full weekday. */
async function serviceDay(server: ChildServer): Promise<string> {
  const data = await gql(server, '{ feeds { startDate endDate } }');
  const feed = (data.feeds as { startDate: string; endDate: string }[])[0]!;
  let day = DateTime.max(
    DateTime.now().setZone(NYC_TIMEZONE),
    DateTime.fromISO(feed.startDate, { zone: NYC_TIMEZONE }),
  ).startOf('day');
  while (day.weekday !== 3) day = day.plus({ days: 1 });
  const end = DateTime.fromISO(feed.endDate, { zone: NYC_TIMEZONE });
  if (day > end) day = end.startOf('day');
  return day.toISODate()!;
}

/** Stop ids across the feed's area, for boards and plans. */
async function stopPool(server: ChildServer): Promise<string[]> {
  const ids = new Set<string>();
  for (const [lat, lon] of [
    [40.64, -74.08],
    [40.6, -74.1],
    [40.58, -74.15],
    [40.54, -74.2],
    [40.62, -74.15],
  ] as const) {
    const data = await gql(
      server,
      'query ($lat: Float!, $lon: Float!) { stops(near: { lat: $lat, lon: $lon }, radiusMeters: 5000, first: 200) { id } }',
      { lat, lon },
    );
    for (const s of data.stops as { id: string }[]) ids.add(s.id);
  }
  return [...ids];
}

/** The four kinds of the mix, with seeded random arguments. */
function kinds(
  random: Random,
  ctx: {
    day: string;
    stops: string[];
    riders: string[];
    operatorKey: string;
    facilities: string[];
  },
  rates: { plan?: number; reports?: number; reservations?: number } = {},
): Kind[] {
  const at = (hh: number, mm: number) =>
    DateTime.fromISO(ctx.day, { zone: NYC_TIMEZONE })
      .set({ hour: hh, minute: mm })
      .toISO({ suppressMilliseconds: true })!;
  const tomorrow = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 24 * 3_600_000;
  let reservation = 0;
  const runId = randomUUID();
  let lastObserved = 0;
  return [
    {
      name: 'departures',
      connections: 10,
      next: () => ({
        body: {
          query:
            'query Board($stop: ID!, $after: DateTime) { departures(stopId: $stop, after: $after, first: 10) { scheduledDeparture realtimeDeparture headsign route { shortName } } }',
          variables: {
            stop: pick(random, ctx.stops),
            after: at(randomInt(random, 5, 21), randomInt(random, 0, 59)),
          },
        },
      }),
    },
    {
      name: 'plan',
      connections: 4,
      rate: rates.plan,
      next: () => ({
        body: {
          query:
            'query Plan($input: PlanInput!) { plan(input: $input) { itineraries { departure arrival transfers legs { mode route { shortName } from { name } to { name } } } messages { code } } }',
          variables: {
            input: {
              from: { stopId: pick(random, ctx.stops) },
              to: { stopId: pick(random, ctx.stops) },
              departAt: at(randomInt(random, 6, 20), randomInt(random, 0, 59)),
            },
          },
        },
      }),
    },
    {
      name: 'availability reports',
      connections: 1,
      rate: rates.reports,
      next: () => {
        lastObserved = Math.max(Date.now(), lastObserved + 1);
        const reports = [
          {
            facilityId: pick(random, ctx.facilities),
            availableSpaces: randomInt(random, 0, 60),
            status: 'OPEN',
            observedAt: new Date(lastObserved).toISOString(),
          },
        ];
        return {
          bearer: ctx.operatorKey,
          body: {
            query:
              'mutation Report($input: ReportParkingAvailabilityInput!) { reportParkingAvailability(input: $input) { accepted } }',
            variables: { input: { reports } },
          },
        };
      },
    },
    {
      name: 'reservations',
      connections: 2,
      rate: rates.reservations,
      next: () => {
        const n = reservation++;
        // Windows spread over a week, so that the big facility never runs out.
        const startsAt = tomorrow + (n % 500) * 900_000;
        return {
          bearer: pick(random, ctx.riders),
          body: {
            query:
              'mutation Reserve($input: ReserveParkingInput!) { reserveParking(input: $input) { reservation { id code status } } }',
            variables: {
              input: {
                facilityId: 'sample:bench',
                startsAt: new Date(startsAt).toISOString(),
                endsAt: new Date(startsAt + randomInt(random, 1, 8) * 900_000).toISOString(),
                // Unique per run: the warm-up and the measured run each build their own counter.
                idempotencyKey: `load-${runId}-${n}`,
              },
            },
          },
        };
      },
    },
  ];
}

/** Runs every kind at once for `seconds` and measures each. */
async function runMix(url: string, mix: Kind[], seconds: number): Promise<KindResult[]> {
  return Promise.all(
    mix.map(
      (kind) =>
        new Promise<KindResult>((resolve, reject) => {
          const samples: number[] = [];
          let graphqlErrors = 0;
          let firstError: string | undefined;
          const instance = autocannon(
            {
              url: `${url}/graphql`,
              connections: kind.connections,
              ...(kind.rate ? { overallRate: kind.rate } : {}),
              duration: seconds,
              requests: [
                {
                  method: 'POST',
                  setupRequest: (request) => {
                    const { body, bearer } = kind.next();
                    return {
                      ...request,
                      body: JSON.stringify(body),
                      headers: {
                        'content-type': 'application/json',
                        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
                      },
                    };
                  },
                  onResponse: (status, body) => {
                    if (status === 200 && !body.includes('"errors"')) return;
                    graphqlErrors++;
                    firstError ??= `${status} ${body.slice(0, 300)}`;
                  },
                },
              ],
            },
            (error, result) => {
              if (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
                return;
              }
              const s = summarize(samples);
              resolve({
                name: kind.name,
                requests: s.n,
                perSecond: s.n / result.duration,
                p50Ms: s.p50Ms,
                p95Ms: s.p95Ms,
                p99Ms: s.p99Ms,
                maxMs: s.maxMs,
                errors: result.errors + result.timeouts + graphqlErrors,
                firstError,
              });
            },
          );
          instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
            samples.push(responseTimeMs);
          });
        }),
    ),
  );
}

function printTable(results: KindResult[], seconds: number): void {
  const rows = results.map((r) => [
    r.name,
    String(r.requests),
    r.perSecond.toFixed(0),
    r.p50Ms.toFixed(1),
    r.p95Ms.toFixed(1),
    r.p99Ms.toFixed(1),
    r.maxMs.toFixed(0),
    String(r.errors),
  ]);
  const total = results.reduce(
    (acc, r) => ({ requests: acc.requests + r.requests, errors: acc.errors + r.errors }),
    { requests: 0, errors: 0 },
  );
  rows.push([
    'total',
    String(total.requests),
    (total.requests / seconds).toFixed(0),
    '',
    '',
    '',
    '',
    String(total.errors),
  ]);
  const header = ['kind', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<number> {
  const seconds = Number(option('duration', '30'));
  const feed = option('feed', existsSync(SI_ZIP) ? 'si' : 'sample');
  // `--data-dir <dir>` keeps the data folder (and its imported feed) for the next run.
  const kept = option('data-dir', '');
  const workers = option('workers', 'auto');
  // `--cpu-prof-dir <dir>`: every server process writes a V8 CPU profile there when it stops.
  const profileDir = option('cpu-prof-dir', '');
  const dataDir = kept || mkdtempSync(path.join(os.tmpdir(), 'maas-load-'));
  let server: ChildServer | undefined;
  try {
    if (feed === 'si' && !existsSync(path.join(dataDir, 'feeds'))) {
      progress('importing the Staten Island feed (about 30 s)…');
      await maasCli(dataDir, ['feed', 'import', 'si', SI_ZIP]);
    }
    progress('starting maas serve…');
    server = await startChildServer({
      dataDir,
      env: {
        WORKERS: workers,
        LOAD_SAMPLE: 'true',
        RATE_LIMIT_PER_MINUTE: '100000000',
        RATE_LIMIT_CREDENTIAL_PER_MINUTE: '100000000',
        RATE_LIMIT_EXEMPT_IPS: '',
      },
      nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [],
    });
    await waitForWorkers(
      server.url,
      workers === 'auto' ? os.availableParallelism() : Number(workers),
    );
    const operatorKey = await maasCli(dataDir, [
      'key',
      'create',
      '--role',
      'operator',
      '--operator',
      'sample',
    ]);
    const tokens = RiderTokens.fromDataDir(dataDir);
    const riders = await Promise.all(
      Array.from({ length: 200 }, (_, i) => tokens.sign(`load-rider-${i}`, Date.now())),
    );
    await gql(
      server,
      'mutation ($input: UpsertParkingFacilityInput!) { upsertParkingFacility(input: $input) { facility { id } } }',
      {
        input: {
          id: 'bench',
          name: 'Bench Lot',
          location: { lat: 40.6431, lon: -74.0737 },
          kind: 'GARAGE',
          totalSpaces: 100_000,
          reservableSpaces: 100_000,
          price: { currency: 'USD', hourlyRate: 2, dailyMax: 12 },
        },
      },
      operatorKey,
    );
    const only = option('only', '');
    const ctx = {
      day: await serviceDay(server),
      stops: await stopPool(server),
      riders,
      operatorKey,
      facilities: ['sample:st-george', 'sample:eltingville', 'sample:annadale', 'sample:si-mall'],
    };
    progress(`feed ${feed}, service day ${ctx.day}, ${ctx.stops.length} stops; warming up 5 s…`);
    // The mix offers plans, reports and reservations at fixed rates (the plan rate 10% above the
    // target) and sends departures as fast as their connections go: can the server answer 2,000
    // boards a second while it plans 100 trips a second? Alone, each kind goes as fast as it can.
    const rates = {
      plan: Number(option('plan-rate', '110')),
      reports: Number(option('report-rate', '30')),
      reservations: Number(option('reservation-rate', '50')),
    };
    const selected = (random: Random, withRates: boolean) =>
      kinds(random, ctx, withRates ? rates : {}).filter(
        (k) => only === '' || only.split(',').includes(k.name),
      );
    await runMix(server.url, selected(mulberry32(1), true), 5);
    progress(`${only || 'mixed'} load for ${seconds} s…`);
    const results = await runMix(server.url, selected(mulberry32(7), true), seconds);
    // The targets also each kind alone: in the mix, plans take CPU from boards.
    const soloSeconds = Math.min(10, seconds);
    const solo: KindResult[] = [];
    for (const name of only === '' ? ['departures', 'plan'] : []) {
      progress(`${name} alone for ${soloSeconds} s…`);
      const [result] = await runMix(
        server.url,
        selected(mulberry32(11), false).filter((k) => k.name === name),
        soloSeconds,
      );
      solo.push(result!);
    }

    const load = os.loadavg()[0]!.toFixed(1);
    console.log(
      `\n== bench:load — maas serve (WORKERS=${workers}) on 127.0.0.1, ${os.cpus().length} cores shared with autocannon (load average ${load}), feed ${feed} ==`,
    );
    const offered = (['plan', 'reports', 'reservations'] as const)
      .map((k) => `${k} ${rates[k] > 0 ? `${rates[k]}/s` : 'unlimited'}`)
      .join(', ');
    console.log(
      `\n${only || 'mixed'} load, ${seconds} s (offered: ${offered}; departures: as fast as 10 connections go):\n`,
    );
    printTable(results, seconds);
    if (solo.length > 0) {
      console.log(`\neach kind alone, ${soloSeconds} s:\n`);
      printTable(solo, soloSeconds);
    }
    const errors = [...results, ...solo].reduce((n, r) => n + r.errors, 0);
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const figures = (phase: string, rs: KindResult[]) => {
      const departures = rs.find((r) => r.name === 'departures');
      const plan = rs.find((r) => r.name === 'plan');
      if (departures) {
        console.log(
          `  ${phase}: departures ≥ 2,000 req/s        ${departures.perSecond.toFixed(0)} req/s  ${verdict(departures.perSecond >= 2000)}`,
        );
      }
      if (plan) {
        console.log(
          `  ${phase}: plan ≥ 100 req/s, p95 ≤ 150 ms  ${plan.perSecond.toFixed(0)} req/s, p95 ${plan.p95Ms.toFixed(1)} ms  ${verdict(plan.perSecond >= 100 && plan.p95Ms <= 150)}`,
        );
      }
    };
    console.log('\ntargets (issue 7):');
    figures(only || 'mixed', results);
    figures('alone', solo);
    console.log(`  zero errors                              ${errors}  ${verdict(errors === 0)}`);
    for (const r of [...results, ...solo])
      if (r.firstError) console.log(`  first error of ${r.name}: ${r.firstError}`);
    return errors === 0 ? 0 : 1;
  } finally {
    await server?.stop('SIGTERM');
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

// `--database <url> [--replicas N]`: SQLite against PostgreSQL with 1 and N replicas (issue 11).
process.exitCode = process.argv.includes('--database')
  ? await (await import('./loadReplicas.js')).runReplicasLoad()
  : await main();
