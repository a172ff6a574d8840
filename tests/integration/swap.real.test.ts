import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import { createHarness, SHARED_FEEDS, type Harness } from '../helpers/harness.js';

const SI_ZIP = path.join(SHARED_FEEDS, 'nyc-staten-island-bus.zip');

const QUERY = `{
  feeds { id counts { trips } }
  departures(stopId: "si:200001", after: "2026-12-02T08:00:00-05:00", first: 3) { trip { id } scheduledDeparture }
}`;
type Body = {
  feeds: { id: string; counts: { trips: number } }[];
  departures: { trip: { id: string } }[];
};

describe.skipIf(!existsSync(SI_ZIP))('replacing a feed while serving', () => {
  let h: Harness;
  beforeAll(async () => {
    h = createHarness();
    await h.services.feeds.importFeed('si', SAMPLE_FEED_DIR);
  }, 120_000);
  afterAll(() => h.close());

  it('keeps answering from the old version during the import, then serves the new one', async () => {
    const before = await h.gql<Body>(QUERY);
    const oldTrips = before.body.data!.feeds[0]!.counts.trips;
    const importing = h.services.feeds.importFeed('si', SI_ZIP);
    const state = { done: false };
    void importing.finally(() => (state.done = true));
    const during: Body[] = [];
    while (!state.done) {
      const res = await h.gql<Body>(QUERY);
      expect(res.body.errors).toBeUndefined();
      during.push(res.body.data!);
      await new Promise((r) => setTimeout(r, 100));
    }
    await importing;
    // Many answers while importing (the import and compile run off the event loop), all from the old version.
    expect(during.length).toBeGreaterThan(20);
    const old = during.filter((d) => d.feeds[0]!.counts.trips === oldTrips);
    expect(old.length).toBeGreaterThan(20);
    for (const d of old) expect(d.departures).toEqual(before.body.data!.departures);
    const after = await h.gql<Body>(QUERY);
    expect(after.body.data!.feeds[0]!.counts.trips).toBeGreaterThan(oldTrips);
    expect(h.services.feeds.list()[0]!.version).toBe(2);
  }, 300_000);
});
