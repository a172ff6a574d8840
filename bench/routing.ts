/**
 * Issue 3's figures: stop-to-stop earliest arrival (ours vs minotor on the same queries), the
 * full `plan` from coordinates in process and over HTTP, on Staten Island and then with the
 * subway loaded too, and the RSS with both compiled.
 */
import { plan, searchDepartAt } from '../src/planner/plan.js';
import { PLAN_DEFAULTS, type PlanQuery } from '../src/planner/query.js';
import { raptor, UNREACHED } from '../src/planner/raptor.js';
import type { Network } from '../src/transit/network.js';
import { localDayOf, type UnixSeconds } from '../src/transit/time.js';
import { postGraphql } from './lib/http.js';
import { measureCompiledRss } from './lib/memory.js';
import { loadMinotor, minotorArrival, minotorQuery, type MinotorNetwork } from './lib/minotor.js';
import { mulberry32, pick, pointNear, randomInt } from './lib/random.js';
import { progress, Section } from './lib/report.js';
import { summarize, timeEach, timeEachAsync, type LatencySummary } from './lib/stats.js';
import { clock, HOUR, instantAt, isoAt, NYC_TIMEZONE } from './lib/time.js';
import { FEED_ZIPS, type Workspace } from './lib/workspace.js';

/** A weekday inside the SI feed's validity. */
const SI_DATE = '2026-12-02';
/** A weekday inside both feeds' validity (subway 2026-05-26..2026-10-31, SI 2026-09-06..2027-01-02). */
const COMBINED_DATE = '2026-10-14';
const PAIRS = 1_000;
const WARMUP = 100;
const SEED = 0x5eed_0003;
/** Plan endpoints are random points within this distance of a random stop. */
const OFFSET_METERS = 300;
const EXAMPLES = 3;

const TARGETS = {
  ratio: { max: 1 / 3, label: '≤ 0.333 (1/3)' },
  siPlanP50: { max: 15, label: '≤ 15 ms' },
  siPlanP95: { max: 60, label: '≤ 60 ms' },
  combinedPlanP50: { max: 25, label: '≤ 25 ms' },
  rss: { max: 600, label: '≤ 600 MB' },
};

const PLAN_QUERY = /* GraphQL */ `
  query Plan($input: PlanInput!) {
    plan(input: $input) {
      itineraries {
        id
        departure
        arrival
        durationSeconds
        transfers
        walkMeters
        legs {
          mode
          departure
          arrival
          durationSeconds
          distanceMeters
          from {
            name
            lat
            lon
            stop {
              id
              name
            }
          }
          to {
            name
            lat
            lon
            stop {
              id
              name
            }
          }
          route {
            id
            shortName
            longName
            mode
            color
          }
          trip {
            id
            headsign
          }
          intermediateStops {
            stop {
              id
            }
            arrival
            departure
          }
          geometry
        }
      }
      messages {
        code
        text
      }
    }
  }
`;

type PlanBody = {
  plan: { itineraries: { arrival: string }[]; messages: { code: string }[] };
} | null;

/** One random question: two stops (scoped ids), a time of day, and points near each stop. */
interface OdPair {
  from: string;
  to: string;
  secondsOfDay: number;
  fromPoint: { lat: number; lon: number };
  toPoint: { lat: number; lon: number };
}

/** `count` pairs of distinct served stops of `feedIds`, leaving between 06:00 and 22:00. */
function odPairs(net: Network, feedIds: readonly string[], seed: number, count: number): OdPair[] {
  const tt = net.tt;
  const random = mulberry32(seed);
  const feeds = new Set(tt.feeds.flatMap((f, i) => (feedIds.includes(f.feedId) ? [i] : [])));
  const pool = Array.from(tt.servedStops).filter((s) => feeds.has(tt.stopFeed[s]!));
  return Array.from({ length: count }, () => {
    const from = pick(random, pool);
    let to = pick(random, pool);
    while (to === from) to = pick(random, pool);
    return {
      from: tt.stopIds[from]!,
      to: tt.stopIds[to]!,
      secondsOfDay: randomInt(random, 6 * HOUR, 22 * HOUR),
      fromPoint: pointNear(random, tt.stopLat[from]!, tt.stopLon[from]!, OFFSET_METERS),
      toPoint: pointNear(random, tt.stopLat[to]!, tt.stopLon[to]!, OFFSET_METERS),
    };
  });
}

/** A stop-to-stop question resolved to stop indices of one network. */
interface StopQuery {
  from: number;
  to: number;
  time: UnixSeconds;
}

