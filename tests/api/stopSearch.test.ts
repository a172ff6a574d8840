import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { HAVE_FEEDS, SUBWAY_ZIP } from '../planner/realFeeds.js';
import { importFeedOnce } from '../helpers/feedCache.js';

const SEARCH = `query($text: String!, $first: Int) {
  stopSearch(text: $text, first: $first) { id name locationType platforms { id } }
}`;

interface Found {
  id: string;
  name: string;
  locationType: number;
  platforms: { id: string }[];
}

describe.skipIf(!HAVE_FEEDS)(
  `stopSearch over GraphQL (sample Staten Island feed + subway)${HAVE_FEEDS ? '' : ' (SKIPPED: ../shared/feeds not found)'}`,
  () => {
    let h: Harness;
    const search = async (text: string, first?: number) => {
      const res = await h.gql<{ stopSearch: Found[] }>(SEARCH, { text, first });
      return res.body;
    };

    beforeAll(async () => {
      h = createHarness();
      await importFeedOnce(h, 'si', SAMPLE_FEED_DIR);
      await importFeedOnce(h, 'subway', SUBWAY_ZIP);
    }, 240_000);
    afterAll(() => h.close());

    it('"St. George" and "st george" find the SAINT GEORGE stops, the St George station first', async () => {
      for (const text of ['St. George', 'st george']) {
        const body = await search(text, 20);
        expect(body.errors).toBeUndefined();
        const found = body.data!.stopSearch;
        expect(found[0]).toMatchObject({ id: 'subway:S31', name: 'St George', locationType: 1 });
        const si = found.filter((s) => s.id.startsWith('si:'));
        expect(si.length).toBeGreaterThan(5);
        for (const s of si) expect(s.name).toContain('SAINT GEORGE');
      }
    });

    it('"times square" answers the Times Sq-42 St stations, each with its platforms', async () => {
      const body = await search('times square');
      expect(body.errors).toBeUndefined();
      const found = body.data!.stopSearch;
      expect(found.map((s) => s.id)).toContain('subway:127');
      for (const s of found) {
        expect(s).toMatchObject({ name: 'Times Sq-42 St', locationType: 1 });
        expect(s.platforms.length).toBeGreaterThan(0);
      }
      const station127 = found.find((s) => s.id === 'subway:127')!;
      expect(station127.platforms.map((p) => p.id).sort()).toEqual(['subway:127N', 'subway:127S']);
    });

    it('defaults to 10 results and honours first', async () => {
      expect((await search('av')).data!.stopSearch).toHaveLength(10);
      expect((await search('av', 3)).data!.stopSearch).toHaveLength(3);
    });

    it.each([
      ['an empty text', '   ', 10, /text must not be empty/],
      ['first 0', 'av', 0, /first must be between 1 and 100/],
      ['first 101', 'av', 101, /first must be between 1 and 100/],
    ])('refuses %s with BAD_USER_INPUT', async (_what, text, first, message) => {
      const body = await search(text, first);
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(message);
    });
  },
);
