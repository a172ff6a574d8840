import { beforeAll, describe, expect, it } from 'vitest';
import { readFeedSource } from '../../src/gtfs/readFeedSource.js';
import { compileTimetable } from '../../src/transit/compile.js';
import { Network } from '../../src/transit/network.js';
import { canonicalTerm, nameWords } from '../../src/transit/stopNameTerms.js';
import { searchStops } from '../../src/transit/stopSearch.js';
import { HAVE_FEEDS, SI_ZIP, SUBWAY_ZIP } from '../planner/realFeeds.js';
import { importedFeedFile } from '../helpers/feedCache.js';

describe('stop name terms', () => {
  it('drops punctuation and case, keeps "&" as a word', () => {
    expect(nameWords("St. George's Sq-42 St")).toEqual(['st', 'georges', 'sq', '42', 'st']);
    expect(nameWords('RAMP C S46&S96')).toEqual(['ramp', 'c', 's46', '&', 's96']);
    expect(nameWords('Saint-Étienne')).toEqual(['saint', 'etienne']);
  });

  it('maps abbreviations, long forms and ordinals to one term', () => {
    const canon = (text: string) => nameWords(text).map(canonicalTerm).join(' ');
    expect(canon('Saint George')).toBe(canon('St. George'));
    expect(canon('42nd Street')).toBe(canon('42 St'));
    expect(canon('Richmond Avenue')).toBe(canon('RICHMOND AV'));
    expect(canon('Richmond Ave')).toBe(canon('RICHMOND AV'));
    expect(canon('Times Square')).toBe(canon('Times Sq'));
    expect(canon('S46 and S96')).toBe(canon('S46 & S96'));
    expect(canon('George')).toBe('george');
  });
});

const SKIP = 'SKIPPED: ../shared/feeds (nyc-staten-island-bus.zip, nyc-subway.zip) not found';

describe.skipIf(!HAVE_FEEDS)(
  `stop search on Staten Island bus + subway${HAVE_FEEDS ? '' : ` (${SKIP})`}`,
  () => {
    let net: Network;
    const names = (text: string, limit = 10) =>
      searchStops(net, text, limit).map((s) => net.tt.stopNames[s]!);
    const ids = (text: string, limit = 10) =>
      searchStops(net, text, limit).map((s) => net.tt.stopIds[s]!);

    beforeAll(async () => {
      const [si, subway] = await Promise.all([
        importedFeedFile(SI_ZIP),
        importedFeedFile(SUBWAY_ZIP),
      ]);
      const sources = [readFeedSource(si, 'si', 0), readFeedSource(subway, 'subway', 0)];
      net = new Network(compileTimetable(sources, { walkCircuity: 1.25, maxTransferMeters: 400 }));
    });

    it.each(['st george', 'St. George', 'saint george', 'ST GEORGE'])(
      '"%s" finds St George first, then the SAINT GEORGE ferry ramps',
      (text) => {
        const found = names(text, 20);
        expect(found[0]).toBe('St George');
        expect(found).toContain('SAINT GEORGE FERRY/RAMP A');
        expect(found).toContain('SAINT GEORGE FERRY/RAMP D');
        for (const name of found) expect(name).toMatch(/(SAINT|St) GEORGE/i);
      },
    );

    it('"times square" finds every Times Sq-42 St station, not their platforms', () => {
      const stations = net.tt.stopIds.filter(
        (_id, s) => net.tt.stopNames[s] === 'Times Sq-42 St' && net.tt.stopLocationType[s] === 1,
      );
      expect(stations.length).toBeGreaterThan(1);
      expect(ids('times square').sort()).toEqual(stations.sort());
      expect(ids('Times Sq')).toEqual(ids('times square'));
    });

    it('ignores punctuation and reads ordinals: "42nd street" = "42 st" = "42 St."', () => {
      const found = names('42 st', 30);
      expect(found.length).toBeGreaterThan(5);
      for (const name of found) expect(name).toMatch(/\b42 St\b/i);
      expect(names('42nd street', 30)).toEqual(found);
      expect(names('42 St.', 30)).toEqual(found);
      expect(names('times-sq/42 st.')).toEqual(names('times sq 42 st'));
    });

    it('reads "&" as "and" and "avenue" as "av"', () => {
      expect(ids('ramp c s46 and s96')).toEqual(['si:202538']);
      expect(ids('RAMP C S46 & S96')).toEqual(['si:202538']);
      const av = names('richmond av', 50);
      expect(av.length).toBeGreaterThan(10);
      expect(names('richmond avenue', 50)).toEqual(av);
      expect(names('Richmond Ave.', 50)).toEqual(av);
    });

    it('tolerates one typo in a word', () => {
      expect(names('tims square')).toEqual(names('times square'));
      expect(names('saint gorge', 50)).toContain('SAINT GEORGE FERRY/RAMP A');
      expect(names('grand centrl')).toEqual([
        'Grand Central-42 St',
        'Grand Central-42 St',
        'Grand Central-42 St',
      ]);
    });

    it('ranks names starting with the query before names that only contain it', () => {
      const starts = (name: string) => /^richmond av\b/i.test(name);
      const found = names('richmond av', 100);
      const firstOther = found.findIndex((n) => !starts(n));
      expect(firstOther).toBeGreaterThan(0);
      expect(found.slice(firstOther).some(starts)).toBe(false);
    });

    it('reads the last word as the start of a word', () => {
      const found = names('port richm', 30);
      expect(found).toContain('PORT RICHMOND AV/RICHMOND TERR');
      for (const name of found) {
        expect(nameWords(name).some((w) => w.startsWith('richm'))).toBe(true);
      }
    });

    it('returns at most `limit` stops, and none for text without a letter or digit', () => {
      expect(names('av', 7)).toHaveLength(7);
      expect(names('...')).toEqual([]);
      expect(names('no such stop anywhere')).toEqual([]);
    });

    it('never returns a platform named like its station', () => {
      const tt = net.tt;
      for (const text of ['42 st', 'times', 'grand central', 'st george', 'av']) {
        for (const s of searchStops(net, text, 100)) {
          const parent = tt.stopParent[s]!;
          expect(parent < 0 || tt.stopNames[parent] !== tt.stopNames[s]).toBe(true);
        }
      }
    });
  },
);
