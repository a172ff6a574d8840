import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleIfEmpty } from '../../src/sample.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { facilityInput, UPSERT } from '../parking/fixtures.js';
import { listen } from '../parking/realServer.js';
import {
  argsOf,
  collectIds,
  documentOf,
  rootOperations,
  type FuzzPools,
  type RootOperation,
} from './graphqlFuzz.js';
import { confirmedJourneysWithoutParking, journeyProblems, overbookings } from './invariants.js';

/** Fixed seed and bounded runs, so CI replays the same requests (about a minute in all). */
const SEED = 20_261_201;
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 2500);
const MALFORMED_RUNS = 300;

/** One response that breaks the contract: a 5xx, a masked INTERNAL_SERVER_ERROR, or an error without a code. */
interface Failure {
  what: string;
  status: number;
  body: string;
}

/** Every start is before every end: all windows share 09:00–10:30, so the small facility fills up. */
const CONTENDED_STARTS = ['2026-12-02T08:00:00-05:00', '2026-12-02T09:00:00-05:00'];
const CONTENDED_ENDS = ['2026-12-02T10:30:00-05:00', '2026-12-02T12:00:00-05:00'];
/** Root fields that need a rider token. */
const RIDER_FIELDS =
  /^(reserveParking|confirmParkingReservation|cancelParkingReservation|myParkingReservations|bookJourney|cancelJourney|journey|myJourneys)$/;
/** How often each root field is drawn relative to the others: the writes that guard invariants more. */
const WEIGHTS: Record<string, number> = {
  reserveParking: 6,
  bookJourney: 4,
  cancelParkingReservation: 2,
  confirmParkingReservation: 2,
  cancelJourney: 2,
  upsertParkingFacility: 2,
  plan: 3,
};

function dateTimes(): string[] {
  const out = [
    ...CONTENDED_STARTS,
    ...CONTENDED_ENDS,
    '2026-12-01T07:00:00-05:00',
    '2026-12-01T12:00:00Z',
  ];
  for (let h = 5; h <= 23; h += 3) {
    for (const day of ['01', '02', '03'])
      out.push(`2026-12-${day}T${String(h).padStart(2, '0')}:15:00-05:00`);
  }
  out.push('2026-12-01T09:00:00+01:00', '2027-03-01T08:00:00-05:00', '2026-11-30T23:59:59Z');
  return out;
}

