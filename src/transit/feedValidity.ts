import { formatDay, type DayNumber } from './time.js';
import type { FeedMeta, Timetable } from './timetable.js';

/** A feed whose first service day is more than this many days ahead counts as far ahead. */
export const FAR_AHEAD_DAYS = 30;

/** Why a feed does not serve riders now: its service has ended, or starts far ahead. */
export type FeedValidityCode = 'FEED_EXPIRED' | 'FEED_NOT_YET_VALID';

/** A warning about a feed's validity, with a text naming the feed and its dates. */
export interface FeedValidityWarning {
  code: FeedValidityCode;
  feedId: string;
  text: string;
}

/**
 * Feed ids of the loaded feeds that do not run on the local service day `day`: the day is
 * before the feed's `startDay` or after its `endDay` (feed_info dates, else the calendars' span),
 * in `tt.feeds` order. Empty when every feed covers the day.
 */
export function feedsNotInService(tt: Pick<Timetable, 'feeds'>, day: DayNumber): string[] {
  return tt.feeds.filter((f) => day < f.startDay || day > f.endDay).map((f) => f.feedId);
}

/**
 * The warning for a feed seen on local day `today`: `FEED_EXPIRED` when its last service day is
 * past, `FEED_NOT_YET_VALID` when its first is more than `aheadDays` (default 30) days ahead;
 * undefined otherwise.
 */
export function feedValidityWarning(
  feed: FeedMeta,
  today: DayNumber,
  aheadDays = FAR_AHEAD_DAYS,
): FeedValidityWarning | undefined {
  const { feedId, startDay, endDay } = feed;
  const validity = `${formatDay(startDay)} to ${formatDay(endDay)}`;
  if (endDay < startDay) {
    return { code: 'FEED_EXPIRED', feedId, text: `Feed ${feedId} has no service day at all.` };
  }
  if (endDay < today) {
    const text = `Feed ${feedId} is out of service: it ran ${validity}, which ended ${days(today - endDay)} ago.`;
    return { code: 'FEED_EXPIRED', feedId, text };
  }
  if (startDay - today > aheadDays) {
    const text = `Feed ${feedId} is not in service yet: it runs ${validity}, starting in ${days(startDay - today)}.`;
    return { code: 'FEED_NOT_YET_VALID', feedId, text };
  }
  return undefined;
}

/** "1 day", "31 days". */
function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}
