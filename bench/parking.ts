/**
 * Parking section of `npm run bench`: sustained `reserveParking` throughput over HTTP (real server
 * on 127.0.0.1) with the invariant checked afterwards by a sweep over the table, and the time to
 * apply a batch of 1,000 availability reports (target ≤ 100 ms, median of several runs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/api/http/app.js';
import { createApiKey } from '../src/auth/apiKeys.js';
import { loadConfig, type Config } from '../src/config.js';
import { closeServices, createServices } from '../src/createServices.js';
import type { Services } from '../src/services.js';
import { runConcurrent, startServer } from './lib/http.js';
import { mulberry32, randomInt } from './lib/random.js';
import { median, summarize } from './lib/stats.js';

const REQUESTS = 2_000;
const CONCURRENCY = 20;
const FACILITIES = 5;
const RESERVABLE = 60;
const BATCH = 1_000;
const BATCH_RUNS = 9;
const MIN = 60_000;

const RESERVE = `mutation ($input: ReserveParkingInput!) {
  reserveParking(input: $input) { reservation { id code status } }
}`;

interface Window {
  start: number;
  end: number;
}

/** Most windows covering one instant (the count only rises at a start, so starts suffice). */
function peak(windows: Window[]): number {
  const events = windows.flatMap((w) => [
    [w.start, 1],
    [w.end, -1],
  ]);
  events.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  let current = 0;
  let max = 0;
  for (const [, delta] of events) max = Math.max(max, (current += delta!));
  return max;
}

/** Instants over capacity, per the table: 0 when the invariant held. */
function overbookedFacilities(services: Services, reservable: number): number {
  const rows = services.db.$client
    .prepare(
      `SELECT facility_id AS facilityId, starts_at AS start, ends_at AS end FROM parking_reservations
       WHERE status IN ('HELD', 'CONFIRMED', 'CHECKED_IN')`,
    )
    .all() as (Window & { facilityId: string })[];
  const byFacility = new Map<string, Window[]>();
  for (const r of rows) byFacility.set(r.facilityId, [...(byFacility.get(r.facilityId) ?? []), r]);
  return [...byFacility.values()].filter((ws) => peak(ws) > reservable).length;
}

async function reserveThroughput(
  services: Services,
  app: ReturnType<typeof createApp>,
): Promise<void> {
  for (let f = 0; f < FACILITIES; f++) {
    await services.parking.upsertFacility(
      {
        ownId: `f${f}`,
        name: `Bench ${f}`,
        lat: 40.6 + f * 0.01,
        lon: -74.1,
        kind: 'PARK_AND_RIDE',
        totalSpaces: RESERVABLE * 2,
        reservableSpaces: RESERVABLE,
        currency: 'USD',
        hourlyRate: 2,
        dailyMax: 12,
      },
      'bench',
    );
  }
  const nowMs = services.clock.nowMs();
  const tokens = await Promise.all(
    Array.from({ length: 50 }, (_, i) => services.tokens.sign(`rider-${i}`, nowMs)),
  );
  const random = mulberry32(5);
  const dayStart = Math.ceil((nowMs + 3_600_000) / (15 * MIN)) * 15 * MIN;
  const requests = Array.from({ length: REQUESTS }, (_, i) => {
    const start = dayStart + randomInt(random, 0, 95) * 15 * MIN;
    return {
      token: tokens[i % tokens.length]!,
      input: {
        facilityId: `bench:f${i % FACILITIES}`,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + randomInt(random, 4, 32) * 15 * MIN).toISOString(),
        idempotencyKey: `bench-${i}`,
      },
    };
  });
  const outcomes = new Map<string, number>();
  const server = await startServer(app);
  try {
    const run = await runConcurrent(requests, CONCURRENCY, async ({ token, input }) => {
      const res = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: RESERVE, variables: { input } }),
      });
      const body = (await res.json()) as {
        data?: unknown;
        errors?: { extensions?: { code?: string } }[];
      };
      const outcome = body.errors ? (body.errors[0]?.extensions?.code ?? 'ERROR') : 'OK';
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    });
    const latency = summarize(run.samplesMs);
    console.log(
      `reserveParking over HTTP: ${REQUESTS} requests, concurrency ${CONCURRENCY}, ${FACILITIES} facilities × ${RESERVABLE} reservable`,
    );
    console.log(
      `  throughput ${(REQUESTS / (run.wallMs / 1000)).toFixed(0)} req/s (wall ${run.wallMs.toFixed(0)} ms)`,
    );
    console.log(
      `  latency p50 ${latency.p50Ms.toFixed(1)} ms, p95 ${latency.p95Ms.toFixed(1)} ms, p99 ${latency.p99Ms.toFixed(1)} ms`,
    );
    console.log(`  outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`);
    const overbooked = overbookedFacilities(services, RESERVABLE);
    console.log(
      `  overbooked facilities (sweep over the table): ${overbooked}${overbooked === 0 ? '' : '  <-- INVARIANT BROKEN'}`,
    );
  } finally {
    await server.close();
  }
}

async function availabilityBatch(services: Services): Promise<void> {
  for (let f = 0; f < BATCH; f++) {
    await services.parking.upsertFacility(
      {
        ownId: `a${f}`,
        name: `Avail ${f}`,
        lat: 40.5 + (f % 100) * 0.001,
        lon: -74.2 + Math.floor(f / 100) * 0.001,
        kind: 'SURFACE_LOT',
        totalSpaces: 500,
        reservableSpaces: 0,
        currency: 'USD',
        hourlyRate: 1,
      },
      'avail',
    );
  }
  const nowMs = services.clock.nowMs();
  const samples: number[] = [];
  for (let run = 0; run < BATCH_RUNS; run++) {
    const observedAtMs = nowMs - 3_600_000 + run * 60_000;
    const reports = Array.from({ length: BATCH }, (_, f) => ({
      facilityId: `a${f}`,
      availableSpaces: (f * 7 + run) % 500,
      status: 'OPEN' as const,
      observedAtMs,
    }));
    const started = performance.now();
    const result = await services.parking.reportAvailability(reports, 'avail');
    samples.push(performance.now() - started);
    if (result.accepted !== BATCH)
      throw new Error(`batch ${run}: only ${result.accepted} accepted`);
  }
  const ms = median(samples);
  console.log(
    `availability batch of ${BATCH} reports: median ${ms.toFixed(1)} ms over ${BATCH_RUNS} runs (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)}; target ≤ 100 ms) ${ms <= 100 ? 'OK' : 'OVER TARGET'}`,
  );
}

/** Runs the parking benchmark on a temporary data folder and prints its figures. */
export async function runParkingBench(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maas-bench-parking-'));
  const config: Config = { ...loadConfig({}), dataDir, logLevel: 'silent', loadSample: false };
  const services = createServices(config);
  try {
    await createApiKey(services.apiKeys, { role: 'admin' }, new Date());
    await reserveThroughput(services, createApp(services));
    await availabilityBatch(services);
  } finally {
    await closeServices(services);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