function stopQueries(net: Network, pairs: readonly OdPair[], date: string): StopQuery[] {
  const index = (id: string) => {
    const s = net.tt.stopIndexById.get(id);
    if (s === undefined) throw new Error(`stop ${id} is not in the network`);
    return s;
  };
  return pairs.map((p) => ({
    from: index(p.from),
    to: index(p.to),
    time: instantAt(date, p.secondsOfDay),
  }));
}

/**
 * Our earliest arrival (Unix seconds) at stop `to` leaving stop `from` at `time`: one RAPTOR
 * search over the day view with the planner's defaults, boarding only at `from` and alighting
 * only at `to` (no access or egress walk), changes walking between nearby stops as always.
 */
function earliestArrival(
  net: Network,
  q: StopQuery,
  transferSlack: number = PLAN_DEFAULTS.transferSlack,
): number | undefined {
  const view = net.viewAt(q.time);
  const result = raptor({
    tt: net.tt,
    view,
    access: [{ stop: q.from, time: q.time - view.base }],
    egress: new Map([[q.to, 0]]),
    maxRounds: PLAN_DEFAULTS.maxTransfers + 1,
    transferSlack,
    walkSpeed: PLAN_DEFAULTS.walkSpeed,
  });
  let best = UNREACHED;
  for (let k = 1; k <= result.rounds; k++) best = Math.min(best, result.targetArr[k]!);
  return best === UNREACHED ? undefined : view.base + best;
}

/** Times `earliestArrival` over `queries` after a warm-up; returns latencies and answers. */
function runStopToStop(net: Network, queries: readonly StopQuery[], warmup: readonly StopQuery[]) {
  for (const q of warmup) earliestArrival(net, q);
  const arrivals = new Array<number | undefined>(queries.length);
  const summary = summarize(
    timeEach(queries, (q, i) => {
      arrivals[i] = earliestArrival(net, q);
    }),
  );
  return { summary, arrivals };
}

function planQueryOf(pair: OdPair, date: string): PlanQuery {
  return {
    ...PLAN_DEFAULTS,
    from: pair.fromPoint,
    to: pair.toPoint,
    time: instantAt(date, pair.secondsOfDay),
    arriveBy: false,
  };
}

/** What one plan answered, to compare the in-process and HTTP answers and count empty plans. */
interface PlanOutcome {
  itineraries: number;
  firstArrival: UnixSeconds | undefined;
  message: string | undefined;
}

function runPlanInProcess(
  net: Network,
  queries: readonly PlanQuery[],
  warmup: readonly PlanQuery[],
) {
  for (const q of warmup) plan(net, q);
  const outcomes = new Array<PlanOutcome>(queries.length);
  const summary = summarize(
    timeEach(queries, (q, i) => {
      const result = plan(net, q);
      outcomes[i] = {
        itineraries: result.itineraries.length,
        firstArrival: result.itineraries[0]?.arrival,
        message: result.messages[0]?.code,
      };
    }),
  );
  return { summary, outcomes };
}

async function runPlanHttp(
  ws: Workspace,
  queries: readonly PlanQuery[],
  warmup: readonly PlanQuery[],
) {
  const { graphqlUrl } = await ws.http();
  const post = (q: PlanQuery) =>
    postGraphql<PlanBody>(graphqlUrl, PLAN_QUERY, {
      input: { from: q.from, to: q.to, departAt: isoAt(q.time), numItineraries: q.numItineraries },
    });
  for (const q of warmup) await post(q);
  const outcomes = new Array<PlanOutcome | { error: string }>(queries.length);
  const summary = summarize(
    await timeEachAsync(queries, async (q, i) => {
      const body = await post(q);
      const data = body.data?.plan;
      outcomes[i] = data
        ? {
            itineraries: data.itineraries.length,
            firstArrival: data.itineraries[0]
              ? Date.parse(data.itineraries[0].arrival) / 1000
              : undefined,
            message: data.messages[0]?.code,
          }
        : { error: body.errors?.[0]?.message ?? 'no data' };
    }),
  );
  return { summary, outcomes };
}

/** Notes on what the plans answered: itineraries per plan, empty plans and why. */
function notePlanOutcomes(section: Section, label: string, outcomes: readonly PlanOutcome[]): void {
  const total = outcomes.reduce((n, o) => n + o.itineraries, 0);
  const messages = new Map<string, number>();
  for (const o of outcomes)
    if (o.itineraries === 0)
      messages.set(o.message ?? '?', (messages.get(o.message ?? '?') ?? 0) + 1);
  const empty = [...messages].map(([code, n]) => `${n} ${code}`).join(', ') || 'none';
  section.note(
    `${label}: ${(total / outcomes.length).toFixed(2)} itineraries per plan on average; empty plans: ${empty}`,
  );
}

