import { existsSync } from 'node:fs';
import { mulberry32 } from '../helpers/prng.js';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, SHARED_FEEDS, type Harness } from '../helpers/harness.js';
import { importFeedOnce } from '../helpers/feedCache.js';

const SI_ZIP = path.join(SHARED_FEEDS, 'nyc-staten-island-bus.zip');
const SUBWAY_ZIP = path.join(SHARED_FEEDS, 'nyc-subway.zip');
const haveFeeds = existsSync(SI_ZIP) && existsSync(SUBWAY_ZIP);
const TZ = 'America/New_York';

type Dep = {
  trip: { id: string };
  stop: { id: string };
  scheduledDeparture: string;
  serviceDate: string;
};
const QUERY = `query($stopId: ID!, $after: DateTime, $first: Int) {
  departures(stopId: $stopId, after: $after, first: $first) {
    trip { id } stop { id } scheduledDeparture serviceDate
  }
}`;

/**
 * The board read straight from node-gtfs's tables: for service days D-1, D, D+1, the services
 * active by calendar and calendar_dates, their stop_times at the stop that allow boarding and
 * are not a trip's last stop, at or after `after`, in time order.
 */
function boardFromSql(
  db: Database.Database,
  feedId: string,
  stopIds: string[],
  after: DateTime,
  first: number,
) {
  const out: { tripId: string; stopId: string; departure: number }[] = [];
  for (const offset of [-1, 0, 1]) {
    const day = after.setZone(TZ).startOf('day').plus({ days: offset });
    const ymd = Number(day.toFormat('yyyyLLdd'));
    const weekday = day.toFormat('cccc').toLowerCase();
    const dayStart = day.set({ hour: 12 }).minus({ hours: 12 }).toSeconds();
    const rows = db
      .prepare(
        `WITH active AS (
           SELECT service_id FROM calendar WHERE ${weekday} = 1 AND start_date <= @ymd AND end_date >= @ymd
             AND service_id NOT IN (SELECT service_id FROM calendar_dates WHERE date = @ymd AND exception_type = 2)
           UNION SELECT service_id FROM calendar_dates WHERE date = @ymd AND exception_type = 1)
         SELECT st.trip_id AS tripId, st.stop_id AS stopId, st.departure_timestamp AS dep
         FROM stop_times st JOIN trips t ON t.trip_id = st.trip_id
         WHERE st.stop_id IN (${stopIds.map(() => '?').join(',')})
           AND t.service_id IN (SELECT service_id FROM active)
           AND COALESCE(st.pickup_type, 0) != 1
           AND st.stop_sequence < (SELECT max(stop_sequence) FROM stop_times x WHERE x.trip_id = st.trip_id)
           AND st.departure_timestamp + @dayStart >= @after`,
      )
      .all(...stopIds, { ymd, dayStart, after: after.toSeconds() }) as {
      tripId: string;
      stopId: string;
      dep: number;
    }[];
    for (const r of rows)
      out.push({
        tripId: `${feedId}:${r.tripId}`,
        stopId: `${feedId}:${r.stopId}`,
        departure: r.dep + dayStart,
      });
  }
  out.sort(
    (a, b) => a.departure - b.departure || (a.tripId < b.tripId ? -1 : a.tripId > b.tripId ? 1 : 0),
  );
  return out.slice(0, first);
}

