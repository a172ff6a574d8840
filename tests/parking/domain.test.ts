import { describe, expect, it } from 'vitest';
import { peakOverlap } from '../../src/parking/capacity.js';
import { priceForDuration, toMajor, toMinor } from '../../src/parking/money.js';
import { isOpenThroughout } from '../../src/parking/openingHours.js';

const H = 3_600_000;

describe('peakOverlap', () => {
  it('counts the busiest instant, not the number of overlapping intervals', () => {
    // 0   1   2   3   4 h
    // [-------)            a
    //         [-------)    b   a and b both overlap c, but never each other
    //     [-------)        c
    const intervals = [
      { startMs: 0, endMs: 2 * H },
      { startMs: 2 * H, endMs: 4 * H },
      { startMs: 1 * H, endMs: 3 * H },
    ];
    expect(peakOverlap(intervals, { startMs: 0, endMs: 4 * H })).toBe(2);
  });

  it('treats windows as half-open: one ending when another starts does not overlap', () => {
    const intervals = [
      { startMs: 0, endMs: H },
      { startMs: H, endMs: 2 * H },
    ];
    expect(peakOverlap(intervals, { startMs: 0, endMs: 2 * H })).toBe(1);
  });

  it('only looks inside the window', () => {
    const intervals = [
      { startMs: 0, endMs: H },
      { startMs: 0, endMs: H },
      { startMs: 2 * H, endMs: 3 * H },
    ];
    expect(peakOverlap(intervals, { startMs: H, endMs: 3 * H })).toBe(1);
    expect(peakOverlap(intervals, { startMs: 0, endMs: 3 * H })).toBe(2);
  });
});

describe('price', () => {
  it('charges per started hour and caps each 24 h period at the daily maximum', () => {
    expect(priceForDuration(250, 1500, 30 * 60_000)).toBe(250); // half an hour = 1 h
    expect(priceForDuration(250, 1500, 3 * H + 1)).toBe(1000); // 3 h and a bit = 4 h
    expect(priceForDuration(250, 1500, 10 * H)).toBe(1500); // capped
    expect(priceForDuration(250, 1500, 26 * H)).toBe(1500 + 500); // a full day + 2 h
    expect(priceForDuration(250, null, 26 * H)).toBe(26 * 250);
  });

  it('converts between major and minor units of the currency', () => {
    expect(toMinor(12.5, 'USD', 'x')).toBe(1250);
    expect(toMajor(1250, 'USD')).toBe(12.5);
    expect(toMinor(500, 'JPY', 'x')).toBe(500);
    expect(() => toMinor(1.234, 'USD', 'price.hourlyRate')).toThrow(/more decimals/);
    expect(() => toMinor(-1, 'USD', 'price.hourlyRate')).toThrow(/zero or more/);
  });
});

describe('opening hours', () => {
  const tz = 'America/New_York';
  const at = (iso: string) => Date.parse(iso);

  it('is open only when open for the whole window, read in the facility zone', () => {
    const hours = 'Mo-Fr 06:00-22:00';
    // 2026-12-01 is a Tuesday.
    expect(
      isOpenThroughout(hours, tz, at('2026-12-01T06:00:00-05:00'), at('2026-12-01T22:00:00-05:00')),
    ).toBe(true);
    expect(
      isOpenThroughout(hours, tz, at('2026-12-01T05:59:00-05:00'), at('2026-12-01T08:00:00-05:00')),
    ).toBe(false);
    expect(
      isOpenThroughout(hours, tz, at('2026-12-01T21:00:00-05:00'), at('2026-12-01T22:01:00-05:00')),
    ).toBe(false);
    expect(
      isOpenThroughout(hours, tz, at('2026-12-01T21:00:00-05:00'), at('2026-12-02T07:00:00-05:00')),
    ).toBe(false);
    expect(
      isOpenThroughout(hours, tz, at('2026-12-05T10:00:00-05:00'), at('2026-12-05T11:00:00-05:00')),
    ).toBe(false);
    // 11:00Z is 06:00 in New York.
    expect(
      isOpenThroughout(hours, tz, at('2026-12-01T11:00:00Z'), at('2026-12-01T12:00:00Z')),
    ).toBe(true);
    expect(
      isOpenThroughout('24/7', tz, at('2026-12-01T00:00:00Z'), at('2026-12-08T00:00:00Z')),
    ).toBe(true);
  });
});
