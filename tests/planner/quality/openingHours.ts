import { DateTime } from 'luxon';

/**
 * Opening hours as the quality suite seeds them: a few weekly rules, written once as the
 * OpenStreetMap `opening_hours` text the parking service stores and once as plain intervals
 * that the checker evaluates itself (no `opening_hours` library, no planner code).
 */

/** One weekly rule: on these ISO weekdays (1 = Monday … 7 = Sunday), open from `open` to `close` minutes after local midnight (`close` may pass 24:00). */
export interface WeeklyRule {
  days: readonly number[];
  openMinute: number;
  closeMinute: number;
}

/** A facility's opening hours: the OSM text and the same hours as rules (none with `always`). */
export interface OpeningHoursSpec {
  osm: string;
  always: boolean;
  rules: readonly WeeklyRule[];
}

/** A half-open interval of Unix seconds. */
export interface Interval {
  start: number;
  end: number;
}

const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;
const h = (hours: number, minutes = 0) => hours * 60 + minutes;

/** The hours the suite draws from: always open, office hours, split shifts, past midnight, closed midweek. */
export const OPENING_HOURS_CHOICES: readonly OpeningHoursSpec[] = [
  { osm: '24/7', always: true, rules: [] },
  {
    osm: 'Mo-Fr 06:00-22:00',
    always: false,
    rules: [{ days: WEEKDAYS, openMinute: h(6), closeMinute: h(22) }],
  },
  {
    osm: 'Mo-Su 05:00-23:30',
    always: false,
    rules: [{ days: EVERY_DAY, openMinute: h(5), closeMinute: h(23, 30) }],
  },
  {
    osm: 'Mo-Fr 08:00-18:00',
    always: false,
    rules: [{ days: WEEKDAYS, openMinute: h(8), closeMinute: h(18) }],
  },
  {
    osm: 'Mo-Sa 07:00-20:00',
    always: false,
    rules: [{ days: [1, 2, 3, 4, 5, 6], openMinute: h(7), closeMinute: h(20) }],
  },
  {
    osm: 'Mo-Fr 06:00-10:00,15:00-21:00',
    always: false,
    rules: [
      { days: WEEKDAYS, openMinute: h(6), closeMinute: h(10) },
      { days: WEEKDAYS, openMinute: h(15), closeMinute: h(21) },
    ],
  },
  {
    osm: 'Mo-Su 06:00-02:00',
    always: false,
    rules: [{ days: EVERY_DAY, openMinute: h(6), closeMinute: h(26) }],
  },
  {
    osm: 'Mo-Fr 05:30-12:00',
    always: false,
    rules: [{ days: WEEKDAYS, openMinute: h(5, 30), closeMinute: h(12) }],
  },
  {
    osm: 'Sa,Su 08:00-20:00',
    always: false,
    rules: [{ days: [6, 7], openMinute: h(8), closeMinute: h(20) }],
  },
];

/** The open intervals of `spec` touching the local days `around − 3 … around + 3`, merged where they meet. */
export function openIntervals(
  spec: OpeningHoursSpec,
  timezone: string,
  around: number,
): Interval[] {
  if (spec.always) return [{ start: -Infinity, end: Infinity }];
  const day0 = DateTime.fromSeconds(around, { zone: timezone }).startOf('day');
  const raw: Interval[] = [];
  for (let d = -3; d <= 3; d++) {
    const day = day0.plus({ days: d });
    for (const rule of spec.rules) {
      if (!rule.days.includes(day.weekday)) continue;
      raw.push({ start: atMinute(day, rule.openMinute), end: atMinute(day, rule.closeMinute) });
    }
  }
  raw.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const iv of raw) {
    const last = merged[merged.length - 1];
    if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
    else merged.push({ ...iv });
  }
  return merged;
}

function atMinute(day: DateTime, minute: number): number {
  const d = day.plus({ days: Math.floor(minute / 1440) });
  const m = minute % 1440;
  return d.set({ hour: Math.floor(m / 60), minute: m % 60 }).toSeconds();
}

/** True when the hours are open at every instant of `[start, end)`. */
export function openThroughout(
  spec: OpeningHoursSpec,
  timezone: string,
  start: number,
  end: number,
): boolean {
  return openIntervals(spec, timezone, start).some((iv) => iv.start <= start && end <= iv.end);
}

/** When the facility next closes after `t` (Unix s): Infinity when it never does, undefined when closed at `t`. */
export function nextClosing(
  spec: OpeningHoursSpec,
  timezone: string,
  t: number,
): number | undefined {
  return openIntervals(spec, timezone, t).find((iv) => iv.start <= t && t < iv.end)?.end;
}

/** The next local midnight after `t` (Unix s): the end of its local day. */
export function endOfLocalDay(timezone: string, t: number): number {
  return DateTime.fromSeconds(t, { zone: timezone }).startOf('day').plus({ days: 1 }).toSeconds();
}