describe.skipIf(!haveFeeds)('departures on the real MTA feeds', () => {
  let h: Harness;
  let siDb: Database.Database;
  let subwayDb: Database.Database;

  beforeAll(async () => {
    h = createHarness();
    await importFeedOnce(h, 'si', SI_ZIP);
    await importFeedOnce(h, 'subway', SUBWAY_ZIP);
    const dir = path.join(h.dataDir, 'feeds');
    const file = (id: string) =>
      path.join(dir, h.services.feeds.list().find((f) => f.id === id)!.fileName);
    siDb = new Database(file('si'), { readonly: true });
    subwayDb = new Database(file('subway'), { readonly: true });
  }, 240_000);
  afterAll(async () => {
    siDb.close();
    subwayDb.close();
    await h.close();
  });

  async function board(stopId: string, after: DateTime, first = 10): Promise<Dep[]> {
    const res = await h.gql<{ departures: Dep[] }>(QUERY, { stopId, after: after.toISO(), first });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.departures;
  }

  it.each([
    ['si', '2026-12-02', 150],
    ['subway', '2026-10-14', 100],
  ] as const)(
    'equals a direct SQL reading for random %s stops and times',
    async (feedId, date, count) => {
      const db = feedId === 'si' ? siDb : subwayDb;
      const stops = (
        db
          .prepare(
            'SELECT stop_id FROM stops WHERE COALESCE(location_type, 0) = 0 ORDER BY stop_id',
          )
          .all() as { stop_id: string }[]
      ).map((r) => r.stop_id);
      const random = mulberry32(feedId === 'si' ? 42 : 7);
      let nonEmpty = 0;
      for (let i = 0; i < count; i++) {
        const stopId = stops[Math.floor(random() * stops.length)]!;
        const minutes = Math.floor(random() * 24 * 60);
        const after = DateTime.fromISO(`${date}T00:00:00`, { zone: TZ }).plus({ minutes });
        const expected = boardFromSql(db, feedId, [stopId], after, 10);
        const got = await board(`${feedId}:${stopId}`, after);
        expect(
          got.map((d) => [d.trip.id, DateTime.fromISO(d.scheduledDeparture).toSeconds()]),
          `${stopId} at ${after.toISO()}`,
        ).toEqual(expected.map((e) => [e.tripId, e.departure]));
        if (got.length > 0) nonEmpty++;
      }
      expect(nonEmpty).toBeGreaterThan(count / 3);
    },
  );

  it("shows a subway station's departures from both of its platforms", async () => {
    const after = DateTime.fromISO('2026-10-14T08:00:00', { zone: TZ });
    const deps = await board('subway:127', after, 40);
    const platforms = new Set(deps.map((d) => d.stop.id));
    expect(platforms).toEqual(new Set(['subway:127N', 'subway:127S']));
    const expected = boardFromSql(subwayDb, 'subway', ['127N', '127S'], after, 40);
    expect(deps.map((d) => d.trip.id)).toEqual(expected.map((e) => e.tripId));
  });

  it('at 23:30 continues past midnight, and at 00:30 shows trips of the previous service day', async () => {
    const late = await board(
      'subway:127',
      DateTime.fromISO('2026-10-14T23:30:00', { zone: TZ }),
      100,
    );
    const last = late[late.length - 1]!;
    expect(DateTime.fromISO(last.scheduledDeparture).setZone(TZ).toISODate()).toBe('2026-10-15');
    const early = await board(
      'subway:127',
      DateTime.fromISO('2026-10-15T00:30:00', { zone: TZ }),
      10,
    );
    expect(early.some((d) => d.serviceDate === '2026-10-14')).toBe(true);
    const expected = boardFromSql(
      subwayDb,
      'subway',
      ['127N', '127S'],
      DateTime.fromISO('2026-10-15T00:30:00', { zone: TZ }),
      10,
    );
    expect(early.map((d) => d.trip.id)).toEqual(expected.map((e) => e.tripId));
  });

  it('serves both feeds side by side with feed-scoped ids', async () => {
    const res = await h.gql<{ feeds: { id: string; counts: { stops: number } }[] }>(
      '{ feeds { id counts { stops } } }',
    );
    expect(res.body.data!.feeds.map((f) => f.id)).toEqual(['si', 'subway']);
    const stop = await h.gql<{ stop: { id: string; name: string } | null }>(
      '{ stop(id: "subway:127") { id name } }',
    );
    expect(stop.body.data!.stop?.name).toBe(
      (
        subwayDb.prepare("SELECT stop_name FROM stops WHERE stop_id = '127'").get() as {
          stop_name: string;
        }
      ).stop_name,
    );
  });
});
