/**
 * Issue 13, GTFS-RT freshness over a real HTTP server on the Staten Island bus feed
 * (2026-12-02 07:00 New York, the harness clock): a message older than the newest one applied
 * for its feed and kind is refused with STALE_MESSAGE and changes nothing; so is an entity older
 * than the one stored; an empty FULL_DATASET clears trip updates, vehicle positions and alerts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departuresFrom } from '../../src/transit/departures.js';
import { createHarness, SHARED_FEEDS, type Harness } from '../helpers/harness.js';
import { listen } from '../parking/realServer.js';
import { BOARD, gtfsDate, stopsOfRun, tripUpdate, type BoardRow } from './rtHelpers.js';
import { importFeedOnce } from '../helpers/feedCache.js';

const rt = GtfsRealtimeBindings.transit_realtime;
const SI_ZIP = path.join(SHARED_FEEDS, 'nyc-staten-island-bus.zip');
const NOW_MS = Date.parse('2026-12-02T12:00:00Z');
const NOW_SEC = NOW_MS / 1000;
type Entity = GtfsRealtimeBindings.transit_realtime.IFeedEntity;

/** A FeedMessage stamped `timestampSec`, FULL_DATASET unless `full` is false. */
function message(entities: Entity[], timestampSec: number, full = true): Uint8Array {
  return rt.FeedMessage.encode(
    rt.FeedMessage.create({
      header: {
        gtfsRealtimeVersion: '2.0',
        timestamp: timestampSec,
        incrementality: full
          ? rt.FeedHeader.Incrementality.FULL_DATASET
          : rt.FeedHeader.Incrementality.DIFFERENTIAL,
      },
      entity: entities,
    }),
  ).finish();
}

