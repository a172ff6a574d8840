import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unpackFeed } from '../../src/gtfs/unpackFeed.js';
import { validateFeed } from '../../src/gtfs/validateFeed.js';
import {
  HAVE_SHARED_FEEDS,
  SAMPLE_DIR,
  SI_ZIP,
  copySample,
  countRows,
  editLines,
  expectFeedInvalid,
  getField,
  removeTempDirs,
  setField,
  tempDir,
} from './feedFixtures.js';

afterAll(removeTempDirs);

describe('validateFeed on the sample feed', () => {
  it('passes and counts what the .txt files hold', async () => {
    const summary = await validateFeed(SAMPLE_DIR);
    expect(summary).toEqual({
      stopCount: await countRows(SAMPLE_DIR, 'stops.txt'),
      routeCount: await countRows(SAMPLE_DIR, 'routes.txt'),
      tripCount: await countRows(SAMPLE_DIR, 'trips.txt'),
      stopTimeCount: await countRows(SAMPLE_DIR, 'stop_times.txt'),
      firstServiceDate: '2026-09-06',
      lastServiceDate: '2027-01-02',
      agencyTimezone: 'America/New_York',
    });
  });

  it('accepts a BOM, CRLF line ends and an intermediate stop without times', async () => {
    const dir = await copySample();
    const stops = await readFile(path.join(dir, 'stops.txt'), 'utf8');
    await writeFile(path.join(dir, 'stops.txt'), '\uFEFF' + stops.replaceAll('\n', '\r\n'));
    // Line 3 is the second stop of the first trip, with timepoint 0.
    expect(await getField(dir, 'stop_times.txt', 3, 'timepoint')).toBe('0');
    await setField(dir, 'stop_times.txt', 3, 'arrival_time', '');
    await setField(dir, 'stop_times.txt', 3, 'departure_time', '');
    await expect(validateFeed(dir)).resolves.toMatchObject({
      stopCount: await countRows(SAMPLE_DIR, 'stops.txt'),
    });
  });
});

