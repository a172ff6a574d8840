import path from 'node:path';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import type { Harness } from '../helpers/harness.js';
import { feedMessage, pushRealtime, tripUpdate } from '../realtime/rtHelpers.js';
import { sec, type JourneyOut, type LegOut } from './fixtures.js';

/** The Staten Island feed's stop_times, read straight from its node-gtfs database. */
export class FeedStopTimes {
  private readonly db: Database.Database;

  constructor(h: Harness, feedId: string) {
    const row = h.services.feeds.list().find((f) => f.id === feedId)!;
    this.db = new Database(path.join(h.dataDir, 'feeds', row.fileName), {
      readonly: true,
      fileMustExist: true,
    });
  }

  /** stop_sequence of a trip (scoped id) at a stop (scoped id), leaving at `departure` (Unix s) on `day` (YYYY-MM-DD, zone `tz`). */
  sequence(tripId: string, stopId: string, departure: number, day: string, tz: string): number {
    const midnight = DateTime.fromISO(`${day}T12:00:00`, { zone: tz })
      .minus({ hours: 12 })
      .toSeconds();
    const rows = this.db
      .prepare(
        'SELECT stop_sequence AS seq, departure_timestamp AS dep FROM stop_times WHERE trip_id = ? AND stop_id = ?',
      )
      .all(unscoped(tripId), unscoped(stopId)) as { seq: number; dep: number }[];
    const row = rows.find((r) => midnight + r.dep === departure);
    if (!row) throw new Error(`${tripId} does not leave ${stopId} at ${departure}`);
    return row.seq;
  }

  close(): void {
    this.db.close();
  }
}

/** A GTFS id without its feed scope. */
export const unscoped = (id: string) => id.slice(id.indexOf(':') + 1);

/** `YYYYMMDD` of the service day a leg's scheduled departure falls on, in `tz`. */
function serviceDate(leg: LegOut, tz: string): string {
  return DateTime.fromSeconds(sec(leg.scheduledDeparture), { zone: tz }).toFormat('yyyyMMdd');
}

/**
 * A TripUpdate entity: the bus of `leg` runs `delay` seconds late from its boarding stop on (the
 * delay propagates downstream), or is cancelled.
 */
export function legDelay(
  times: FeedStopTimes,
  leg: LegOut,
  delay: number,
  tz: string,
  entityId = 'd1',
) {
  const day = serviceDate(leg, tz);
  const seq = times.sequence(
    leg.trip!.id,
    leg.from.stop!.id,
    sec(leg.scheduledDeparture),
    `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`,
    tz,
  );
  return tripUpdate(entityId, { tripId: unscoped(leg.trip!.id), startDate: day }, [
    { stopSequence: seq, arrival: { delay }, departure: { delay } },
  ]);
}

/** Pushes a FULL_DATASET of `entities` stamped now (or `stampSec`) to feed si; returns the answer. */
export async function pushEntities(
  h: Harness,
  agencyKey: string,
  entities: Parameters<typeof feedMessage>[0],
  stampSec = Math.floor(h.clock.nowMs() / 1000),
) {
  const res = await pushRealtime(h, 'si', feedMessage(entities, stampSec), agencyKey);
  expect(res.status).toBe(200);
  return res.body;
}

/**
 * The rules a live journey keeps (issue 13): each leg starts where and no earlier than the one
 * before it ends, unless the ride before it has connectionAtRisk; liveArrival is the last leg's
 * arrival; delaySeconds is null exactly where realtime is false.
 */
export function expectConsistent(j: JourneyOut): void {
  for (let i = 1; i < j.legs.length; i++) {
    const [a, b] = [j.legs[i - 1]!, j.legs[i]!];
    const brokenBefore = j.legs.slice(0, i).some((l) => l.connectionAtRisk);
    if (!brokenBefore)
      expect(sec(b.departure), `${i}: ${a.mode} → ${b.mode}`).toBeGreaterThanOrEqual(
        sec(a.arrival),
      );
  }
  expect(j.liveArrival).toBe(j.legs[j.legs.length - 1]!.arrival);
  for (const l of j.legs) {
    expect(l.delaySeconds === null, `${l.mode} delaySeconds vs realtime`).toBe(!l.realtime);
    if (l.realtime) expect(l.delaySeconds).toBe(sec(l.departure) - sec(l.scheduledDeparture));
  }
}
