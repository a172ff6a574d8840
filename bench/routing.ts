/**
 * Issue 3's figures: stop-to-stop earliest arrival (ours vs minotor on the same queries), the
 * full `plan` from coordinates in process and over HTTP, on Staten Island and then with the
 * subway loaded too, and the RSS with both compiled.
 */
import type { CarContext } from '../src/planner/carAccess.js';
import type { PlanResult } from '../src/planner/itinerary.js';
import type { Live } from '../src/planner/liveView.js';
import { plan, searchDepartAt } from '../src/planner/plan.js';
import { PLAN_DEFAULTS, type PlanQuery } from '../src/planner/query.js';
import { raptor, UNREACHED } from '../src/planner/raptor.js';
import { readFeedSource } from '../src/gtfs/readFeedSource.js';
import { compileTimetable } from '../src/transit/compile.js';
import { Network } from '../src/transit/network.js';
import { localDayOf, type UnixSeconds } from '../src/transit/time.js';
import { compareArrivals, type ArrivalComparison } from './lib/agreement.js';
import { postGraphql, requestGraphql } from './lib/http.js';
import { measureCompiledRss } from './lib/memory.js';
import { loadMinotor, minotorArrival, minotorQuery, type MinotorNetwork } from './lib/minotor.js';
import { odPairs, type OdPair } from './lib/odPairs.js';
import { progress, Section } from './lib/report.js';
import { summarize, timeEach, timeEachAsync } from './lib/stats.js';
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
function runStopToStop(
  net: Network,
  queries: readonly StopQuery[],
  warmup: readonly StopQuery[],
  transferSlack: number = PLAN_DEFAULTS.transferSlack,
) {
  for (const q of warmup) earliestArrival(net, q, transferSlack);
  const arrivals = new Array<number | undefined>(queries.length);
  const samplesMs = timeEach(queries, (q, i) => {
    arrivals[i] = earliestArrival(net, q, transferSlack);
  });
  return { summary: summarize(samplesMs), samplesMs, arrivals };
}

/** The `plan` question of a seeded pair: from point to point, leaving at its time of day on `date`. */
export function planQueryOf(pair: OdPair, date: string): PlanQuery {
  return {
    ...PLAN_DEFAULTS,
    from: pair.fromPoint,
    to: pair.toPoint,
    time: instantAt(date, pair.secondsOfDay),
    arriveBy: false,
  };
}

/** What one plan answered, to compare the in-process and HTTP answers and count empty plans. */
export interface PlanOutcome {
  itineraries: number;
  firstArrival: UnixSeconds | undefined;
  message: string | undefined;
}

/** Times `plan` over `queries` after a warm-up (with `car`, park and ride too); latencies and answers. */
export function runPlanInProcess(
  net: Network,
  queries: readonly PlanQuery[],
  warmup: readonly PlanQuery[],
  live?: Live,
  car?: CarContext,
) {
  for (const q of warmup) plan(net, q, live, car);
  const outcomes = new Array<PlanOutcome>(queries.length);
  const results = new Array<PlanResult>(queries.length);
  const summary = summarize(
    timeEach(queries, (q, i) => {
      const result = plan(net, q, live, car);
      results[i] = result;
      outcomes[i] = {
        itineraries: result.itineraries.length,
        firstArrival: result.itineraries[0]?.arrival,
        message: result.messages[0]?.code,
      };
    }),
  );
  return { summary, outcomes, results };
}