function compareHttp(
  section: Section,
  label: string,
  local: readonly PlanOutcome[],
  remote: readonly (PlanOutcome | { error: string })[],
): void {
  let errors = 0;
  let differ = 0;
  let firstError = '';
  remote.forEach((r, i) => {
    if ('error' in r) {
      errors++;
      firstError ||= r.error;
    } else if (
      r.itineraries !== local[i]!.itineraries ||
      r.firstArrival !== local[i]!.firstArrival
    ) {
      differ++;
    }
  });
  section.note(
    `${label}: ${errors} errors${firstError ? ` (first: ${firstError})` : ''}; ${differ} answers differ from the in-process plan (count or first arrival)`,
  );
}

/** Compares our stop-to-stop arrivals with minotor's and notes agreement, with examples. */
function compareWithMinotor(
  section: Section,
  net: Network,
  queries: readonly StopQuery[],
  pairs: readonly OdPair[],
  ours: readonly (number | undefined)[],
  theirs: readonly (number | undefined)[],
  midnight: UnixSeconds,
): void {
  let same = 0;
  let neither = 0;
  let onlyOurs = 0;
  let onlyTheirs = 0;
  const earlier: number[] = [];
  const later: number[] = [];
  queries.forEach((_, i) => {
    const a = ours[i];
    const t = theirs[i];
    const b = t === undefined ? undefined : midnight + t;
    if (a === undefined && b === undefined) neither++;
    else if (b === undefined) onlyOurs++;
    else if (a === undefined) onlyTheirs++;
    else if (a === b) same++;
    else (a < b ? earlier : later).push(i);
  });
  const answered = queries.length - neither;
  section.add(
    'stop-to-stop: same arrival as minotor (incl. both none)',
    same + neither,
    `of ${queries.length}`,
  );
  section.add('  ours earlier than minotor', earlier.length, 'queries');
  section.add('  ours later than minotor', later.length, 'queries');
  section.add('  only ours found a connection', onlyOurs, 'queries');
  section.add('  only minotor found a connection', onlyTheirs, 'queries');
  section.note(
    `stop-to-stop vs minotor: ${same} same arrival, ${neither} neither found one, of ${answered} answered by either`,
  );

  const describe = (i: number, extra = '') => {
    const p = pairs[i]!;
    const a = ours[i];
    const b = theirs[i];
    return `${p.from} → ${p.to} at ${clock(p.secondsOfDay)}: ours ${a === undefined ? 'none' : clock(a - midnight)}, minotor ${b === undefined ? 'none' : clock(b)}${extra}`;
  };

  // Ours earlier: does our answer walk between two stops (which minotor never does)?
  let walking = 0;
  const earlierExamples: string[] = [];
  for (const i of earlier) {
    const walkMeters = walkBetweenStops(net, queries[i]!, ours[i]!);
    if (walkMeters > 0) walking++;
    if (earlierExamples.length < EXAMPLES)
      earlierExamples.push(
        describe(
          i,
          walkMeters > 0 ? ` (ours walks ${walkMeters} m between stops)` : ' (no walk in ours)',
        ),
      );
  }
  if (earlier.length > 0) {
    section.note(
      `ours earlier: ${walking} of ${earlier.length} use a walk between stops; e.g. ${earlierExamples.join('; ')}`,
    );
  }
  // Ours later: is it the 60 s change slack (minotor changes vehicle at the same stop in 0 s)?
  let slack = 0;
  const laterExamples: string[] = [];
  for (const i of later) {
    const noSlack = earliestArrival(net, queries[i]!, 0);
    const explained = noSlack !== undefined && noSlack <= midnight + theirs[i]!;
    if (explained) slack++;
    if (laterExamples.length < EXAMPLES)
      laterExamples.push(
        describe(i, explained ? ' (matched without the 60 s slack)' : ' (NOT explained by slack)'),
      );
  }
  if (later.length > 0) {
    section.note(
      `ours later: ${slack} of ${later.length} are as early or earlier with transfer slack 0 (minotor takes no slack at a same-stop change); e.g. ${laterExamples.join('; ')}`,
    );
  }
  const onlyExamples = [...queries.keys()]
    .filter((i) => (ours[i] === undefined) !== (theirs[i] === undefined))
    .slice(0, EXAMPLES);
  if (onlyExamples.length > 0)
    section.note(
      `found by one router only, e.g. ${onlyExamples.map((i) => describe(i)).join('; ')}`,
    );
}

