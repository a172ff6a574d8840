/**
 * Journey pass section of `npm run bench` (issue 15): on the bundled sample feed and facilities,
 * books journeys through the mall lot, then measures the time to issue a pass (sign and store),
 * pass verifications per second in process (target ≥ 5,000/s), and `POST /v1/parking/checkins`
 * latency over HTTP (real server on 127.0.0.1; the gates in a process of their own, after a warm-up)
 * at 50 concurrent gates (target p95 ≤ 50 ms).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/api/http/app.js';
import { passSubjectOf } from '../src/api/passSubject.js';
import { createApiKey } from '../src/auth/apiKeys.js';
import { FixedClock } from '../src/clock.js';
import { loadConfig, type Config } from '../src/config.js';
import { closeServices, createServices } from '../src/createServices.js';
import { loadSampleParking } from '../src/parking/sample.js';
import { SAMPLE_FEED_DIR } from '../src/sample.js';
import type { Services } from '../src/services.js';
import { checkInFromGates } from './lib/gates.js';
import { requestGraphql, startServer } from './lib/http.js';
import { progress, Section } from './lib/report.js';
import { summarize } from './lib/stats.js';

const JOURNEYS = 5000;
/**
 * Check-ins before the measured ones: a gate controller talks to a running server, and this
 * server's check-in path takes about 2,000 requests to be compiled (V8's optimising tiers);
 * measured from the 100th, p95 was twice what it is warm.
 */
const WARM_UP = 3000;
/** Bookings made at once while setting up (the group commit takes them together). */
const BOOKING_CONCURRENCY = 50;
const GATES = 50;
const VERIFY_SECONDS = 2;
const NOW_MS = Date.parse('2026-12-01T12:00:00Z');
const TRIP = {
  from: { lat: 40.52, lon: -74.23 },
  to: { lat: 40.6437, lon: -74.0736 },
  departAt: '2026-12-01T08:15:00-05:00',
  accessModes: ['CAR_PARK'],
  parkingUntil: '2026-12-01T18:00:00-05:00',
};
const PLAN = `query ($input: PlanInput!) { plan(input: $input) { itineraries { id legs { mode } } } }`;

/** The sample mall lot with room for every benchmark journey. */
async function widenMall(services: Services): Promise<void> {
  await services.parking.upsertFacility(
    {
      ownId: 'si-mall',
      operatorId: 'sample',
      name: 'Sample Staten Island Mall Lot',
      lat: 40.5805,
      lon: -74.1675,
      kind: 'SURFACE_LOT',
      totalSpaces: JOURNEYS * 2,
      reservableSpaces: JOURNEYS,
      openingHours: 'Mo-Sa 08:00-22:00; Su 10:00-20:00',
      currency: 'USD',
      hourlyRate: 2,
      dailyMax: 10,
    },
    undefined,
  );
}

/** Books `JOURNEYS` journeys of one planned park-and-ride itinerary; their ids. */
async function bookJourneys(
  services: Services,
  app: ReturnType<typeof createApp>,
): Promise<string[]> {
  const planned = await requestGraphql<{
    plan: { itineraries: { id: string; legs: { mode: string }[] }[] };
  }>(app, PLAN, { input: TRIP });
  const itinerary = planned.data?.plan.itineraries.find((i) =>
    i.legs.some((l) => l.mode === 'PARK'),
  );
  if (!itinerary) throw new Error(`no park-and-ride itinerary: ${JSON.stringify(planned.errors)}`);
  const ids: string[] = [];
  for (let from = 0; from < JOURNEYS; from += BOOKING_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(BOOKING_CONCURRENCY, JOURNEYS - from) }, (_, k) =>
      services.journeys.book(`rider-${(from + k) % 50}`, itinerary.id, `bench-${from + k}`),
    );
    for (const booked of await Promise.all(batch)) ids.push(booked.journey.id);
  }
  return ids;
}

/** Runs the pass benchmark on a temporary data folder; prints and returns its figures. */
export async function runPassBench(): Promise<Section> {
  const section = new Section('pass');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pass-bench-'));
  const config: Config = { ...loadConfig({}), dataDir, logLevel: 'silent', loadSample: false };
  const clock = new FixedClock(NOW_MS);
  const services = createServices(config, clock);
  try {
    const app = createApp(services);
    progress('pass: importing the sample feed and booking journeys…');
    await services.feeds.importFeed('si', SAMPLE_FEED_DIR);
    await loadSampleParking(services.parking);
    await widenMall(services);
    const ids = await bookJourneys(services, app);

    // Issue: sign and store one pass per journey (the first also creates the signing key).
    const issueMs: number[] = [];
    const tokens: string[] = [];
    let windowStartMs = 0;
    for (const id of ids) {
      const booked = await services.journeys.get({ kind: 'admin' }, id);
      windowStartMs = booked.reservation!.startsAt.getTime();
      const t0 = performance.now();
      const pass = await services.passes.passFor(passSubjectOf(booked));
      issueMs.push(performance.now() - t0);
      tokens.push(pass.token);
    }
    section.latency('pass issue (sign + store), per pass', summarize(issueMs.slice(1)));
    section.add('pass size', Buffer.byteLength(tokens[0]!), 'bytes', {
      max: 500,
      label: '≤ 500 B',
    });

    // Verification in process, one after another (one core).
    let verified = 0;
    const started = performance.now();
    while (performance.now() - started < VERIFY_SECONDS * 1000) {
      await services.passes.verify(tokens[verified % tokens.length]!);
      verified++;
    }
    const perSecond = verified / ((performance.now() - started) / 1000);
    section.add('verifications in process', perSecond, '/s', { min: 5000, label: '≥ 5,000/s' });

    // Check-in over HTTP, 50 gates at a time, each pass once.
    const operator = (
      await createApiKey(
        services.apiKeys,
        { role: 'operator', operatorId: 'sample' },
        new Date(NOW_MS),
      )
    ).key;
    clock.set(windowStartMs);
    const server = await startServer(app);
    let statuses: Record<number, number> = {};
    try {
      const job = {
        url: server.graphqlUrl.replace('/graphql', '/v1/parking/checkins'),
        operatorKey: operator,
        facilityId: 'sample:si-mall',
        at: new Date(windowStartMs).toISOString(),
        gates: GATES,
      };
      // The first passes warm the server and the gates up (see GateJob.warmUpPasses).
      const run = await checkInFromGates({
        ...job,
        warmUpPasses: tokens.slice(0, WARM_UP),
        passes: tokens.slice(WARM_UP),
        keyPrefix: 'gate',
      });
      statuses = run.statuses;
      section.latency(`check-in over HTTP at ${GATES} concurrent gates`, summarize(run.samplesMs), {
        p95: { max: 50, label: '≤ 50 ms' },
      });
      section.add('check-ins per second', run.samplesMs.length / (run.wallMs / 1000), '/s');
      section.add('gate process CPU per check-in', run.gateCpuMs / run.samplesMs.length, 'ms');
    } finally {
      await server.close();
    }
    section.note(
      `${JOURNEYS} journeys booked on the sample feed; the gates run in a process of their own; ${WARM_UP} check-ins warm the server up, the other ${JOURNEYS - WARM_UP} are measured: outcomes by HTTP status ${JSON.stringify(statuses)}`,
    );
    section.note('the machine is shared: figures move with the load average shown above');
    section.print();
    return section;
  } finally {
    await closeServices(services);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