/** Plans through GraphQL: over HTTP to the served app, or through `app.request()` (no socket). */
async function runPlanGraphql(
  ws: Workspace,
  transport: 'http' | 'app',
  queries: readonly PlanQuery[],
  warmup: readonly PlanQuery[],
) {
  const { graphqlUrl } = await ws.http();
  const variablesOf = (q: PlanQuery) => ({
    input: { from: q.from, to: q.to, departAt: isoAt(q.time), numItineraries: q.numItineraries },
  });
  const post = (q: PlanQuery) =>
    transport === 'http'
      ? postGraphql<PlanBody>(graphqlUrl, PLAN_QUERY, variablesOf(q))
      : requestGraphql<PlanBody>(ws.app, PLAN_QUERY, variablesOf(q));
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

/** What our earliest itinerary does that minotor cannot: walk between stops, or ride another service day. */
interface OursExplained {
  walkMeters: number;
  otherServiceDay: boolean;
}

/** Rebuilds our earliest itinerary for a stop-to-stop query (not timed) to see why it differs. */
function explainOurs(net: Network, q: StopQuery, arrival: UnixSeconds): OursExplained {
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
  const day = localDayOf(q.time, net.primaryTimezone);
  let walkMeters = 0;
  let otherServiceDay = false;
  for (const leg of best?.legs ?? []) {
    if (leg.mode === 'WALK') walkMeters += leg.distanceMeters;
    else if ('serviceDay' in leg && leg.serviceDay !== day) otherServiceDay = true;
  }
  return { walkMeters, otherServiceDay };
}

/** Compares our stop-to-stop arrivals with minotor's on the pairs both were asked; figures, counts and examples. */
function compareWithMinotor(
  section: Section,
  label: string,
  net: Network,
  queries: readonly StopQuery[],
  pairs: readonly OdPair[],
  asked: readonly number[],
  ours: readonly (number | undefined)[],
  theirs: readonly (number | undefined)[],
  transferSlack: number,
): ArrivalComparison {
  const midnight = instantAt(SI_DATE, 0);
  const c = compareArrivals(asked, ours, theirs);
  section.add(`${label}: same arrival as minotor`, c.same.length, `of ${c.asked}`);
  section.add(`  ours earlier`, c.oursEarlier.length, 'queries');
  section.add(`  ours later`, c.oursLater.length, 'queries');
  section.add(`  only ours found a connection`, c.onlyOurs.length, 'queries');
  section.add(`  only minotor found a connection`, c.onlyTheirs.length, 'queries');
  section.add(`  neither found a connection`, c.neither.length, 'queries');

  const describe = (i: number, why = '') => {
    const p = pairs[i]!;
    const show = (t: number | undefined) => (t === undefined ? 'none' : clock(t - midnight));
    return `${p.from} → ${p.to} at ${clock(p.secondsOfDay)}: ours ${show(ours[i])}, minotor ${show(theirs[i])}${why}`;
  };
  const explain = (list: readonly number[]) =>
    list.map((i) => ({ i, why: explainOurs(net, queries[i]!, ours[i]!) }));
  const whyText = (w: OursExplained) =>
    [
      w.walkMeters > 0 ? `walks ${w.walkMeters} m between stops` : '',
      w.otherServiceDay ? "rides the next day's service" : '',
    ]
      .filter(Boolean)
      .join(', ') || 'no walk, same service day';
  const examples = (list: readonly { i: number; why: OursExplained }[]) =>
    list
      .slice(0, EXAMPLES)
      .map(({ i, why }) => describe(i, ` (ours ${whyText(why)})`))
      .join('; ');

  if (c.oursEarlier.length > 0) {
    const e = explain(c.oursEarlier);
    const walking = e.filter((x) => x.why.walkMeters > 0).length;
    section.note(
      `${label}, ours earlier: ${walking} of ${e.length} walk between stops; e.g. ${examples(e)}`,
    );
  }
  if (c.onlyOurs.length > 0) {
    const e = explain(c.onlyOurs);
    const walking = e.filter((x) => x.why.walkMeters > 0).length;
    const nextDay = e.filter((x) => x.why.otherServiceDay).length;
    section.note(
      `${label}, only ours: ${walking} of ${e.length} walk between stops, ${nextDay} ride the next day's service (minotor loads one service day); e.g. ${examples(e)}`,
    );
  }
  if (c.oursLater.length > 0) {
    // minotor changes vehicle at the same stop with no slack; ours adds transferSlack to every change.
    const explained = c.oursLater.filter((i) => {
      if (transferSlack === 0) return false;
      const noSlack = earliestArrival(net, queries[i]!, 0);
      return noSlack !== undefined && noSlack <= theirs[i]!;
    });
    const shown = c.oursLater
      .slice(0, EXAMPLES)
      .map((i) => describe(i, explained.includes(i) ? ' (the slack)' : ' (NOT the slack)'));
    section.note(
      `${label}, ours later: ${explained.length} of ${c.oursLater.length} are as early as minotor with transfer slack 0; e.g. ${shown.join('; ')}`,
    );
  }
  if (c.onlyTheirs.length > 0) {
    const shown = c.onlyTheirs.slice(0, EXAMPLES).map((i) => describe(i));
    section.note(`${label}, only minotor: e.g. ${shown.join('; ')}`);
  }
  return c;
}

/**
 * Stop-to-stop on SI: ours, then minotor on the same queries (only `route()` and reading the
 * arrival are timed), then ours again in minotor's model (no walking between stops, no change
 * slack) to check that the two routers agree exactly where they model the same thing.
 */
async function benchStopToStopVsMinotor(
  section: Section,
  ws: Workspace,
  net: Network,
  pairs: readonly OdPair[],
  warmPairs: readonly OdPair[],
): Promise<void> {
  const queries = stopQueries(net, pairs, SI_DATE);
  progress('routing: SI stop-to-stop (ours)…');
  const ours = runStopToStop(net, queries, stopQueries(net, warmPairs, SI_DATE));
  section.latency(`SI stop-to-stop, ours (${PAIRS} pairs, ${SI_DATE})`, ours.summary);

  progress('routing: minotor parse + stop-to-stop…');
  const minotor: MinotorNetwork = await loadMinotor(FEED_ZIPS.si, SI_DATE);
  section.add(
    `minotor: parse SI zip for ${SI_DATE} (not timed against us)`,
    minotor.parseSeconds,
    's',
  );
  const midnight = instantAt(SI_DATE, 0);
  // minTransferSeconds applies only to transfers.txt rows, which the SI feed has none of.
  const options = { maxTransfers: PLAN_DEFAULTS.maxTransfers, minTransferSeconds: 0 };
  const toMinotor = (p: OdPair) => {
    const from = minotor.stopIdOf(unscoped(p.from));
    const to = minotor.stopIdOf(unscoped(p.to));
    return from === undefined || to === undefined
      ? undefined
      : { to, query: minotorQuery(from, to, p.secondsOfDay, options) };
  };
  // Only pairs whose two stops minotor kept for the date can be asked; both sides are compared on those.
  const asked = pairs.flatMap((p, i) => {
    const m = toMinotor(p);
    return m ? [{ i, ...m }] : [];
  });
  for (const m of warmPairs.map(toMinotor)) if (m) minotorArrival(minotor, m.query, m.to);
  const theirs = new Array<number | undefined>(pairs.length);
  const theirSummary = summarize(
    timeEach(asked, (m) => {
      const t = minotorArrival(minotor, m.query, m.to);
      theirs[m.i] = t === undefined ? undefined : midnight + t;
    }),
  );
  const oursAsked = summarize(asked.map((m) => ours.samplesMs[m.i]!));
  section.latency('SI stop-to-stop, minotor 1.0.7 (same queries)', theirSummary);
  section.add(
    'stop-to-stop p50 ratio ours / minotor',
    oursAsked.p50Ms / theirSummary.p50Ms,
    '×',
    TARGETS.ratio,
  );
  section.add('stop-to-stop p95 ratio ours / minotor', oursAsked.p95Ms / theirSummary.p95Ms, '×');
  if (asked.length < pairs.length) {
    section.note(
      `${pairs.length - asked.length} pairs use a stop that minotor dropped for ${SI_DATE} (no trip that day); minotor, the ratios and the agreement leave them out`,
    );
  }
  const askedIdx = asked.map((m) => m.i);
  compareWithMinotor(
    section,
    'vs minotor',
    net,
    queries,
    pairs,
    askedIdx,
    ours.arrivals,
    theirs,
    PLAN_DEFAULTS.transferSlack,
  );

  // minotor's model: footpaths only from a stop to itself (maxTransferMeters 0) and no slack.
  progress("routing: ours in minotor's model (no walking changes, no slack)…");
  const { sqlitePath, importedAtMs } = ws.feedFile('si');
  const strictNet = new Network(
    compileTimetable([readFeedSource(sqlitePath, 'si', importedAtMs)], {
      ...ws.compileOptions,
      maxTransferMeters: 0,
    }),
  );
  const strictQueries = stopQueries(strictNet, pairs, SI_DATE);
  const strict = runStopToStop(
    strictNet,
    strictQueries,
    stopQueries(strictNet, warmPairs, SI_DATE),
    0,
  );
  section.latency("SI stop-to-stop, ours in minotor's model (no walks, slack 0)", strict.summary);
  compareWithMinotor(
    section,
    "minotor's model",
    strictNet,
    strictQueries,
    pairs,
    askedIdx,
    strict.arrivals,
    theirs,
    0,
  );
}

/** A feed's own id of a scoped id (`si:200001` → `200001`). */
function unscoped(id: string): string {
  return id.slice(id.indexOf(':') + 1);
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

  await benchStopToStopVsMinotor(section, ws, siNet, pairs, warmPairs);

  progress('routing: SI plan in process…');
  const siPlans = pairs.map((p) => planQueryOf(p, SI_DATE));
  const siWarmPlans = warmPairs.map((p) => planQueryOf(p, SI_DATE));
  const siPlan = runPlanInProcess(siNet, siPlans, siWarmPlans);
  section.latency('SI plan, 3 itineraries from coordinates, in process', siPlan.summary, {
    p50: TARGETS.siPlanP50,
    p95: TARGETS.siPlanP95,
  });
  notePlanOutcomes(section, 'SI plan', siPlan.outcomes);

  progress('routing: SI plan through app.request…');
  const siApp = await runPlanGraphql(ws, 'app', siPlans, siWarmPlans);
  section.latency('SI plan via app.request (GraphQL, no socket)', siApp.summary);

  progress('routing: SI plan over HTTP…');
  const siHttp = await runPlanGraphql(ws, 'http', siPlans, siWarmPlans);
  section.latency('SI plan over HTTP (GraphQL, all issue-3 fields)', siHttp.summary);
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
  section.latency(
    `SI+subway stop-to-stop, ours (same SI pairs, ${COMBINED_DATE})`,
    bothS2s.summary,
  );

  const bothPlans = pairs.map((p) => planQueryOf(p, COMBINED_DATE));
  const bothWarmPlans = warmPairs.map((p) => planQueryOf(p, COMBINED_DATE));
  const bothPlan = runPlanInProcess(both, bothPlans, bothWarmPlans);
  section.latency('SI+subway plan, in process (same SI pairs)', bothPlan.summary, {
    p50: TARGETS.combinedPlanP50,
  });
  notePlanOutcomes(section, 'SI+subway plan (SI pairs)', bothPlan.outcomes);

  const bothHttp = await runPlanGraphql(ws, 'http', bothPlans, bothWarmPlans);
  section.latency('SI+subway plan over HTTP (same SI pairs)', bothHttp.summary);
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
  section.latency('SI+subway stop-to-stop, ours (pairs over both feeds)', mixedS2s.summary);
  const mixedPlan = runPlanInProcess(
    both,
    mixedPairs.map((p) => planQueryOf(p, COMBINED_DATE)),
    mixedWarm.map((p) => planQueryOf(p, COMBINED_DATE)),
  );
  section.latency('SI+subway plan, in process (pairs over both feeds)', mixedPlan.summary, {
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
  );
  section.add(
    `RSS with SI + subway compiled + day view of ${COMBINED_DATE} (after GC)`,
    memory.afterDayView.rssMB,
    'MB',
    TARGETS.rss,
  );
  section.add(
    'peak RSS while reading + compiling SI + subway',
    memory.afterDayView.peakRssMB,
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
