/**
 * Issue 6's figure: `plan` with CAR_PARK on Staten Island + subway with 50 park-and-ride
 * facilities, in process (target p50 ≤ 40 ms, p95 ≤ 120 ms), and how many plans offered a
 * CAR_PARK itinerary; the same queries through GraphQL (`app.request`, which also signs each
 * itinerary id) for comparison.
 */
import type { CarContext } from '../src/planner/carAccess.js';
import { plan } from '../src/planner/plan.js';
import { PLAN_DEFAULTS, type AccessMode, type PlanQuery } from '../src/planner/query.js';
import type { Network } from '../src/transit/network.js';
import { requestGraphql } from './lib/http.js';
import { mulberry32, pick, pointNear, randomInt, type Random } from './lib/random.js';
import { progress, Section } from './lib/report.js';
import { summarize, timeEach, timeEachAsync } from './lib/stats.js';
import { HOUR, instantAt, isoAt } from './lib/time.js';
import type { Workspace } from './lib/workspace.js';

/** A weekday inside both feeds' validity (subway 2026-05-26..2026-10-31, SI 2026-09-06..2027-01-02). */
const DATE = '2026-10-14';
const FACILITIES = 50;
const QUERIES = 600;
const WARMUP = 60;
const SEED = 0x5eed_0006;
/** Origins are random points within this distance of a random Staten Island stop. */
const ORIGIN_OFFSET_METERS = 1_500;
const DEST_OFFSET_METERS = 300;
const OPERATOR = 'bench-parkride';
const ACCESS: ReadonlySet<AccessMode> = new Set(['WALK', 'CAR_PARK']);

const TARGETS = {
  p50: { max: 40, label: '≤ 40 ms' },
  p95: { max: 120, label: '≤ 120 ms' },
};

const PLAN_QUERY = /* GraphQL */ `
  query ($input: PlanInput!) {
    plan(input: $input) {
      itineraries {
        id
        departure
        arrival
        driveSeconds
        legs {
          mode
          departure
          arrival
          parking {
            facility {
              id
            }
            reservable
            price {
              amount
              currency
            }
          }
        }
      }
    }
  }
`;

/** Served stops of one feed. */
function servedStopsOf(net: Network, feedId: string): number[] {
  const feed = net.tt.feeds.findIndex((f) => f.feedId === feedId);
  return Array.from(net.tt.servedStops).filter((s) => net.tt.stopFeed[s] === feed);
}

/**
 * 50 seeded facilities, each within 150 m of a distinct Staten Island stop, open 24/7 unless
 * `openingHoursOf` says otherwise for lot `i`; returns their API ids. The same ids every time, so
 * a later section's seeding replaces an earlier one's instead of adding lots.
 */
export async function seedFacilities(
  ws: Workspace,
  random: Random,
  openingHoursOf: (i: number) => string = () => '24/7',
): Promise<string[]> {
  const net = ws.network;
  const stops = servedStopsOf(net, 'si');
  const used = new Set<number>();
  const ids: string[] = [];
  for (let i = 0; i < FACILITIES; i++) {
    let stop = pick(random, stops);
    while (used.has(stop)) stop = pick(random, stops);
    used.add(stop);
    const at = pointNear(random, net.tt.stopLat[stop]!, net.tt.stopLon[stop]!, 150);
    const total = randomInt(random, 40, 400);
    const facility = await ws.services.parking.upsertFacility(
      {
        ownId: `lot-${i}`,
        name: `Bench lot ${i}`,
        ...at,
        kind: 'PARK_AND_RIDE',
        totalSpaces: total,
        reservableSpaces: Math.floor(total / 5),
        openingHours: openingHoursOf(i),
        currency: 'USD',
        hourlyRate: 1 + randomInt(random, 0, 3),
        dailyMax: 8,
        timezone: 'America/New_York',
      },
      OPERATOR,
    );
    ids.push(facility.id);
  }
  return ids;
}

