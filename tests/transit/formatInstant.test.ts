import { expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { formatInstant } from '../../src/transit/time.js';
it('matches luxon around DST and across zones', () => {
  for (const tz of [
    'America/New_York',
    'Europe/Paris',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'UTC',
  ]) {
    for (
      let t = Date.parse('2026-03-01T00:00:00Z') / 1000;
      t < Date.parse('2026-11-10T00:00:00Z') / 1000;
      t += 1789
    ) {
      expect(formatInstant(t, tz)).toBe(
        DateTime.fromSeconds(t, { zone: tz }).toISO({
          suppressMilliseconds: true,
          includeOffset: true,
        }),
      );
    }
  }
});
