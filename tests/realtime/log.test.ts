import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, count, eq } from 'drizzle-orm';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import type { Hono } from 'hono';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/http/app.js';
import { FixedClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { closeServices, createServices, openSharedStore } from '../../src/createServices.js';
import { feeds, pgSchema, realtimeMessages } from '../../src/db/index.js';
import { DomainError } from '../../src/errors.js';
import type { RealtimeKind } from '../../src/realtime/RealtimeService.js';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import type { Services } from '../../src/services.js';
import { departuresFrom } from '../../src/transit/departures.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/pg.js';
import { BOARD, gtfsDate, tripUpdate, type BoardRow } from './rtHelpers.js';

const rt = GtfsRealtimeBindings.transit_realtime;
type Entity = GtfsRealtimeBindings.transit_realtime.IFeedEntity;

// Clock: 2026-12-01 07:00 New York (12:00Z), inside the sample feed (six Staten Island bus routes).
const NOW_MS = Date.parse('2026-12-01T12:00:00Z');
const NOW_SEC = NOW_MS / 1000;
const AFTER = '2026-12-01T07:00:00-05:00';
/** REALTIME_MAX_AGE_SECONDS default. */
const MAX_AGE = 300;

/** One server process on a data folder: its services (feeds compiled as at start) and app. */
interface Proc {
  services: Services;
  app: Hono;
  close(): Promise<void>;
}

/**
 * Starts a "process" on `dataDir`: createServices + loadAll, as main.ts does (without follow);
 * with `databaseUrl`, a replica on that database (the realtime log is there).
 */
async function startProc(dataDir: string, clock: FixedClock, databaseUrl?: string): Promise<Proc> {
  const config: Config = {
    ...loadConfig({}),
    dataDir,
    databaseUrl,
    logLevel: 'silent',
    loadSample: false,
  };
  const shared = await openSharedStore(config, clock);
  const services = createServices(config, clock, shared);
  services.feeds.loadAll();
  const app = createApp(services);
  let closed: Promise<void> | undefined;
  return {
    services,
    app,
    close: () => (closed ??= closeServices(services, shared)),
  };
}

/** Encodes a FeedMessage; FULL_DATASET unless `full` is false. */
function message(
  entities: Entity[],
  opts: { full?: boolean; timestampSec?: number } = {},
): Uint8Array {
  return rt.FeedMessage.encode(
    rt.FeedMessage.create({
      header: {
        gtfsRealtimeVersion: '2.0',
        timestamp: opts.timestampSec ?? NOW_SEC,
        incrementality:
          opts.full === false
            ? rt.FeedHeader.Incrementality.DIFFERENTIAL
            : rt.FeedHeader.Incrementality.FULL_DATASET,
      },
      entity: entities,
    }),
  ).finish();
}

/** An alert entity (informing a stop id the feed does not have: only its presence matters here). */
function alert(id: string, text: string): Entity {
  return {
    id,
    alert: {
      informedEntity: [{ stopId: 'nowhere' }],
      headerText: { translation: [{ text, language: 'en' }] },
    },
  };
}

/** Ids of the realtime log rows (in whichever database the process uses), oldest first. */
async function logIds(p: Proc): Promise<number[]> {
  const { pg, db } = p.services;
  const rows = pg
    ? await pg
        .select({ id: pgSchema.realtimeMessages.id })
        .from(pgSchema.realtimeMessages)
        .orderBy(asc(pgSchema.realtimeMessages.id))
    : db
        .select({ id: realtimeMessages.id })
        .from(realtimeMessages)
        .orderBy(realtimeMessages.id)
        .all();
  return rows.map((r) => r.id);
}

/** The `code` of the DomainError `fn` throws (src/errors.ts); undefined when it throws none. */
async function errorCode(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  return undefined;
}

/** Rows of `feedId` in the realtime log. */
async function logCount(p: Proc, feedId: string): Promise<number> {
  const { pg, db } = p.services;
  if (!pg)
    return db
      .select({ n: count() })
      .from(realtimeMessages)
      .where(eq(realtimeMessages.feedId, feedId))
      .get()!.n;
  const m = pgSchema.realtimeMessages;
  const [row] = await pg.select({ n: count() }).from(m).where(eq(m.feedId, feedId));
  return row!.n;
}

/**
 * Registers feed `id` (without a timetable) and appends one alerts row of it to the log, straight
 * in the process's database, as another process would have.
 */
async function registerWithLogRow(p: Proc, id: string, body: Uint8Array): Promise<void> {
  const feed = { id, fileName: `${id}-1.sqlite`, version: 1, importedAt: new Date(NOW_MS) };
  const row = {
    feedId: id,
    kinds: null,
    carries: 'alerts',
    newestAt: new Date(NOW_MS),
    fullDataset: false,
    body: Buffer.from(body),
    receivedAt: new Date(NOW_MS),
  };
  const { pg, db } = p.services;
  if (pg) {
    await pg.insert(pgSchema.feeds).values(feed);
    await pg.insert(pgSchema.realtimeMessages).values(row);
  } else {
    db.insert(feeds).values(feed).run();
    db.insert(realtimeMessages).values(row).run();
  }
}

/** Unregisters feed `id` in the process's database. */
async function unregister(p: Proc, id: string): Promise<void> {
  const { pg, db } = p.services;
  if (pg) await pg.delete(pgSchema.feeds).where(eq(pgSchema.feeds.id, id));
  else db.delete(feeds).where(eq(feeds.id, id)).run();
}

/*
 * SQLite: several processes on one data folder, the log in its app.sqlite. PostgreSQL: replicas
 * on one database, each on its own data folder, the log in the database.
 */
describe.each(testDialects())('realtime log shared by several processes [%s]', (dialect) => {
  /** Data folder with the sample feed imported and no realtime yet; each test works on a copy. */
  let template: string;
  let dataDir: string;
  let clock: FixedClock;
  const procs: Proc[] = [];
  /** PostgreSQL: this file's database, holding the registry (the sample) and the log. */
  let database: TestDatabase | undefined;
  /** A departure at 07:00 from some stop, with its trip. */
  let dep: { stopId: string; gtfsStopId: string; tripId: string; startDate: string };

  beforeAll(async () => {
    if (dialect === 'postgres') database = await createTestDatabase();
    template = mkdtempSync(path.join(os.tmpdir(), 'maas-rtlog-template-'));
    const p = await startProc(template, new FixedClock(NOW_MS), database?.url);
    await p.services.feeds.importFeed('si', SAMPLE_FEED_DIR);
    const net = p.services.feeds.network!;
    for (let s = 0; s < net.tt.stopCount; s++) {
      const d = departuresFrom(net, s, NOW_SEC, 1)[0];
      if (!d) continue;
      const stopId = net.tt.stopIds[s]!;
      dep = {
        stopId,
        gtfsStopId: stopId.slice(3),
        tripId: net.tt.tripIds[d.trip]!.slice(3),
        startDate: gtfsDate(d.serviceDay),
      };
      break;
    }
    await p.close();
  }, 120_000);
  afterAll(async () => {
    rmSync(template, { recursive: true, force: true });
    await database?.drop();
  });

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'maas-rtlog-'));
    cpSync(template, dataDir, { recursive: true });
    clock = new FixedClock(NOW_MS);
    if (database) {
      const sql = postgres(database.url, { max: 1, onnotice: () => undefined });
      await sql`TRUNCATE realtime_messages RESTART IDENTITY`.finally(() => sql.end());
    }
  });
  afterEach(async () => {
    await Promise.all(procs.splice(0).map((p) => p.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A process on this test's data folder (PostgreSQL: a replica on a copy of it), closed after the test. */
  async function proc(): Promise<Proc> {
    let dir = dataDir;
    if (database) {
      dir = mkdtempSync(path.join(dataDir, 'replica-'));
      cpSync(template, dir, { recursive: true });
    }
    const p = await startProc(dir, clock, database?.url);
    procs.push(p);
    return p;
  }

  /** A TripUpdate of `dep`'s trip: departure delay `delay` seconds at its stop. */
  function delayed(delay: number, entityId = 'tu'): Entity {
    return tripUpdate(entityId, { tripId: dep.tripId, startDate: dep.startDate }, [
      { stopId: dep.gtfsStopId, departure: { delay } },
    ]);
  }

  /** `dep`'s row on the live board of its stop, read through the process's GraphQL API. */
  async function liveDep(p: Proc): Promise<BoardRow | undefined> {
    const res = await p.app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: BOARD,
        variables: { stopId: dep.stopId, after: AFTER, first: 10 },
      }),
    });
    const body = (await res.json()) as { data?: { departures: BoardRow[] }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data!.departures.find((r) => r.trip.id === `si:${dep.tripId}`);
  }

  const tripUpdatesOf = (p: Proc) => [
    ...(p.services.realtime.snapshot.feeds.get('si')?.tripUpdates.entries() ?? []),
  ];
  const alertIdsOf = (p: Proc) => p.services.realtime.snapshot.alerts.map((a) => a.id).sort();

  describe('sharing between processes', () => {
    it("does not show A's message in B until B catches up, then B has the same trip updates and live departure", async () => {
      const a = await proc();
      const b = await proc();
      await b.services.realtime.catchUp();
      await a.services.realtime.ingest('si', message([delayed(300)]));

      expect(tripUpdatesOf(a)).toHaveLength(1);
      expect((await liveDep(a))?.delaySeconds).toBe(300);
      expect(b.services.realtime.snapshot.feeds.has('si')).toBe(false);
      expect((await liveDep(b))?.realtimeState).toBe('SCHEDULED');

      await b.services.realtime.catchUp();
      expect(tripUpdatesOf(b)).toEqual(tripUpdatesOf(a));
      const bDep = await liveDep(b);
      expect(bDep?.realtimeState).toBe('UPDATED');
      expect(bDep).toEqual(await liveDep(a));
    });

    it('follow() applies what another process appended (its first check runs at once)', async () => {
      const a = await proc();
      const b = await proc();
      await a.services.realtime.ingest('si', message([delayed(420)]));
      const stop = b.services.realtime.follow(60_000);
      try {
        // Long before the next check (60 s): the first one (PostgreSQL: a round trip) applied it.
        const deadline = Date.now() + 2000;
        while (b.services.realtime.snapshot.feeds.get('si') === undefined && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 20));
        expect((await liveDep(b))?.delaySeconds).toBe(420);
      } finally {
        stop();
      }
    });

    it('applies interleaved DIFFERENTIAL messages of two processes in log order: both end with the latest', async () => {
      const a = await proc();
      const b = await proc();
      // Log: #1 A 60 s, #2 B 120 s, #3 A 180 s, #4 B 240 s: each ingest first applies the other's rows.
      const delays = [60, 120, 180, 240];
      for (const [i, delay] of delays.entries()) {
        const p = i % 2 === 0 ? a : b;
        clock.advance(1);
        await p.services.realtime.ingest(
          'si',
          message([delayed(delay)], { full: false, timestampSec: clock.nowMs() / 1000 }),
        );
        // The writer ends with its own message, after the other's earlier rows.
        expect(tripUpdatesOf(p).map(([, u]) => u.stopTimeUpdates[0]?.departure)).toEqual([
          { delay },
        ]);
      }
      expect((await liveDep(b))?.delaySeconds).toBe(240);
      // A has not seen #4 yet: it still shows its own last message.
      expect((await liveDep(a))?.delaySeconds).toBe(180);
      await a.services.realtime.catchUp();
      expect((await liveDep(a))?.delaySeconds).toBe(240);
      expect(tripUpdatesOf(a)).toEqual(tripUpdatesOf(b));
      // DIFFERENTIAL rows are not superseded, and none has expired: all four stay in the log,
      // and a third process replaying them from the start ends the same way.
      expect(await logIds(a)).toEqual([1, 2, 3, 4]);
      const c = await proc();
      await c.services.realtime.catchUp();
      expect((await liveDep(c))?.delaySeconds).toBe(240);
      expect(tripUpdatesOf(c)).toEqual(tripUpdatesOf(a));
    });
  });

  describe('restart', () => {
    it('replays the log in a new process on the folder: the delayed departure shows without a new push', async () => {
      const a = await proc();
      await a.services.realtime.ingest('si', message([delayed(300)]));
      await a.services.realtime.ingest(
        'si',
        message([alert('a1', 'Detour on Richmond Ave')], { full: false }),
      );
      const before = {
        dep: await liveDep(a),
        tripUpdates: tripUpdatesOf(a),
        alerts: alertIdsOf(a),
      };
      await a.close();

      const restarted = await proc();
      expect((await liveDep(restarted))?.realtimeState).toBe('SCHEDULED');
      await restarted.services.realtime.catchUp();
      const after = await liveDep(restarted);
      expect(after?.delaySeconds).toBe(300);
      expect(after).toEqual(before.dep);
      expect(tripUpdatesOf(restarted)).toEqual(before.tripUpdates);
      expect(alertIdsOf(restarted)).toEqual(['a1']);
      expect(alertIdsOf(restarted)).toEqual(before.alerts);
    });
  });

  describe('pruning', () => {
    it('deletes older TripUpdates rows once a FULL_DATASET TripUpdates row follows them; a replay gives the same state', async () => {
      const a = await proc();
      await a.services.realtime.ingest('si', message([delayed(60)], { full: false }));
      await a.services.realtime.ingest('si', message([delayed(120, 'tu2')], { full: false }));
      expect(await logIds(a)).toHaveLength(2);
      clock.advance(10);
      await a.services.realtime.ingest(
        'si',
        message([delayed(180)], { timestampSec: NOW_SEC + 10 }),
      );
      const ids = await logIds(a);
      expect(ids).toHaveLength(1);
      expect(ids[0]).toBe(3);

      const b = await proc();
      await b.services.realtime.catchUp();
      expect(tripUpdatesOf(b)).toEqual(tripUpdatesOf(a));
      expect((await liveDep(b))?.delaySeconds).toBe(180);
    });

    it('keeps a FULL_DATASET row that replaces only alerts from pruning older TripUpdates rows', async () => {
      const a = await proc();
      await a.services.realtime.ingest('si', message([delayed(60)], { full: false }));
      await a.services.realtime.ingest('si', message([alert('a1', 'x')]));
      expect(await logIds(a)).toEqual([1, 2]);
    });

    it('keeps a DIFFERENTIAL alerts row but deletes TripUpdates rows older than the max age', async () => {
      const a = await proc();
      await a.services.realtime.ingest('si', message([delayed(60)], { full: false }));
      await a.services.realtime.ingest(
        'si',
        message([alert('a1', 'Elevator out')], { full: false }),
      );
      await a.services.realtime.ingest('si', message([delayed(90)]));
      expect(await logIds(a)).toEqual([2, 3]);

      clock.advance(MAX_AGE - 1);
      await a.services.realtime.ingest(
        'si',
        message([alert('a2', 'Stop moved')], { full: false, timestampSec: clock.nowMs() / 1000 }),
      );
      expect(await logIds(a)).toEqual([2, 3, 4]);

      clock.advance(2); // row 3 is now older than REALTIME_MAX_AGE_SECONDS
      await a.services.realtime.ingest(
        'si',
        message([alert('a3', 'Shelter closed')], {
          full: false,
          timestampSec: clock.nowMs() / 1000,
        }),
      );
      expect(await logIds(a)).toEqual([2, 4, 5]);

      // Alerts never expire: a day later the alerts rows are all still there.
      clock.advance(86_400);
      await a.services.realtime.ingest(
        'si',
        message([alert('a4', 'Snow routes')], {
          full: false,
          timestampSec: clock.nowMs() / 1000,
        }),
      );
      expect(await logIds(a)).toEqual([2, 4, 5, 6]);
      const b = await proc();
      await b.services.realtime.catchUp();
      expect(alertIdsOf(b)).toEqual(['a1', 'a2', 'a3', 'a4']);
      expect(alertIdsOf(b)).toEqual(alertIdsOf(a));
    });

    it('deletes expired vehicle-position rows like TripUpdates rows', async () => {
      const a = await proc();
      const vehicle: Entity = {
        id: 'v1',
        vehicle: {
          vehicle: { id: 'bus-1' },
          position: { latitude: 40.6, longitude: -74.1 },
          timestamp: NOW_SEC,
        },
      };
      await a.services.realtime.ingest('si', message([vehicle], { full: false }));
      clock.advance(MAX_AGE + 1);
      await a.services.realtime.ingest(
        'si',
        message([alert('a1', 'x')], { full: false, timestampSec: clock.nowMs() / 1000 }),
      );
      expect(await logIds(a)).toEqual([2]);
    });

    it('keeps a row carrying trip updates and alerts until its alerts are superseded and its trip updates expired', async () => {
      const a = await proc();
      await a.services.realtime.ingest(
        'si',
        message([delayed(60), alert('a1', 'both')], { full: false }),
      );
      expect(await logIds(a)).toEqual([1]);

      // Trip updates superseded by a FULL_DATASET: the row stays for its alert.
      clock.advance(5);
      await a.services.realtime.ingest(
        'si',
        message([delayed(70)], { timestampSec: clock.nowMs() / 1000 }),
      );
      expect(await logIds(a)).toEqual([1, 2]);

      // Trip updates expired too: still there for its alert.
      clock.advance(MAX_AGE + 1);
      await a.services.realtime.ingest(
        'si',
        message([delayed(80)], { full: false, timestampSec: clock.nowMs() / 1000 }),
      );
      expect(await logIds(a)).toEqual([1, 3]);

      // Alerts superseded by a FULL_DATASET of alerts: the row goes.
      await a.services.realtime.ingest(
        'si',
        message([alert('a2', 'only alerts')], { timestampSec: clock.nowMs() / 1000 }),
      );
      expect(await logIds(a)).toEqual([3, 4]);

      const b = await proc();
      await b.services.realtime.catchUp();
      expect(alertIdsOf(b)).toEqual(['a2']);
      expect(alertIdsOf(a)).toEqual(['a2']);
      expect(tripUpdatesOf(b)).toEqual(tripUpdatesOf(a));
    });

    it('keeps the other order too: alerts superseded first, trip updates expired later', async () => {
      const a = await proc();
      await a.services.realtime.ingest(
        'si',
        message([delayed(60), alert('a1', 'both')], { full: false }),
      );
      await a.services.realtime.ingest('si', message([alert('a2', 'only alerts')]));
      expect(await logIds(a)).toEqual([1, 2]);
      clock.advance(MAX_AGE + 1);
      await a.services.realtime.ingest(
        'si',
        message([alert('a3', 'more')], { full: false, timestampSec: clock.nowMs() / 1000 }),
      );
      expect(await logIds(a)).toEqual([2, 3]);
    });

    it('deletes the rows of a feed no longer registered on the next ingest of another feed', async () => {
      const a = await proc();
      await registerWithLogRow(a, 'ghost', message([alert('g1', 'ghost')], { full: false }));

      // Still registered: another feed's ingest leaves its row alone.
      await a.services.realtime.ingest('si', message([delayed(60)], { full: false }));
      expect(await logCount(a, 'ghost')).toBe(1);

      await unregister(a, 'ghost');
      await a.services.realtime.ingest('si', message([delayed(90)], { full: false }));
      expect(await logCount(a, 'ghost')).toBe(0);
      expect(await logCount(a, 'si')).toBe(2);
    });
  });

  describe('refused messages', () => {
    it('throws FEED_INVALID for a body that is not protobuf, and writes no row', async () => {
      const a = await proc();
      await a.services.realtime.ingest('si', message([delayed(60)], { full: false }));
      const before = a.services.realtime.snapshot;
      expect(
        await errorCode(() =>
          a.services.realtime.ingest('si', new TextEncoder().encode('definitely not protobuf')),
        ),
      ).toBe('FEED_INVALID');
      // A FeedMessage without gtfs_realtime_version is refused the same way.
      const noVersion = rt.FeedMessage.encode(
        rt.FeedMessage.create({ header: { gtfsRealtimeVersion: '' }, entity: [] }),
      ).finish();
      expect(await errorCode(() => a.services.realtime.ingest('si', noVersion))).toBe(
        'FEED_INVALID',
      );
      expect(await logIds(a)).toEqual([1]);
      expect(a.services.realtime.snapshot).toBe(before);
    });

    it('throws NOT_FOUND for a feed that is not loaded, and writes no row', async () => {
      const a = await proc();
      expect(
        await errorCode(() => a.services.realtime.ingest('subway', message([delayed(60)]))),
      ).toBe('NOT_FOUND');
      expect(await logIds(a)).toEqual([]);
      expect(a.services.realtime.snapshot.feeds.size).toBe(0);
    });
  });

  describe('messages the pruning rule must not lose', () => {
    // Found by this test (fixed): a message with no entity (an empty FULL_DATASET heartbeat) was
    // pruned in the transaction that wrote it, so it was never applied and never refreshed the
    // feed's updatedAt. The feed's newest row is now always kept.
    it('applies an empty FULL_DATASET heartbeat and returns an ApplyResult', async () => {
      const a = await proc();
      await a.services.realtime.ingest('si', message([delayed(60)]));
      clock.advance(120);
      const res = await a.services.realtime.ingest(
        'si',
        message([], { timestampSec: clock.nowMs() / 1000 }),
      );
      expect(res).toEqual({
        applied: { tripUpdates: 0, vehiclePositions: 0, alerts: 0 },
        unknownTrips: 0,
        refused: [],
      });
      expect(a.services.realtime.snapshot.feeds.get('si')?.updatedAt).toBe(NOW_SEC + 120);
    });

    // Found by this test (fixed): with `kinds` (a poll URL), carries was the kinds only, though
    // apply() merges every entity of the message; alerts served by a TripUpdates URL were lost by
    // a restarted process once their row's trip updates expired.
    it('keeps alerts served by a TripUpdates poll URL for a restarted process', async () => {
      const a = await proc();
      const kinds: ReadonlySet<RealtimeKind> = new Set(['tripUpdates']);
      await a.services.realtime.ingest(
        'si',
        message([delayed(60), alert('a1', 'from the TU url')]),
        kinds,
      );
      expect(alertIdsOf(a)).toEqual(['a1']);
      clock.advance(MAX_AGE + 1);
      await a.services.realtime.ingest(
        'si',
        message([delayed(70)], { full: false, timestampSec: clock.nowMs() / 1000 }),
      );
      expect(alertIdsOf(a)).toEqual(['a1']);

      const restarted = await proc();
      await restarted.services.realtime.catchUp();
      expect(alertIdsOf(restarted)).toEqual(alertIdsOf(a));
    });

    // A producer whose clock runs ahead: its trip updates live in memory until their own
    // timestamp + max age, so the row must not be pruned at arrival + max age.
    it('keeps a row until its newest entity timestamp has expired, not its arrival', async () => {
      const a = await proc();
      await a.services.realtime.ingest(
        'si',
        message([delayed(60)], { full: false, timestampSec: NOW_SEC + 200 }),
      );
      clock.advance(MAX_AGE + 100);
      await a.services.realtime.ingest(
        'si',
        message([alert('a1', 'later')], { full: false, timestampSec: clock.nowMs() / 1000 }),
      );
      expect(tripUpdatesOf(a)).toHaveLength(1);
      const restarted = await proc();
      await restarted.services.realtime.catchUp();
      expect(tripUpdatesOf(restarted)).toEqual(tripUpdatesOf(a));

      clock.advance(200);
      await a.services.realtime.ingest(
        'si',
        message([alert('a2', 'later still')], {
          full: false,
          timestampSec: clock.nowMs() / 1000,
        }),
      );
      expect(await logIds(a)).toHaveLength(2);
    });
  });
});
