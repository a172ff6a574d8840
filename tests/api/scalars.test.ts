import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DateTimeScalar } from '../../src/api/graphql/scalars.js';
import { localDayOf } from '../../src/transit/time.js';

/** luxon's reading of an ISO instant, the reference the fast parser must agree with. */
function reference(value: string): number | undefined {
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : undefined;
}

function parse(value: string): number | undefined {
  try {
    return DateTimeScalar.parseValue(value).getTime();
  } catch {
    return undefined;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('DateTime scalar', () => {
  it('reads every extended ISO-8601 instant exactly as luxon does, valid or not', () => {
    const instant = fc.record({
      year: fc.integer({ min: 1900, max: 2100 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 24 }),
      minute: fc.integer({ min: 0, max: 60 }),
      second: fc.option(fc.integer({ min: 0, max: 60 })),
      fraction: fc.option(fc.stringMatching(/^\d{1,9}$/)),
      offset: fc.oneof(
        fc.constant('Z'),
        fc.constant('z'),
        fc
          .tuple(
            fc.constantFrom('+', '-'),
            fc.integer({ min: 0, max: 14 }),
            fc.constantFrom(0, 30, 45),
          )
          .map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
      ),
    });
    fc.assert(
      fc.property(instant, (t) => {
        const seconds =
          t.second === null
            ? ''
            : `:${pad(t.second)}${t.fraction === null ? '' : `.${t.fraction}`}`;
        const value = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}${seconds}${t.offset}`;
        expect(parse(value), value).toBe(reference(value));
      }),
      { seed: 20261127, numRuns: 5000 },
    );
  });

  it('still needs an offset, and still takes the other ISO forms luxon reads', () => {
    expect(parse('2026-12-02T08:15:00')).toBeUndefined();
    expect(parse('2026-02-30T08:15:00-05:00')).toBeUndefined();
    expect(parse('2026-12-02T08:15:00-0500')).toBe(Date.UTC(2026, 11, 2, 13, 15));
    expect(parse('2026-12-02T08:15:00.5+01:00')).toBe(Date.UTC(2026, 11, 2, 7, 15, 0, 500));
  });
});

describe('localDayOf', () => {
  it('is the calendar date in the zone, across DST changes and midnights', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const local = DateTime.fromSeconds(instant, { zone });
          expect(localDayOf(instant, zone)).toBe(
            Date.UTC(local.year, local.month - 1, local.day) / 86_400_000,
          );
        },
      ),
      { seed: 7, numRuns: 5000 },
    );
  });
});