/** Seeded questions: from near a random SI stop to near a random stop of either feed, 06:00–20:00. */
function queriesOf(net: Network, random: Random, count: number): PlanQuery[] {
  const si = servedStopsOf(net, 'si');
  const all = Array.from(net.tt.servedStops);
  return Array.from({ length: count }, () => {
    const a = pick(random, si);
    const b = pick(random, all);
    return {
      ...PLAN_DEFAULTS,
      from: pointNear(random, net.tt.stopLat[a]!, net.tt.stopLon[a]!, ORIGIN_OFFSET_METERS),
      to: pointNear(random, net.tt.stopLat[b]!, net.tt.stopLon[b]!, DEST_OFFSET_METERS),
      time: instantAt(DATE, randomInt(random, 6 * HOUR, 20 * HOUR)),
      arriveBy: false,
      accessModes: ACCESS,
      parkingUntil: instantAt(DATE, 23 * HOUR),
    };
  });
}

/** The CAR_PARK context the `plan` resolver builds, on the workspace's services. */
export function carContext(ws: Workspace): CarContext {
  return {
    router: ws.services.streetRouter,
    parking: ws.services.parkingForPlanner,
    parkSeconds: ws.config.parkSeconds,
    maxDriveMeters: 30_000,
    maxFacilities: 50,
    nowSec: Math.floor(Date.now() / 1000),
  };
}

/** Runs the section on the workspace (imports SI and subway unless done already). */
export async function runParkRideBench(ws: Workspace): Promise<Section> {
  const section = new Section('park and ride');
  await ws.ensureFeed('si');
  await ws.ensureFeed('subway');
  const net = ws.network;
  const random = mulberry32(SEED);
  await seedFacilities(ws, random);
  const queries = queriesOf(net, random, QUERIES);
  const warmup = queriesOf(net, random, WARMUP);
  const car = carContext(ws);
  const live = { overlay: ws.services.realtime.snapshot.overlay, nowSec: car.nowSec };

  progress(`park and ride: ${QUERIES} plans with [WALK, CAR_PARK], ${FACILITIES} facilities…`);
  for (const q of warmup) plan(net, q, live, car);
  let withCarPark = 0;
  let empty = 0;
  const samples = timeEach(queries, (q) => {
    const result = plan(net, q, live, car);
    if (result.itineraries.some((it) => it.legs.some((l) => l.mode === 'PARK'))) withCarPark++;
    if (result.itineraries.length === 0) empty++;
  });
  section.latency(
    `SI+subway plan [WALK, CAR_PARK], ${FACILITIES} facilities, in process (${QUERIES} queries, ${DATE})`,
    summarize(samples),
    TARGETS,
  );
  section.add('  plans with a CAR_PARK itinerary', withCarPark, `of ${QUERIES}`);
  section.add('  plans without any itinerary', empty, `of ${QUERIES}`);

  const carOnly = queries.map((q) => ({ ...q, accessModes: new Set<AccessMode>(['CAR_PARK']) }));
  section.latency(
    'SI+subway plan [CAR_PARK] only, in process',
    summarize(timeEach(carOnly, (q) => plan(net, q, live, car))),
  );

  const variablesOf = (q: PlanQuery) => ({
    input: {
      from: q.from,
      to: q.to,
      departAt: isoAt(q.time),
      accessModes: [...ACCESS],
      parkingUntil: isoAt(q.parkingUntil!),
    },
  });
  for (const q of warmup.slice(0, 20)) await requestGraphql(ws.app, PLAN_QUERY, variablesOf(q));
  let errors = 0;
  const viaApp = await timeEachAsync(queries, async (q) => {
    const body = await requestGraphql(ws.app, PLAN_QUERY, variablesOf(q));
    if (body.errors) errors++;
  });
  section.latency(
    'SI+subway plan [WALK, CAR_PARK] via app.request (GraphQL, signed ids)',
    summarize(viaApp),
  );
  if (errors > 0) section.note(`${errors} GraphQL plans answered with errors`);
  return section;
}
