import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import type { Harness } from '../helpers/harness.js';
import { patternOfRun } from '../../src/transit/realtimeOverlay.js';
import { formatDay } from '../../src/transit/time.js';

const rt = GtfsRealtimeBindings.transit_realtime;

/** Encodes a FeedMessage with `entities` and header timestamp `timestampSec`. */
export function feedMessage(
  entities: GtfsRealtimeBindings.transit_realtime.IFeedEntity[],
  timestampSec: number,
): Uint8Array {
  return rt.FeedMessage.encode(
    rt.FeedMessage.create({
      header: {
        gtfsRealtimeVersion: '2.0',
        timestamp: timestampSec,
        incrementality: rt.FeedHeader.Incrementality.FULL_DATASET,
      },
      entity: entities,
    }),
  ).finish();
}

/** `YYYYMMDD` of a day number. */
export function gtfsDate(day: number): string {
  return formatDay(day).replaceAll('-', '');
}

/** A TripUpdate entity. */
export function tripUpdate(
  id: string,
  trip: { tripId: string; startDate?: string; canceled?: boolean },
  stopTimeUpdate: GtfsRealtimeBindings.transit_realtime.TripUpdate.IStopTimeUpdate[],
): GtfsRealtimeBindings.transit_realtime.IFeedEntity {
  return {
    id,
    tripUpdate: {
      trip: {
        tripId: trip.tripId,
        startDate: trip.startDate,
        scheduleRelationship: trip.canceled
          ? rt.TripDescriptor.ScheduleRelationship.CANCELED
          : undefined,
      },
      stopTimeUpdate,
    },
  };
}

/** Posts a realtime body to the push endpoint. */
export async function pushRealtime(h: Harness, feedId: string, body: Uint8Array, key?: string) {
  const res = await h.app.request(`/v1/feeds/${feedId}/realtime`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-protobuf',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: new Uint8Array(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: { code: string } },
  };
}

/** The stops (GTFS ids) of the run of a departure, in order. */
export function stopsOfRun(h: Harness, run: number): string[] {
  const tt = h.services.feeds.network!.tt;
  const p = patternOfRun(tt, run);
  const ids: string[] = [];
  for (let i = tt.patternStopStart[p]!; i < tt.patternStopStart[p + 1]!; i++)
    ids.push(tt.stopIds[tt.patternStops[i]!]!.slice(3));
  return ids;
}

/** Board query used by the tests. */
export const BOARD = `query($stopId: ID!, $after: DateTime, $first: Int) {
  departures(stopId: $stopId, after: $after, first: $first) {
    trip { id } serviceDate scheduledDeparture realtimeDeparture delaySeconds realtimeState
  }
}`;

/** One row of `BOARD`. */
export interface BoardRow {
  trip: { id: string };
  serviceDate: string;
  scheduledDeparture: string;
  realtimeDeparture: string | null;
  delaySeconds: number | null;
  realtimeState: string | null;
}
