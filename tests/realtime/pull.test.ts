import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealtimePoller } from '../../src/realtime/RealtimePoller.js';
import { listRealtimeSources, setRealtimeSource } from '../../src/realtime/sources.js';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import { departuresFrom } from '../../src/transit/departures.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { BOARD, feedMessage, gtfsDate, tripUpdate, type BoardRow } from './rtHelpers.js';

const NOW_MS = Date.parse('2026-12-01T12:00:00Z');
const NOW_SEC = NOW_MS / 1000;

describe('realtime pull', () => {
  let h: Harness;
  let server: Server;
  let body: Uint8Array = new Uint8Array();
  let base = '';

  beforeAll(async () => {
    h = createHarness({ nowMs: NOW_MS });
    await h.services.feeds.importFeed('si', SAMPLE_FEED_DIR);
    server = createServer((req, res) => {
      if (req.url !== '/tu.pb') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end(Buffer.from(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await h.close();
  });

  it('stores the source and applies what the URL serves', async () => {
    const net = h.services.feeds.network!;
    let stop = 0;
    let d = departuresFrom(net, 0, NOW_SEC, 1)[0];
    while (!d) d = departuresFrom(net, ++stop, NOW_SEC, 1)[0];
    const tripId = net.tt.tripIds[d.trip]!.slice(3);
    body = feedMessage(
      [
        tripUpdate('1', { tripId, startDate: gtfsDate(d.serviceDay) }, [
          { stopId: net.tt.stopIds[d.stop]!.slice(3), departure: { delay: 240 } },
        ]),
      ],
      NOW_SEC,
    );

    setRealtimeSource(
      h.services.db,
      { feedId: 'si', tripUpdatesUrl: `${base}/tu.pb`, intervalSeconds: 15 },
      new Date(NOW_MS),
    );
    expect(listRealtimeSources(h.services.db)).toMatchObject([
      { feedId: 'si', intervalSeconds: 15 },
    ]);
    const poller = new RealtimePoller({
      db: h.services.db,
      realtime: h.services.realtime,
      clock: h.clock,
      logger: h.services.logger,
    });
    const results = await poller.pollOnce('si');
    expect(results).toEqual([
      { applied: { tripUpdates: 1, vehiclePositions: 0, alerts: 0 }, unknownTrips: 0, refused: [] },
    ]);

    const res = await h.gql<{ departures: BoardRow[] }>(BOARD, {
      stopId: net.tt.stopIds[d.stop],
      first: 10,
    });
    const row = res.body.data!.departures.find((r) => r.trip.id === `si:${tripId}`)!;
    expect(row.realtimeState).toBe('UPDATED');
    expect(row.delaySeconds).toBe(240);
  });

  it('reports a URL that does not serve a FeedMessage and keeps the previous data', async () => {
    const before = h.services.realtime.snapshot;
    setRealtimeSource(
      h.services.db,
      { feedId: 'si', tripUpdatesUrl: `${base}/missing.pb` },
      new Date(NOW_MS),
    );
    const poller = new RealtimePoller({
      db: h.services.db,
      realtime: h.services.realtime,
      clock: h.clock,
      logger: h.services.logger,
    });
    await expect(poller.pollOnce('si')).rejects.toThrow(/HTTP 404/);
    expect(h.services.realtime.snapshot).toBe(before);
  });
});
