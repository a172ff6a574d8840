import { describe, expect, it } from 'vitest';
import { readFeedSource } from '../../src/gtfs/readFeedSource.js';
import { compileTimetable } from '../../src/transit/compile.js';
import { feedsNotInService, feedValidityWarning } from '../../src/transit/feedValidity.js';
import { parseGtfsDate } from '../../src/transit/time.js';
import type { FeedSource } from '../../src/transit/source.js';
import { tinyFeed, type TinyFeedSpec } from '../helpers/tinyFeed.js';
import { HAVE_FEEDS, SI_ZIP, SUBWAY_ZIP } from '../planner/realFeeds.js';
import { importedFeedFile } from '../helpers/feedCache.js';

const day = (yyyymmdd: string) => parseGtfsDate(yyyymmdd)!;
const compile = (...sources: FeedSource[]) =>
  compileTimetable(sources, { walkCircuity: 1.25, maxTransferMeters: 400 });

/** One trip A → B; the service dates are what these tests vary. */
const line = (feedId: string, dates: Partial<TinyFeedSpec>): FeedSource =>
  tinyFeed({
    feedId,
    stops: { A: [40.6, -74.1], B: [40.61, -74.1] },
    trips: {
      T: {
        service: 'S',
        times: [
          ['A', '08:00:00', '08:00:00'],
          ['B', '08:10:00', '08:10:00'],
        ],
      },
    },
    ...dates,
  });

// Feed "cal": calendar.txt 2026-12-01 .. 2026-12-31, weekdays only.
const cal = line('cal', {
  calendars: [{ service: 'S', days: 'MTWTF--', start: '20261201', end: '20261231' }],
});
// Feed "dates": calendar_dates.txt only, 2027-01-05 and 2027-01-09 added.
const dates = line('dates', {
  calendarDates: [
    ['S', '20270105', 1],
    ['S', '20270109', 1],
  ],
});
// Feed "info": the same calendar as "cal", but feed_info says 2026-11-15 .. 2027-01-15.
const info: FeedSource = {
  ...line('info', {
    calendars: [{ service: 'S', days: 'MTWTF--', start: '20261201', end: '20261231' }],
  }),
  feedInfo: { startDate: '20261115', endDate: '20270115', version: null },
};

describe('feedsNotInService', () => {
  const tt = compile(cal, dates, info);

  it('names the feeds whose validity (feed_info, else the calendars) misses the day', () => {
    expect(feedsNotInService(tt, day('20261114'))).toEqual(['cal', 'dates', 'info']);
    expect(feedsNotInService(tt, day('20261115'))).toEqual(['cal', 'dates']);
    expect(feedsNotInService(tt, day('20261201'))).toEqual(['dates']);
    expect(feedsNotInService(tt, day('20261231'))).toEqual(['dates']);
    expect(feedsNotInService(tt, day('20270101'))).toEqual(['cal', 'dates']);
    expect(feedsNotInService(tt, day('20270105'))).toEqual(['cal']);
    expect(feedsNotInService(tt, day('20270109'))).toEqual(['cal']);
    expect(feedsNotInService(tt, day('20270110'))).toEqual(['cal', 'dates']);
    expect(feedsNotInService(tt, day('20270116'))).toEqual(['cal', 'dates', 'info']);
  });

  it('counts a day inside the validity even when no trip runs that weekday', () => {
    // 2026-12-05 is a Saturday: "cal" runs on weekdays only, but the feed is in service.
    expect(feedsNotInService(tt, day('20261205'))).not.toContain('cal');
  });

  it('is empty without feeds', () => {
    expect(feedsNotInService({ feeds: [] }, day('20261201'))).toEqual([]);
  });
});

describe('feedValidityWarning', () => {
  const [feed] = compile(info).feeds;

  it('warns FEED_EXPIRED from the day after the last service day', () => {
    expect(feedValidityWarning(feed!, day('20270115'))).toBeUndefined();
    expect(feedValidityWarning(feed!, day('20270116'))).toEqual({
      code: 'FEED_EXPIRED',
      feedId: 'info',
      text: 'Feed info is out of service: it ran 2026-11-15 to 2027-01-15, which ended 1 day ago.',
    });
  });

  it('warns FEED_NOT_YET_VALID only when the first day is more than 30 days ahead', () => {
    // 2026-10-16 is 30 days before 2026-11-15; 2026-10-15 is 31.
    expect(feedValidityWarning(feed!, day('20261016'))).toBeUndefined();
    expect(feedValidityWarning(feed!, day('20261015'))).toEqual({
      code: 'FEED_NOT_YET_VALID',
      feedId: 'info',
      text: 'Feed info is not in service yet: it runs 2026-11-15 to 2027-01-15, starting in 31 days.',
    });
    expect(feedValidityWarning(feed!, day('20261105'), 5)?.code).toBe('FEED_NOT_YET_VALID');
  });

  it('is undefined while the feed is in service', () => {
    expect(feedValidityWarning(feed!, day('20261115'))).toBeUndefined();
    expect(feedValidityWarning(feed!, day('20261224'))).toBeUndefined();
  });
});

describe.skipIf(!HAVE_FEEDS)(
  `feedsNotInService on the real feeds${HAVE_FEEDS ? '' : ' (SKIPPED: ../shared/feeds not found)'}`,
  () => {
    it('Staten Island bus 2026-09-06 .. 2027-01-02, subway 2026-05-26 .. 2026-10-31', async () => {
      const [si, subway] = await Promise.all([
        importedFeedFile(SI_ZIP),
        importedFeedFile(SUBWAY_ZIP),
      ]);
      const tt = compile(readFeedSource(si, 'si', 0), readFeedSource(subway, 'subway', 0));
      expect(feedsNotInService(tt, day('20260801'))).toEqual(['si']);
      expect(feedsNotInService(tt, day('20261014'))).toEqual([]);
      expect(feedsNotInService(tt, day('20261031'))).toEqual([]);
      expect(feedsNotInService(tt, day('20261101'))).toEqual(['subway']);
      expect(feedsNotInService(tt, day('20261201'))).toEqual(['subway']);
      expect(feedsNotInService(tt, day('20270103'))).toEqual(['si', 'subway']);
    });
  },
);
