import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import { importFeedMultipart, uploadFeed } from '../helpers/feedUpload.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { zipFeedFolder } from '../helpers/zip.js';
import { HAVE_FEEDS, SUBWAY_ZIP } from '../planner/realFeeds.js';

/**
 * Importing a feed out of service goes through and answers a warning. The sample Staten Island
 * feed runs 2026-09-06 to 2027-01-02 (feed_info); the subway feed ran 2026-05-26 to 2026-10-31.
 * "Today" is the harness's injected clock. The boundaries (30 days ahead, the last day) are unit
 * tested in tests/transit/feedValidity.test.ts; an in-service upload answers no warning
 * (tests/api/feedUpload.test.ts).
 */

const SELECTION = 'feed { id startDate endDate } warnings { code feedId text }';

describe('importFeed (GraphQL) warns about a feed out of service', () => {
  let h: Harness;
  let admin: string;
  const zip = zipFeedFolder(SAMPLE_FEED_DIR);
  const importSample = async () => {
    const body = await importFeedMultipart(h, 'si', zip, SELECTION, admin);
    expect(body.errors).toBeUndefined();
    return body.data!.importFeed;
  };

  beforeAll(() => {
    h = createHarness();
    admin = h.key({ role: 'admin' });
  });
  afterAll(() => h.close());

  it('FEED_NOT_YET_VALID when the service starts more than 30 days ahead', async () => {
    h.clock.set(Date.parse('2026-08-01T12:00:00-04:00'));
    const payload = await importSample();
    expect(payload.feed).toMatchObject({ id: 'si' });
    expect(payload.warnings).toEqual([
      {
        code: 'FEED_NOT_YET_VALID',
        feedId: 'si',
        text: 'Feed si is not in service yet: it runs 2026-09-06 to 2027-01-02, starting in 36 days.',
      },
    ]);
    // The import went through: the feed is served.
    expect(h.services.feeds.network?.tt.feeds.map((f) => f.feedId)).toEqual(['si']);
  });

  it('FEED_EXPIRED the day after the last service day, in the feed timezone', async () => {
    // 2027-01-03 00:30 in New York is still 2027-01-03 05:30 UTC: the day after the end.
    h.clock.set(Date.parse('2027-01-03T00:30:00-05:00'));
    const payload = await importSample();
    expect(payload.warnings.map((w) => w.code)).toEqual(['FEED_EXPIRED']);
    expect(payload.warnings[0]!.text).toContain('2026-09-06 to 2027-01-02, which ended 1 day ago');
  });
});

describe.skipIf(!HAVE_FEEDS)(
  `feed upload (HTTP) of the real subway feed, out of service since 2026-10-31${HAVE_FEEDS ? '' : ' (SKIPPED: ../shared/feeds not found)'}`,
  () => {
    let h: Harness;
    let res: Awaited<ReturnType<typeof uploadFeed>>;

    beforeAll(async () => {
      h = createHarness({ nowMs: Date.parse('2026-12-01T12:00:00-05:00') });
      const key = h.key({ role: 'agency', feedIds: ['subway'] });
      res = await uploadFeed(h, 'subway', new Uint8Array(readFileSync(SUBWAY_ZIP)), key);
    }, 240_000);
    afterAll(() => h.close());

    it('answers 201 with a FEED_EXPIRED warning naming the validity', () => {
      expect(res.status).toBe(201);
      expect(res.body.feed).toMatchObject({ id: 'subway', version: 1 });
      expect(res.body.warnings).toEqual([
        {
          code: 'FEED_EXPIRED',
          feedId: 'subway',
          text: 'Feed subway is out of service: it ran 2026-05-26 to 2026-10-31, which ended 31 days ago.',
        },
      ]);
    });

    it('still serves the feed it warned about', async () => {
      const q = await h.gql<{ stop: { name: string } | null }>(
        '{ stop(id: "subway:127") { name } }',
      );
      expect(q.body.data?.stop?.name).toBe('Times Sq-42 St');
    });
  },
);