describe('hostile input: random and malformed arguments to every query and mutation', () => {
  let h: Harness;
  let url: string;
  let closeServer: () => Promise<void>;
  let credentials: Record<string, string | undefined>;
  let ops: RootOperation[];
  const pools: FuzzPools = {
    ids: [],
    idsByType: new Map(),
    facilityIds: ['sample:tiny', 'sample:tiny', 'sample:st-george', 'tiny', 'sample:nope'],
    contendedStarts: CONTENDED_STARTS,
    contendedEnds: CONTENDED_ENDS,
    feedIds: ['si', 'nope', ''],
    dateTimes: dateTimes(),
    inputHints: {
      // A stop, or a point among the sample's stops around St. George.
      PlaceInput: () =>
        fc.oneof(
          fc.nat().map((i) => ({
            stopId:
              pools.idsByType.get('Stop')?.[i % (pools.idsByType.get('Stop')?.length ?? 1)] ??
              'si:200001',
          })),
          fc.record({
            lat: fc.double({ min: 40.56, max: 40.65, noNaN: true }),
            lon: fc.double({ min: -74.2, max: -74.07, noNaN: true }),
          }),
        ),
      // Exactly one of departAt and arriveBy.
      PlanInput: (record) =>
        record.map((r) => {
          if (r.departAt && r.arriveBy) return { ...r, arriveBy: undefined };
          return r.departAt || r.arriveBy ? r : { ...r, departAt: '2026-12-02T07:45:00-05:00' };
        }),
    },
  };
  const seenIds = new Map<string, Set<string>>([['seed', new Set<string>()]]);
  const refreshPools = () => {
    pools.ids = [...seenIds.values()].flatMap((ids) => [...ids]);
    pools.idsByType = new Map([...seenIds].map(([type, ids]) => [type, [...ids]]));
  };
  const failures: Failure[] = [];
  const codes = new Map<string, number>();

  async function send(
    body: BodyInit,
    headers: Record<string, string>,
    what: string,
    method = 'POST',
    query = '',
  ) {
    const res = await fetch(`${url}/graphql${query}`, {
      method,
      headers,
      body: method === 'GET' ? undefined : body,
    });
    const text = await res.text();
    let json:
      | {
          data?: unknown;
          errors?: { extensions?: { code?: unknown } }[];
          error?: { code?: unknown };
        }
      | undefined;
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      json = undefined;
    }
    const errorCodes = [
      ...(json?.errors ?? []).map((e) => e.extensions?.code),
      ...(json?.error ? [json.error.code] : []),
    ];
    for (const code of errorCodes) codes.set(String(code), (codes.get(String(code)) ?? 0) + 1);
    const broken =
      res.status >= 500 ||
      errorCodes.some((c) => c === 'INTERNAL_SERVER_ERROR' || typeof c !== 'string');
    if (broken) failures.push({ what, status: res.status, body: text.slice(0, 600) });
    if (json?.data) {
      collectIds(json.data, seenIds);
      refreshPools();
    }
    return { status: res.status, json };
  }

  beforeAll(async () => {
    h = createHarness();
    await loadSampleIfEmpty(h.services);
    ({ url, close: closeServer } = await listen(h.app));
    const admin = h.key({ role: 'admin' });
    credentials = {
      anonymous: undefined,
      rider: await h.riderToken('rider-a'),
      otherRider: await h.riderToken('rider-b'),
      admin,
      operator: h.key({ role: 'operator', operatorId: 'sample' }),
      otherOperator: h.key({ role: 'operator', operatorId: 'elsewhere' }),
      agency: h.key({ role: 'agency', feedIds: ['si'] }),
      garbage: 'not-a-credential',
      forgedKey: 'maas_000000000000_AAAAAAAAAAAAAAAAAAAAAAAA',
      expired: await h.services.tokens.sign('rider-a', Date.parse('2020-01-01T00:00:00Z'), 60),
    };
    // A facility of two spaces so that random reservations run into NO_CAPACITY.
    const tiny = await h.gql(
      UPSERT,
      {
        input: facilityInput({
          id: 'tiny',
          operatorId: 'sample',
          reservableSpaces: 2,
          totalSpaces: 5,
        }),
      },
      admin,
    );
    expect(tiny.body.errors).toBeUndefined();
    const tt = h.services.feeds.network!.tt;
    const seed = seenIds.get('seed')!;
    for (const id of [
      ...tt.stopIds.slice(0, 40),
      ...tt.routeIds.slice(0, 10),
      ...tt.tripIds.slice(0, 10),
    ])
      seed.add(id);
    for (const f of await h.services.parking.facilitiesNear(40.6, -74.12, 50_000))
      seed.add(f.facility.id);
    refreshPools();

    const intro = await send(
      JSON.stringify({ query: getIntrospectionQuery() }),
      { 'content-type': 'application/json' },
      'introspection',
    );
    const schema = buildClientSchema(intro.json!.data as IntrospectionQuery);
    ops = rootOperations(schema);
  }, 180_000);

  afterAll(async () => {
    await closeServer();
    await h.close();
  });

  it('no 5xx, no INTERNAL_SERVER_ERROR, every error has a code, for every root field and credential', async () => {
    // Riders mostly for what riders do, so that those calls get past authentication.
    const names = Object.keys(credentials);
    const riderNames = [
      ...names,
      ...Array<string>(8).fill('rider'),
      ...Array<string>(3).fill('otherRider'),
    ];
    const weighted = ops.flatMap((op) =>
      Array<RootOperation>(WEIGHTS[op.field.name] ?? 1).fill(op),
    );
    expect(ops.map((o) => o.field.name)).toEqual(
      expect.arrayContaining(['plan', 'departures', 'reserveParking', 'reportParkingAvailability']),
    );
    const opArb = fc.constantFrom(...weighted).chain((op) =>
      fc.record({
        op: fc.constant(op),
        args: argsOf(op, pools),
        inline: fc.boolean(),
        credential: fc.constantFrom(...(RIDER_FIELDS.test(op.field.name) ? riderNames : names)),
      }),
    );
    const perField = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(opArb, async ({ op, args, inline, credential }) => {
        const { query, variables } = documentOf(op, args, inline);
        const bearer = credentials[credential];
        perField.set(op.field.name, (perField.get(op.field.name) ?? 0) + 1);
        const res = await send(
          JSON.stringify({ query, variables }),
          {
            'content-type': 'application/json',
            ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          },
          `${op.field.name} as ${credential}: ${JSON.stringify({ query: query.slice(0, 200), variables }).slice(0, 600)}`,
        );
        // With variables the document is the same whatever the values: armor must let it through, or
        // the values would never be tried (inline, a huge literal `first` rightly raises the cost).
        if (!inline)
          expect(
            res.json?.errors?.some(
              (e) =>
                e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' &&
                /limit of \d+ exceeded/.test(JSON.stringify(e)),
            ),
          ).not.toBe(true);
      }),
      { seed: SEED, numRuns: NUM_RUNS, endOnFailure: true },
    );
    // Every root field was tried several times, and the small facility was contended.
    for (const op of ops)
      expect(perField.get(op.field.name) ?? 0, op.field.name).toBeGreaterThan(5);
    expect(codes.get('NO_CAPACITY') ?? 0).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  }, 240_000);

  it('malformed HTTP bodies, content types and GET requests never give a 5xx', async () => {
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
      fc.constantFrom(
        '{"query":',
        '{"query": 12}',
        '{"query": null}',
        '[]',
        '[{"query":"{ ok }"},{"query":"{ feeds { id } }"}]',
        'null',
        '"{ ok }"',
      ),
      fc
        .record({
          query: fc.constantFrom(
            '{ ok }',
            '{ feeds { id } }',
            'mutation { _noop }',
            '{',
            'subscription { _noop }',
          ),
          variables: fc.oneof(fc.constant('x'), fc.constant([]), fc.json()),
        })
        .map((b) => JSON.stringify(b)),
    );
    const contentType = fc.constantFrom(
      'application/json',
      'text/plain',
      'application/graphql',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      '',
    );
    await fc.assert(
      fc.asyncProperty(
        body,
        contentType,
        fc.constantFrom('POST', 'GET'),
        async (b, type, method) => {
          const query = method === 'GET' ? `?query=${encodeURIComponent(b)}` : '';
          await send(
            b,
            type ? { 'content-type': type } : {},
            `${method} ${type}: ${b.slice(0, 200)}`,
            method,
            query,
          );
        },
      ),
      { seed: SEED, numRuns: MALFORMED_RUNS },
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it('afterwards: the server answers, no facility is overbooked, journeys and reservations agree, every feed answers departures', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const db = h.services.db.$client;
    expect(overbookings(db, h.clock.nowMs())).toEqual([]);
    expect(journeyProblems(db)).toEqual([]);
    const unparked = confirmedJourneysWithoutParking(db);
    if (unparked.length > 0)
      console.warn(
        `journeys CONFIRMED whose parking was cancelled separately: ${unparked.join(', ')}`,
      );
    const made = db
      .prepare("SELECT COUNT(*) AS n FROM parking_reservations WHERE facility_id = 'sample:tiny'")
      .get() as { n: number };
    expect(made.n).toBeGreaterThan(0);

    const feeds = await h.gql<{ feeds: { id: string }[] }>('{ feeds { id } }');
    expect(feeds.body.data?.feeds.length).toBeGreaterThan(0);
    const tt = h.services.feeds.network!.tt;
    for (const { id } of feeds.body.data!.feeds) {
      const stopId = tt.stopIds.find((s) => s.startsWith(`${id}:`))!;
      const board = await h.gql<{ departures: unknown[] }>(
        'query ($s: ID!) { departures(stopId: $s, after: "2026-12-01T07:00:00-05:00", first: 5) { scheduledDeparture } }',
        { s: stopId },
      );
      expect(board.body.errors, `departures of feed ${id}`).toBeUndefined();
    }
  });
});
