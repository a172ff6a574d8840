/**
 * Issue 2's figures for the Staten Island feed: import through FeedService, compile time, RSS
 * after compile, and `departures` latency in process and over HTTP.
 */
import { readFeedSource } from '../src/gtfs/readFeedSource.js';
import { compileTimetable } from '../src/transit/compile.js';
import { buildDayView } from '../src/transit/dayView.js';
import { departuresFrom } from '../src/transit/departures.js';
import type { Network } from '../src/transit/network.js';
import { localDayOf, type UnixSeconds } from '../src/transit/time.js';
import { postGraphql, requestGraphql, runConcurrent } from './lib/http.js';
import { measureCompiledRss } from './lib/memory.js';
import { mulberry32, pick, randomInt } from './lib/random.js';
import { progress, Section } from './lib/report.js';
import { median, summarize, timeEach, timeEachAsync } from './lib/stats.js';
import { HOUR, instantAt, isoAt, NYC_TIMEZONE } from './lib/time.js';
import type { Workspace } from './lib/workspace.js';

/** A weekday inside the SI feed's validity (2026-09-06 .. 2027-01-02). */
const DATE = '2026-12-02';
const QUERIES = 1_000;
const WARMUP = 200;
const COMPILE_REPEATS = 3;
const HTTP_CONCURRENCY = 8;
const SEED = 0x5eed_0002;

const DEPARTURES_QUERY = /* GraphQL */ `
  query Departures($stopId: ID!, $after: DateTime) {
    departures(stopId: $stopId, after: $after, first: 10) {
      trip {
        id
        headsign
      }
      route {
        id
        shortName
        longName
        mode
        color
      }
      stop {
        id
        name
      }
      scheduledDeparture
      scheduledArrival
      realtimeDeparture
      realtimeArrival
      delaySeconds
      realtimeState
    }
  }
`;

interface DeparturesQuery {
  stop: number;
  after: UnixSeconds;
}

type DeparturesBody = { departures: { scheduledDeparture: string }[] } | null;

/** Random stops of `feedId` and random instants of DATE between 05:00 and 23:30. */
function departureQueries(
  net: Network,
  feedId: string,
  seed: number,
  count: number,
): DeparturesQuery[] {
  const random = mulberry32(seed);
  const feed = net.tt.feeds.findIndex((f) => f.feedId === feedId);
  const stops: number[] = [];
  for (let s = 0; s < net.tt.stopCount; s++) if (net.tt.stopFeed[s] === feed) stops.push(s);
  return Array.from({ length: count }, () => ({
    stop: pick(random, stops),
    after: instantAt(DATE, randomInt(random, 5 * HOUR, 23.5 * HOUR)),
  }));
}