describe('validateFeed rejects a broken feed with file, line and problem', () => {
  it('missing required file', async () => {
    const dir = await copySample();
    await rm(path.join(dir, 'stops.txt'));
    await expectFeedInvalid(validateFeed(dir), {
      file: 'stops.txt',
      parts: ['stops.txt', 'required file is missing'],
    });
  });

  it('missing both calendar files', async () => {
    const dir = await copySample();
    await rm(path.join(dir, 'calendar.txt'));
    await rm(path.join(dir, 'calendar_dates.txt'));
    await expectFeedInvalid(validateFeed(dir), { parts: ['calendar.txt', 'calendar_dates.txt'] });
  });

  it('a feed with only calendar_dates.txt is fine', async () => {
    const dir = await copySample();
    const calendar = (await readFile(path.join(dir, 'calendar.txt'), 'utf8')).trim().split('\n');
    const serviceIds = calendar.slice(1).map((line) => line.split(',')[0]!);
    await rm(path.join(dir, 'calendar.txt'));
    await editLines(dir, 'calendar_dates.txt', (lines) => [
      ...lines,
      ...serviceIds.map((id) => `${id},20261201,1`),
    ]);
    await expect(validateFeed(dir)).resolves.toMatchObject({
      tripCount: await countRows(dir, 'trips.txt'),
    });
  });

  it('missing required column', async () => {
    const dir = await copySample();
    await editLines(dir, 'stops.txt', (lines) =>
      lines.map((l) =>
        l
          .split(',')
          .filter((_, i) => i !== 3)
          .join(','),
      ),
    );
    await expectFeedInvalid(validateFeed(dir), {
      file: 'stops.txt',
      line: 1,
      parts: ['stops.txt line 1', 'missing required column "stop_lat"'],
    });
  });

  it('missing required column in stop_times.txt', async () => {
    const dir = await copySample();
    await editLines(dir, 'stop_times.txt', (lines) =>
      lines.map((l) =>
        l
          .split(',')
          .filter((_, i) => i !== 1)
          .join(','),
      ),
    );
    await expectFeedInvalid(validateFeed(dir), {
      file: 'stop_times.txt',
      line: 1,
      parts: ['stop_times.txt line 1', 'missing required column "arrival_time"'],
    });
  });

  it('unparsable time', async () => {
    const dir = await copySample();
    await setField(dir, 'stop_times.txt', 5, 'arrival_time', '7:5:00');
    await expectFeedInvalid(validateFeed(dir), {
      file: 'stop_times.txt',
      line: 5,
      parts: ['stop_times.txt line 5', 'arrival_time "7:5:00" is not a time'],
    });
  });

  it('time with minutes out of range', async () => {
    const dir = await copySample();
    await setField(dir, 'stop_times.txt', 9, 'departure_time', '25:61:00');
    await expectFeedInvalid(validateFeed(dir), {
      line: 9,
      parts: ['stop_times.txt line 9', 'departure_time "25:61:00"'],
    });
  });

  it('times after midnight (hours ≥ 24) are fine', async () => {
    const dir = await copySample();
    await setField(dir, 'stop_times.txt', 2, 'arrival_time', '24:59:00');
    await setField(dir, 'stop_times.txt', 2, 'departure_time', '24:59:00');
    await expect(validateFeed(dir)).resolves.toBeDefined();
  });

  it('first stop of a trip without times', async () => {
    const dir = await copySample();
    // Line 2 is the first stop of the first trip.
    expect(await getField(dir, 'stop_times.txt', 2, 'stop_sequence')).toBe('1');
    await setField(dir, 'stop_times.txt', 2, 'arrival_time', '');
    await setField(dir, 'stop_times.txt', 2, 'departure_time', '');
    await setField(dir, 'stop_times.txt', 2, 'timepoint', '0');
    await expectFeedInvalid(validateFeed(dir), {
      line: 2,
      parts: [
        'stop_times.txt line 2',
        'first stop of trip',
        'needs arrival_time and departure_time',
      ],
    });
  });

  it('pickup_type outside 0 to 3', async () => {
    const dir = await copySample();
    await setField(dir, 'stop_times.txt', 4, 'pickup_type', '7');
    await expectFeedInvalid(validateFeed(dir), {
      line: 4,
      parts: ['stop_times.txt line 4', 'pickup_type "7" is not 0 to 3'],
    });
  });

  it('unparsable coordinate', async () => {
    const dir = await copySample();
    await setField(dir, 'stops.txt', 4, 'stop_lon', 'west');
    await expectFeedInvalid(validateFeed(dir), {
      file: 'stops.txt',
      line: 4,
      parts: ['stops.txt line 4', 'stop_lon "west" is not a number between -180 and 180'],
    });
  });

  it('out-of-range coordinate', async () => {
    const dir = await copySample();
    await setField(dir, 'stops.txt', 6, 'stop_lat', '95.5');
    await expectFeedInvalid(validateFeed(dir), {
      line: 6,
      parts: ['stops.txt line 6', 'stop_lat "95.5"'],
    });
  });

  it('dangling stop_time trip', async () => {
    const dir = await copySample();
    await setField(dir, 'stop_times.txt', 7, 'trip_id', 'NO_SUCH_TRIP');
    await expectFeedInvalid(validateFeed(dir), {
      file: 'stop_times.txt',
      line: 7,
      parts: ['stop_times.txt line 7', 'trip_id "NO_SUCH_TRIP" does not exist in trips.txt'],
    });
  });

  it('dangling stop_time stop', async () => {
    const dir = await copySample();
    await setField(dir, 'stop_times.txt', 5, 'stop_id', 'X');
    await expectFeedInvalid(validateFeed(dir), {
      file: 'stop_times.txt',
      line: 5,
      parts: ['stop_times.txt line 5: stop_id "X" does not exist in stops.txt'],
    });
  });

  it('trip with an unknown service_id or route_id', async () => {
    const dir = await copySample();
    await setField(dir, 'trips.txt', 3, 'service_id', 'NEVER');
    await setField(dir, 'trips.txt', 8, 'route_id', 'S999');
    const error = await expectFeedInvalid(validateFeed(dir), {
      line: 3,
      parts: [
        'trips.txt line 3',
        'service_id "NEVER"',
        'trips.txt line 8: route_id "S999" does not exist',
      ],
    });
    expect(error.message).toContain('1 more problems');
  });

  it('unknown parent_station, even when parents may come later', async () => {
    const dir = await copySample();
    await setField(dir, 'stops.txt', 2, 'parent_station', 'NOWHERE');
    await expectFeedInvalid(validateFeed(dir), {
      line: 2,
      parts: ['stops.txt line 2', 'parent_station "NOWHERE"'],
    });
  });

  it('unparsable date', async () => {
    const dir = await copySample();
    await setField(dir, 'calendar_dates.txt', 4, 'date', '20261131');
    await expectFeedInvalid(validateFeed(dir), {
      file: 'calendar_dates.txt',
      line: 4,
      parts: ['calendar_dates.txt line 4', 'date "20261131" is not a date of the form YYYYMMDD'],
    });
  });

  it('empty stop_times.txt', async () => {
    const dir = await copySample();
    await editLines(dir, 'stop_times.txt', (lines) => lines.slice(0, 1));
    await expectFeedInvalid(validateFeed(dir), {
      file: 'stop_times.txt',
      parts: ['stop_times.txt', 'no stop times'],
    });
  });

  it('a row with a missing field', async () => {
    const dir = await copySample();
    await editLines(dir, 'routes.txt', (lines) =>
      lines.map((l, i) => (i === 2 ? l.split(',').slice(0, -1).join(',') : l)),
    );
    await expectFeedInvalid(validateFeed(dir), {
      line: 3,
      parts: ['routes.txt line 3', 'has 7 fields, the header has 8'],
    });
  });

  it('counts lines inside quoted fields, so line numbers stay right', async () => {
    const dir = await copySample();
    await setField(dir, 'stops.txt', 2, 'stop_desc', '"two\nlines"');
    // The old line 5 is now file line 6.
    await setField(dir, 'stops.txt', 6, 'stop_lat', 'x');
    await expectFeedInvalid(validateFeed(dir), {
      line: 6,
      parts: ['stops.txt line 6', 'stop_lat "x"'],
    });
  });

  it('stops at 20 problems and says there are more', async () => {
    const dir = await copySample();
    await editLines(dir, 'stop_times.txt', (lines) =>
      lines.map((l, i) => (i > 0 && i <= 30 ? l.replace(/^[^,]*/, 'GONE') : l)),
    );
    await expectFeedInvalid(validateFeed(dir), {
      line: 2,
      parts: ['stop_times.txt line 2', 'trip_id "GONE"', '19+ more problems'],
    });
  });
});

describe.skipIf(!HAVE_SHARED_FEEDS)('validateFeed on the full Staten Island feed', () => {
  it('passes (timing logged)', async () => {
    const folder = await unpackFeed(SI_ZIP, await tempDir());
    const started = performance.now();
    const summary = await validateFeed(folder);
    const ms = Math.round(performance.now() - started);
    console.log(
      `validateFeed(nyc-staten-island-bus): ${summary.stopTimeCount} stop_times in ${ms} ms`,
    );
    expect(summary).toMatchObject({ stopCount: 1968, tripCount: 16524, stopTimeCount: 804835 });
  });
});