describe.skipIf(!existsSync(SI_ZIP))('GTFS-RT freshness over a real server (issue 13)', () => {
  let h: Harness;
  let server: { url: string; close: () => Promise<void> };
  let agency: string;
  /** Two departures from one stop at 07:00 on different trips, each with a later stop. */
  let deps: { stopId: string; tripId: string; startDate: string; nextStop: string }[];

  async function push(body: Uint8Array) {
    const res = await fetch(`${server.url}/v1/feeds/si/realtime`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${agency}` },
      body: new Uint8Array(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  }
  async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data!;
  }
  /** The board row of departure `i`. */
  async function row(i: number): Promise<BoardRow & { vehicle: unknown; alerts: unknown[] }> {
    const d = deps[i]!;
    const { departures } = await gql<{
      departures: (BoardRow & { vehicle: unknown; alerts: unknown[] })[];
    }>(BOARD.replace('realtimeState', 'realtimeState vehicle { lat updatedAt } alerts { id }'), {
      stopId: d.stopId,
      after: '2026-12-02T06:30:00-05:00',
      first: 40,
    });
    return departures.find((r) => r.trip.id === d.tripId)!;
  }
  const delayed = (i: number, delay: number, id = `tu${i}`, timestamp?: number): Entity => {
    const d = deps[i]!;
    const e = tripUpdate(id, { tripId: d.tripId.slice(3), startDate: d.startDate }, [
      { stopId: d.stopId.slice(3), arrival: { delay }, departure: { delay } },
    ]);
    if (timestamp !== undefined) e.tripUpdate!.timestamp = timestamp;
    return e;
  };
  const cancelled = (i: number): Entity => {
    const d = deps[i]!;
    return tripUpdate(
      `c${i}`,
      { tripId: d.tripId.slice(3), startDate: d.startDate, canceled: true },
      [],
    );
  };

  beforeAll(async () => {
    h = createHarness({ nowMs: NOW_MS });
    await importFeedOnce(h, 'si', SI_ZIP);
    agency = h.key({ role: 'agency', feedIds: ['si'] });
    const net = h.services.feeds.network!;
    const tt = net.tt;
    for (let s = 0; s < tt.stopCount; s++) {
      const found = departuresFrom(net, s, NOW_SEC, 4).filter(
        (d) => d.pos + 2 < stopsOfRun(h, d.run).length,
      );
      const trips = new Set(found.map((d) => d.trip));
      if (trips.size < 2) continue;
      deps = [...trips].slice(0, 2).map((trip) => {
        const d = found.find((f) => f.trip === trip)!;
        return {
          stopId: tt.stopIds[s]!,
          tripId: tt.tripIds[trip]!,
          startDate: gtfsDate(d.serviceDay),
          nextStop: `si:${stopsOfRun(h, d.run)[d.pos + 1]!}`,
        };
      });
      break;
    }
    server = await listen(h.app);
  }, 180_000);
  afterAll(async () => {
    await server.close();
    await h.close();
  });

  it('an older FULL_DATASET pushed after a newer one is refused (STALE_MESSAGE) and wipes nothing', async () => {
    expect(await push(message([delayed(0, 300), cancelled(1)], NOW_SEC))).toMatchObject({
      applied: { tripUpdates: 2 },
      refused: [],
    });
    const stale = await push(message([delayed(0, 60)], NOW_SEC - 120));
    expect(stale).toEqual({
      applied: { tripUpdates: 0, vehiclePositions: 0, alerts: 0 },
      unknownTrips: 0,
      refused: [{ reason: 'STALE_MESSAGE', kind: 'tripUpdates', count: 1 }],
    });
    expect(await row(0)).toMatchObject({ delaySeconds: 300, realtimeState: 'UPDATED' });
    expect((await row(1)).realtimeState).toBe('CANCELED');
    // An empty one as well, for the trip updates (the kind that has newer data; the others have none).
    expect((await push(message([], NOW_SEC - 1))).refused).toEqual([
      { reason: 'STALE_MESSAGE', kind: 'tripUpdates', count: 0 },
    ]);
    expect((await row(1)).realtimeState).toBe('CANCELED');
  });

  it('a message stamped 2023 is refused as STALE_MESSAGE, not answered as an unknown trip', async () => {
    const old = Date.parse('2023-06-01T12:00:00Z') / 1000;
    const res = await push(message([delayed(0, 30)], old, false));
    expect(res).toMatchObject({
      unknownTrips: 0,
      refused: [{ reason: 'STALE_MESSAGE', kind: 'tripUpdates', count: 1 }],
    });
    expect((await row(0)).delaySeconds).toBe(300);
  });

  it('an entity older than the stored one for its trip is refused; a newer entity applies', async () => {
    h.clock.advance(10);
    const res = await push(message([delayed(0, 90, 'tu0', NOW_SEC - 60)], NOW_SEC + 10, false));
    expect(res).toMatchObject({
      applied: { tripUpdates: 0 },
      refused: [{ reason: 'STALE_MESSAGE', kind: 'tripUpdates', count: 1 }],
    });
    expect((await row(0)).delaySeconds).toBe(300);
    await push(message([delayed(0, 120, 'tu0', NOW_SEC + 5)], NOW_SEC + 10, false));
    expect((await row(0)).delaySeconds).toBe(120);
  });

  it('an empty FULL_DATASET clears trip updates, vehicle positions and alerts', async () => {
    const d = deps[0]!;
    const vehicle: Entity = {
      id: 'v1',
      vehicle: {
        vehicle: { id: 'bus-1' },
        trip: { tripId: d.tripId.slice(3), startDate: d.startDate },
        position: { latitude: 40.6, longitude: -74.1 },
        timestamp: NOW_SEC + 20,
      },
    };
    const alert: Entity = {
      id: 'a1',
      alert: {
        informedEntity: [{ stopId: d.stopId.slice(3) }],
        headerText: { translation: [{ text: 'Stop moved', language: 'en' }] },
      },
    };
    h.clock.advance(10);
    await push(message([vehicle, alert], NOW_SEC + 20, false));
    const before = await row(0);
    expect(before.vehicle).toEqual({ lat: 40.6, updatedAt: '2026-12-02T07:00:20-05:00' });
    expect(before.alerts).toEqual([{ id: 'si:a1' }]);

    h.clock.advance(10);
    expect(await push(message([], NOW_SEC + 30))).toMatchObject({ refused: [] });

    expect(await row(0)).toMatchObject({
      delaySeconds: null,
      realtimeState: 'SCHEDULED',
      vehicle: null,
      alerts: [],
    });
    expect((await row(1)).realtimeState).toBe('SCHEDULED');
    expect(await gql<{ alerts: unknown[] }>('{ alerts(feedId: "si") { id } }', {})).toEqual({
      alerts: [],
    });
  });
});
