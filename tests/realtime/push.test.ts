import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import { departuresFrom } from '../../src/transit/departures.js';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { createHarness, type Harness } from '../helpers/harness.js';
import {
  BOARD,
  feedMessage,
  gtfsDate,
  pushRealtime,
  stopsOfRun,
  tripUpdate,
  type BoardRow,
} from './rtHelpers.js';
import { importFeedOnce } from '../helpers/feedCache.js';

const SKIPPED =
  GtfsRealtimeBindings.transit_realtime.TripUpdate.StopTimeUpdate.ScheduleRelationship.SKIPPED;

// Clock: 2026-12-01 07:00 New York (12:00Z). The sample feed is six Staten Island bus routes.
const NOW_MS = Date.parse('2026-12-01T12:00:00Z');
const NOW_SEC = NOW_MS / 1000;
const AFTER = '2026-12-01T07:00:00-05:00';

describe('realtime push', () => {
  let h: Harness;
  let agency: string;
  let other: string;
  /** The first departure on the board of some busy stop at 07:00, and its trip's stops. */
  let dep: {
    stopId: string;
    tripId: string;
    startDate: string;
    stops: string[];
    pos: number;
    departure: number;
  };

  beforeAll(async () => {
    h = createHarness({ nowMs: NOW_MS });
    agency = h.key({ role: 'agency', feedIds: ['si'] });
    other = h.key({ role: 'agency', feedIds: ['subway'] });
    await importFeedOnce(h, 'si', SAMPLE_FEED_DIR);
    const net = h.services.feeds.network!;
    const tt = net.tt;
    // A departure that has at least two later stops on its trip.
    for (let s = 0; s < tt.stopCount; s++) {
      const d = departuresFrom(net, s, NOW_SEC, 1)[0];
      if (!d) continue;
      const stops = stopsOfRun(h, d.run);
      if (d.pos + 3 > stops.length) continue;
      dep = {
        stopId: tt.stopIds[s]!,
        tripId: tt.tripIds[d.trip]!.slice(3),
        startDate: gtfsDate(d.serviceDay),
        stops,
        pos: d.pos,
        departure: d.departure,
      };
      break;
    }
  });
  afterAll(() => h.close());

  async function board(stopId: string): Promise<BoardRow[]> {
    const res = await h.gql<{ departures: BoardRow[] }>(BOARD, { stopId, after: AFTER, first: 10 });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.departures;
  }
  const row = (rows: BoardRow[]) => rows.find((r) => r.trip.id === `si:${dep.tripId}`);

  it('shows no realtime state before any message', async () => {
    expect(row(await board(dep.stopId))?.realtimeState).toBe('SCHEDULED');
  });

  it('refuses a push without a key (401), for another feed (403), and a non-FeedMessage body (400)', async () => {
    const msg = feedMessage([], NOW_SEC);
    expect((await pushRealtime(h, 'si', msg)).status).toBe(401);
    const forbidden = await pushRealtime(h, 'si', msg, other);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error?.code).toBe('FORBIDDEN');
    const bad = await pushRealtime(
      h,
      'si',
      new TextEncoder().encode('definitely not protobuf'),
      agency,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('FEED_INVALID');
    expect(h.services.realtime.snapshot.feeds.size).toBe(0);
  });

  it('moves the delayed stop and the later stops of the trip on the board', async () => {
    const msg = feedMessage(
      [
        tripUpdate('1', { tripId: dep.tripId, startDate: dep.startDate }, [
          { stopId: dep.stops[dep.pos], departure: { delay: 300 } },
        ]),
        tripUpdate('2', { tripId: 'no-such-trip' }, []),
      ],
      NOW_SEC,
    );
    const res = await pushRealtime(h, 'si', msg, agency);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      applied: { tripUpdates: 1, vehiclePositions: 0, alerts: 0 },
      unknownTrips: 1,
      refused: [],
    });

    const here = row(await board(dep.stopId))!;
    expect(here.realtimeState).toBe('UPDATED');
    expect(here.delaySeconds).toBe(300);
    expect(Date.parse(here.realtimeDeparture!) - Date.parse(here.scheduledDeparture)).toBe(300_000);
    const later = row(await board(`si:${dep.stops[dep.pos + 1]!}`))!;
    expect(later.realtimeState).toBe('UPDATED');
    expect(later.delaySeconds).toBe(300);
  });

  it('shows a cancelled trip as CANCELED instead of dropping it', async () => {
    const msg = feedMessage(
      [tripUpdate('1', { tripId: dep.tripId, startDate: dep.startDate, canceled: true }, [])],
      NOW_SEC,
    );
    expect((await pushRealtime(h, 'si', msg, agency)).status).toBe(200);
    const r = row(await board(dep.stopId))!;
    expect(r.realtimeState).toBe('CANCELED');
    expect(r.realtimeDeparture).toBeNull();
  });

  it('shows a skipped stop as SKIPPED, and the delay before it carries on after it', async () => {
    const msg = feedMessage(
      [
        tripUpdate('1', { tripId: dep.tripId, startDate: dep.startDate }, [
          { stopId: dep.stops[dep.pos], departure: { delay: 120 } },
          { stopId: dep.stops[dep.pos + 1], scheduleRelationship: SKIPPED },
        ]),
      ],
      NOW_SEC,
    );
    expect((await pushRealtime(h, 'si', msg, agency)).status).toBe(200);
    expect(row(await board(`si:${dep.stops[dep.pos + 1]!}`))?.realtimeState).toBe('SKIPPED');
    const after = row(await board(`si:${dep.stops[dep.pos + 2]!}`));
    if (after) expect(after.delaySeconds).toBe(120);
  });

  it('falls back to the schedule when the data is older than REALTIME_MAX_AGE_SECONDS', async () => {
    h.clock.advance(h.config.realtimeMaxAgeSeconds + 1);
    const r = row(await board(dep.stopId))!;
    expect(r.realtimeState).toBe('SCHEDULED');
    expect(r.realtimeDeparture).toBeNull();
    h.clock.set(NOW_MS);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await pushRealtime(h, 'si', new Uint8Array(10 * 1024 * 1024 + 1), agency);
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
