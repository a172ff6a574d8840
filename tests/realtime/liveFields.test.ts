import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import { departuresFrom } from '../../src/transit/departures.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { feedMessage, gtfsDate, pushRealtime, tripUpdate } from './rtHelpers.js';
import { importFeedOnce } from '../helpers/feedCache.js';

const rt = GtfsRealtimeBindings.transit_realtime;
const NOW_MS = Date.parse('2026-12-01T12:00:00Z');
const NOW_SEC = NOW_MS / 1000;

const BOARD = `query($stopId: ID!) {
  departures(stopId: $stopId, first: 3) {
    trip { id } realtimeState vehicle { lat lon bearing updatedAt } alerts { id headerText effect cause }
  }
}`;
type Row = {
  trip: { id: string };
  realtimeState: string | null;
  vehicle: { lat: number; bearing: number } | null;
  alerts: { id: string; headerText: string; effect: string; cause: string }[];
};

describe('vehicle, alerts and subscriptions on the board', () => {
  let h: Harness;
  let admin: string;
  let stopId: string;
  let tripId: string;
  let startDate: string;

  beforeAll(async () => {
    h = createHarness({ nowMs: NOW_MS });
    admin = h.key({ role: 'admin' });
    await importFeedOnce(h, 'si', SAMPLE_FEED_DIR);
    const net = h.services.feeds.network!;
    for (let s = 0; s < net.tt.stopCount && !tripId; s++) {
      const d = departuresFrom(net, s, NOW_SEC, 1)[0];
      if (!d) continue;
      stopId = net.tt.stopIds[s]!;
      tripId = net.tt.tripIds[d.trip]!.slice(3);
      startDate = gtfsDate(d.serviceDay);
    }
  });
  afterAll(() => h.close());

  it('shows the vehicle position and the alerts of the stop', async () => {
    const msg = feedMessage(
      [
        {
          id: 'v1',
          vehicle: {
            trip: { tripId, startDate },
            vehicle: { id: 'bus-7' },
            position: { latitude: 40.6, longitude: -74.1, bearing: 90 },
            timestamp: NOW_SEC,
          },
        },
        {
          id: 'a1',
          alert: {
            informedEntity: [{ stopId: stopId.slice(3) }],
            headerText: { translation: [{ text: 'Stop moved 20 m north', language: 'en' }] },
            effect: rt.Alert.Effect.STOP_MOVED,
            cause: rt.Alert.Cause.CONSTRUCTION,
          },
        },
      ],
      NOW_SEC,
    );
    const res = await pushRealtime(h, 'si', msg, admin);
    expect(res.body).toEqual({
      applied: { tripUpdates: 0, vehiclePositions: 1, alerts: 1 },
      unknownTrips: 0,
      refused: [],
    });
    const board = await h.gql<{ departures: Row[] }>(BOARD, { stopId });
    expect(board.body.errors).toBeUndefined();
    const row = board.body.data!.departures.find((d) => d.trip.id === `si:${tripId}`)!;
    expect(row.vehicle).toMatchObject({ lat: 40.6, bearing: 90 });
    expect(row.realtimeState).toBe('SCHEDULED');
    expect(
      board.body.data!.departures.every((d) =>
        d.alerts.some(
          (a) => a.id === 'si:a1' && a.effect === 'STOP_MOVED' && a.cause === 'CONSTRUCTION',
        ),
      ),
    ).toBe(true);
  });

  it('pushes the new board to a departuresUpdated subscriber after a push', async () => {
    const res = await h.app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: `subscription($stopId: ID!) { departuresUpdated(stopId: $stopId, first: 3) { trip { id } realtimeState } }`,
        variables: { stopId },
      }),
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const events: {
      departuresUpdated: { trip: { id: string }; realtimeState: string | null }[];
    }[] = [];
    let buffer = '';
    const next = async () => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const chunk = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = chunk.split('\n').find((l) => l.startsWith('data: '));
          if (data) return (JSON.parse(data.slice(6)) as { data: (typeof events)[number] }).data;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += new TextDecoder().decode(value);
      }
    };
    events.push(await next());
    const cancel = feedMessage(
      [tripUpdate('c', { tripId, startDate, canceled: true }, [])],
      NOW_SEC,
    );
    expect((await pushRealtime(h, 'si', cancel, admin)).status).toBe(200);
    events.push(await next());
    await reader.cancel();
    const state = (e: (typeof events)[number]) =>
      e.departuresUpdated.find((d) => d.trip.id === `si:${tripId}`)?.realtimeState;
    expect(state(events[0]!)).toBe('SCHEDULED');
    expect(state(events[1]!)).toBe('CANCELED');
  });
});