/** Metres our earliest itinerary walks between two stops (0 when it changes only at the same stop). */
function walkBetweenStops(net: Network, q: StopQuery, arrival: UnixSeconds): number {
  const at = (stop: number) => ({ lat: net.tt.stopLat[stop]!, lon: net.tt.stopLon[stop]!, stop });
  const query: PlanQuery = {
    ...PLAN_DEFAULTS,
    from: at(q.from),
    to: at(q.to),
    time: q.time,
    arriveBy: false,
  };
  const zero = (stop: number) => new Map([[stop, { stop, meters: 0, seconds: 0 }]]);
  const itineraries = searchDepartAt(
    net,
    query,
    { access: zero(q.from), egress: zero(q.to) },
    q.time,
  );
  const best = itineraries.find((it) => it.arrival === arrival) ?? itineraries[0];
  return (
    best?.legs.filter((leg) => leg.mode === 'WALK').reduce((m, leg) => m + leg.distanceMeters, 0) ??
    0
  );
}

function addLatency(
  section: Section,
  name: string,
  s: LatencySummary,
  targets: Parameters<Section['latency']>[2] = {},
): void {
  section.latency(name, s, targets);
}

/** Runs the routing section and returns its figures. */
export async function runRoutingBench(ws: Workspace): Promise<Section> {
  const section = new Section('routing');

  // ---- Staten Island alone -------------------------------------------------------------
  await ws.ensureFeed('si');
  const siNet = ws.network;
  if (siNet.tt.feeds.length !== 1)
    throw new Error('routing expects only the SI feed loaded before the subway');
  const pairs = odPairs(siNet, ['si'], SEED, PAIRS);
  const warmPairs = odPairs(siNet, ['si'], SEED + 100, WARMUP);
  const siStops = stopQueries(siNet, pairs, SI_DATE);
  const siWarmStops = stopQueries(siNet, warmPairs, SI_DATE);

  progress('routing: SI stop-to-stop (ours)…');
  const ours = runStopToStop(siNet, siStops, siWarmStops);
  addLatency(section, `SI stop-to-stop, ours (${PAIRS} pairs, ${SI_DATE})`, ours.summary);

  progress('routing: minotor parse + stop-to-stop…');
  const minotor: MinotorNetwork = await loadMinotor(FEED_ZIPS.si, SI_DATE);
  section.add(
    `minotor: parse SI zip for ${SI_DATE} (not timed against us)`,
    minotor.parseSeconds,
    's',
  );
  const unscoped = (id: string) => id.slice(id.indexOf(':') + 1);
  const options = {
    maxTransfers: PLAN_DEFAULTS.maxTransfers,
    minTransferSeconds: PLAN_DEFAULTS.transferSlack,
  };
  const mQueries = pairs.map((p) =>
    minotorQuery(unscoped(p.from), unscoped(p.to), p.secondsOfDay, options),
  );
  const missing = pairs.filter(
    (p) => !minotor.hasStop(unscoped(p.from)) || !minotor.hasStop(unscoped(p.to)),
  ).length;
  for (const p of warmPairs)
    minotorArrival(
      minotor,
      minotorQuery(unscoped(p.from), unscoped(p.to), p.secondsOfDay, options),
      unscoped(p.to),
    );
  const theirArrivals = new Array<number | undefined>(PAIRS);
  const theirs = summarize(
    timeEach(mQueries, (q, i) => {
      theirArrivals[i] = minotorArrival(minotor, q, unscoped(pairs[i]!.to));
    }),
  );
  addLatency(section, 'SI stop-to-stop, minotor 1.0.7 (same queries)', theirs);
  section.add(
    'stop-to-stop p50 ratio ours / minotor',
    ours.summary.p50Ms / theirs.p50Ms,
    '×',
    TARGETS.ratio,
  );
  section.add('stop-to-stop p95 ratio ours / minotor', ours.summary.p95Ms / theirs.p95Ms, '×');
  if (missing > 0)
    section.note(
      `${missing} pairs use a stop that minotor dropped for ${SI_DATE} (no service that day)`,
    );
  compareWithMinotor(
    section,
    siNet,
    siStops,
    pairs,
    ours.arrivals,
    theirArrivals,
    instantAt(SI_DATE, 0),
  );

  progress('routing: SI plan in process…');
  const siPlans = pairs.map((p) => planQueryOf(p, SI_DATE));
  const siWarmPlans = warmPairs.map((p) => planQueryOf(p, SI_DATE));
  const siPlan = runPlanInProcess(siNet, siPlans, siWarmPlans);
  addLatency(section, 'SI plan, 3 itineraries from coordinates, in process', siPlan.summary, {
    p50: TARGETS.siPlanP50,
    p95: TARGETS.siPlanP95,
  });
  notePlanOutcomes(section, 'SI plan', siPlan.outcomes);

  progress('routing: SI plan over HTTP…');
  const siHttp = await runPlanHttp(ws, siPlans, siWarmPlans);
  addLatency(section, 'SI plan over HTTP (GraphQL, all issue-3 fields)', siHttp.summary);
  compareHttp(section, 'SI plan over HTTP', siPlan.outcomes, siHttp.outcomes);

  // ---- Staten Island + subway --------------------------------------------------------
  const subwayImport = await ws.ensureFeed('subway');
  section.add(
    'subway import through FeedService (recompiles SI + subway)',
    subwayImport.totalSeconds,
    's',
  );
  const both = ws.network;
  if (both.tt.feeds.length !== 2) throw new Error('expected SI and subway loaded together');

  progress('routing: SI+subway stop-to-stop and plan…');
  const bothStops = stopQueries(both, pairs, COMBINED_DATE);
  const bothWarmStops = stopQueries(both, warmPairs, COMBINED_DATE);
  const bothS2s = runStopToStop(both, bothStops, bothWarmStops);
  addLatency(
    section,
    `SI+subway stop-to-stop, ours (same SI pairs, ${COMBINED_DATE})`,
    bothS2s.summary,
  );

  const bothPlans = pairs.map((p) => planQueryOf(p, COMBINED_DATE));
  const bothWarmPlans = warmPairs.map((p) => planQueryOf(p, COMBINED_DATE));
  const bothPlan = runPlanInProcess(both, bothPlans, bothWarmPlans);
  addLatency(section, 'SI+subway plan, in process (same SI pairs)', bothPlan.summary, {
    p50: TARGETS.combinedPlanP50,
  });
  notePlanOutcomes(section, 'SI+subway plan (SI pairs)', bothPlan.outcomes);

  const bothHttp = await runPlanHttp(ws, bothPlans, bothWarmPlans);
  addLatency(section, 'SI+subway plan over HTTP (same SI pairs)', bothHttp.summary);
  compareHttp(section, 'SI+subway plan over HTTP', bothPlan.outcomes, bothHttp.outcomes);

  // Pairs anywhere in the combined network: most cross from Staten Island to the subway or back.
  progress('routing: SI+subway, pairs over both feeds…');
  const mixedPairs = odPairs(both, ['si', 'subway'], SEED + 2, PAIRS);
  const mixedWarm = odPairs(both, ['si', 'subway'], SEED + 200, WARMUP);
  const mixedS2s = runStopToStop(
    both,
    stopQueries(both, mixedPairs, COMBINED_DATE),
    stopQueries(both, mixedWarm, COMBINED_DATE),
  );
  addLatency(section, 'SI+subway stop-to-stop, ours (pairs over both feeds)', mixedS2s.summary);
  const mixedPlan = runPlanInProcess(
    both,
    mixedPairs.map((p) => planQueryOf(p, COMBINED_DATE)),
    mixedWarm.map((p) => planQueryOf(p, COMBINED_DATE)),
  );
  addLatency(section, 'SI+subway plan, in process (pairs over both feeds)', mixedPlan.summary, {
    p50: TARGETS.combinedPlanP50,
  });
  notePlanOutcomes(section, 'SI+subway plan (pairs over both feeds)', mixedPlan.outcomes);

  progress('routing: RSS probe with both feeds…');
  const memory = await measureCompiledRss({
    feeds: (['si', 'subway'] as const).map((feedId) => ({ feedId, ...ws.feedFile(feedId) })),
    compile: ws.compileOptions,
    day: localDayOf(instantAt(COMBINED_DATE, 12 * HOUR), NYC_TIMEZONE),
  });
  section.add(
    'RSS with SI + subway compiled (fresh process, after GC)',
    memory.afterCompile.rssMB,
    'MB',
    TARGETS.rss,
  );
  section.add(
    `RSS with SI + subway compiled + day view of ${COMBINED_DATE}`,
    memory.afterDayView.rssMB,
    'MB',
    TARGETS.rss,
  );
  section.note(
    `RSS probe baseline before reading feeds (node + tsx + modules): ${memory.baseline.rssMB.toFixed(0)} MB`,
  );
  section.note(
    'minotor parses one zip for one date, so it is compared on SI alone; it routes stop-to-stop without walking changes.',
  );
  return section;
}