/** Runs the foundation section and returns its figures. */
export async function runFoundationBench(ws: Workspace): Promise<Section> {
  const section = new Section('foundation');

  // Import: the real FeedService, node-gtfs in a child process, validation, then compile + publish.
  const imported = await ws.ensureFeed('si');
  section.add('SI import, total (FeedService.importFeed)', imported.totalSeconds, 's');
  section.add('  child process: unpack + validate + node-gtfs', imported.childSeconds, 's');
  section.add('  compile + publish', imported.compileSeconds, 's');
  section.note(
    `import phases: ${imported.phases.map((p) => `${p.phase} ${p.seconds.toFixed(1)} s`).join(', ')}`,
  );

  // Compile: what a server start does per feed, median of COMPILE_REPEATS.
  progress('foundation: compile timings…');
  const { sqlitePath, importedAtMs } = ws.feedFile('si');
  const readMs: number[] = [];
  const compileMs: number[] = [];
  const totalMs: number[] = [];
  let counts = { stops: 0, trips: 0, stopTimes: 0, patterns: 0 };
  for (let i = 0; i < COMPILE_REPEATS; i++) {
    const t0 = performance.now();
    const source = readFeedSource(sqlitePath, 'si', importedAtMs);
    const t1 = performance.now();
    const tt = compileTimetable([source], ws.compileOptions);
    const t2 = performance.now();
    readMs.push(t1 - t0);
    compileMs.push(t2 - t1);
    totalMs.push(t2 - t0);
    counts = {
      stops: tt.stopCount,
      trips: tt.tripCount,
      stopTimes: source.stopTimes.count,
      patterns: tt.patternCount,
    };
  }
  section.add(
    `readFeedSource (SQLite → FeedSource), median of ${COMPILE_REPEATS}`,
    median(readMs) / 1000,
    's',
  );
  section.add(`compileTimetable, median of ${COMPILE_REPEATS}`, median(compileMs) / 1000, 's');
  section.add(`read + compile, median of ${COMPILE_REPEATS}`, median(totalMs) / 1000, 's', {
    max: 5,
    label: '≤ 5 s',
  });
  section.note(
    `SI compiled: ${counts.stops} stops, ${counts.trips} trips, ${counts.stopTimes} stop_times, ${counts.patterns} patterns`,
  );

  const net = ws.network;
  const day = localDayOf(instantAt(DATE, 12 * HOUR), NYC_TIMEZONE);
  const viewMs = Array.from({ length: COMPILE_REPEATS }, () => {
    const t0 = performance.now();
    buildDayView(net.tt, day);
    return performance.now() - t0;
  });
  section.add(
    `day view build for ${DATE} (first query of a date), median of ${COMPILE_REPEATS}`,
    median(viewMs),
    'ms',
  );

  progress('foundation: RSS probe…');
  const memory = await measureCompiledRss({
    feeds: [{ feedId: 'si', sqlitePath, importedAtMs }],
    compile: ws.compileOptions,
    day,
  });
  section.add('RSS after compile (fresh process, after GC)', memory.afterCompile.rssMB, 'MB');
  section.add('  JS heap used after compile', memory.afterCompile.heapUsedMB, 'MB');
  section.add(
    `RSS after compile + day view of ${DATE} (after GC)`,
    memory.afterDayView.rssMB,
    'MB',
  );
  section.add('peak RSS while reading + compiling', memory.afterDayView.peakRssMB, 'MB');
  section.note(
    `RSS of the probe process before reading the feed (node + tsx + modules): ${memory.baseline.rssMB.toFixed(0)} MB`,
  );

  // Departures in process.
  progress('foundation: departures in process…');
  const queries = departureQueries(net, 'si', SEED, QUERIES);
  const warmup = departureQueries(net, 'si', SEED + 1, WARMUP);
  for (const q of warmup) departuresFrom(net, q.stop, q.after, 10);
  const answers: UnixSeconds[][] = new Array<UnixSeconds[]>(QUERIES);
  const inProcess = summarize(
    timeEach(queries, (q, i) => {
      answers[i] = departuresFrom(net, q.stop, q.after, 10).map((d) => d.departure);
    }),
  );
  section.latency(`departures in process (${QUERIES} random stops/times)`, inProcess, {
    p50: { max: 1, label: '≤ 1 ms' },
  });
  const empty = answers.filter((a) => a.length === 0).length;
  section.note(
    `departures: ${QUERIES - empty} of ${QUERIES} queries returned departures (${empty} stops had none after that time)`,
  );

  const variablesOf = (q: DeparturesQuery) => ({
    stopId: net.tt.stopIds[q.stop]!,
    after: isoAt(q.after),
  });

  // The same through the app without a socket: how much of HTTP's figure is GraphQL itself.
  progress('foundation: departures through app.request…');
  const viaApp = (q: DeparturesQuery) =>
    requestGraphql<DeparturesBody>(ws.app, DEPARTURES_QUERY, variablesOf(q));
  for (const q of warmup.slice(0, 100)) await viaApp(q);
  section.latency(
    'departures via app.request (GraphQL, no socket)',
    summarize(await timeEachAsync(queries, (q) => viaApp(q).then(() => undefined))),
  );

  // Departures over HTTP: the real app on 127.0.0.1, POST /graphql with fetch.
  progress('foundation: departures over HTTP…');
  const server = await ws.http();
  const post = (q: DeparturesQuery) =>
    postGraphql<DeparturesBody>(server.graphqlUrl, DEPARTURES_QUERY, variablesOf(q));
  for (const q of warmup.slice(0, 100)) await post(q);
  const bodies = new Array<Awaited<ReturnType<typeof post>>>(QUERIES);
  const http = summarize(
    await timeEachAsync(queries, async (q, i) => {
      bodies[i] = await post(q);
    }),
  );
  section.latency('departures over HTTP, sequential', http);
  let errors = 0;
  let mismatches = 0;
  bodies.forEach((body, i) => {
    if (body.errors?.length || !body.data) {
      errors++;
      return;
    }
    const got = body.data.departures.map((d) => Date.parse(d.scheduledDeparture) / 1000);
    if (got.join() !== answers[i]!.join()) mismatches++;
  });
  section.note(
    `departures over HTTP: ${errors} errors; ${mismatches} answers differ from the in-process call`,
  );

  let concurrentErrors = 0;
  const concurrent = await runConcurrent(queries, HTTP_CONCURRENCY, async (q) => {
    const body = await post(q);
    if (body.errors?.length || !body.data) concurrentErrors++;
  });
  const underLoad = summarize(concurrent.samplesMs);
  section.add(
    `departures over HTTP, concurrency ${HTTP_CONCURRENCY}: throughput`,
    (QUERIES / concurrent.wallMs) * 1000,
    'req/s',
  );
  section.add(`  latency p50 at concurrency ${HTTP_CONCURRENCY}`, underLoad.p50Ms, 'ms');
  section.add(`  latency p95 at concurrency ${HTTP_CONCURRENCY}`, underLoad.p95Ms, 'ms');
  section.note(
    `departures over HTTP at concurrency ${HTTP_CONCURRENCY}: ${concurrentErrors} errors`,
  );
  section.note(
    'HTTP figures include the fetch client, which runs in the same process as the server (2 cores).',
  );
  return section;
}
