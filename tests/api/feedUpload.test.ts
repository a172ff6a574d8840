import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import { describeDialects } from '../helpers/dialects.js';
import type { Harness } from '../helpers/harness.js';
import { importFeedMultipart, uploadFeed as upload } from '../helpers/feedUpload.js';
import { zipFeedFolder } from '../helpers/zip.js';

const DEPARTURES = `query($stopId: ID!, $after: DateTime) {
  departures(stopId: $stopId, after: $after, first: 5) { trip { id } scheduledDeparture }
}`;

/** A stop of the sample feed that has departures: the first stop of the first trip. */
function sampleStopId(): string {
  const lines = readFileSync(path.join(SAMPLE_FEED_DIR, 'stop_times.txt'), 'utf8').split('\n');
  const header = lines[0]!.split(',');
  const row = lines[1]!.split(',');
  return `si:${row[header.indexOf('stop_id')]!.trim()}`;
}

/** The registry: the data folder's (SQLite), or the shared one every replica follows (PostgreSQL). */
describeDialects('feed upload over HTTP and the feed registry', ({ harness }) => {
  let h: Harness;
  let admin: string;
  let siAgency: string;
  let otherAgency: string;
  let first: Awaited<ReturnType<typeof upload>>;
  const stopId = sampleStopId();
  const after = '2026-12-02T07:00:00-05:00';

  beforeAll(async () => {
    h = await harness();
    admin = await h.apiKey({ role: 'admin' });
    siAgency = await h.apiKey({ role: 'agency', feedIds: ['si'] });
    otherAgency = await h.apiKey({ role: 'agency', feedIds: ['subway'] });
    first = await upload(h, 'si', zipFeedFolder(SAMPLE_FEED_DIR), siAgency);
    expect(first.status).toBe(201);
  }, 120_000);
  afterAll(() => h.close());

  it('answers 201 with the feed and no warnings for a feed in service, and registers it', async () => {
    expect(first.body).toMatchObject({ feed: { id: 'si', version: 1 }, warnings: [] });
    expect(await h.services.feeds.registry()).toMatchObject([
      { id: 'si', version: 1, source: 'feed.zip' },
    ]);
  });

  it('answers departures from the uploaded feed', async () => {
    const res = await h.gql<{ departures: unknown[] }>(DEPARTURES, { stopId, after });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.departures.length).toBeGreaterThan(0);
  });

  it('refuses an upload without a key with 401 UNAUTHENTICATED', async () => {
    const res = await upload(h, 'si', zipFeedFolder(SAMPLE_FEED_DIR));
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('UNAUTHENTICATED');
  });

  it("refuses another feed's agency key with 403 FORBIDDEN", async () => {
    const res = await upload(h, 'si', zipFeedFolder(SAMPLE_FEED_DIR), otherAgency);
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('FORBIDDEN');
  });

  it('refuses an unknown key with 401', async () => {
    const res = await upload(
      h,
      'si',
      zipFeedFolder(SAMPLE_FEED_DIR),
      'maas_000000000000_notarealsecretatall',
    );
    expect(res.status).toBe(401);
  });

  it.each([
    ['a body that is not a zip', () => Buffer.from('this is not a zip file at all'), /zip/i],
    ['an empty upload', () => Buffer.alloc(0), /empty/i],
    [
      'a missing stops.txt',
      () => zipFeedFolder(SAMPLE_FEED_DIR, { 'stops.txt': null }),
      /stops\.txt/,
    ],
    [
      'a stop_time with an unknown stop',
      () => {
        const text = readFileSync(path.join(SAMPLE_FEED_DIR, 'stop_times.txt'), 'utf8').split('\n');
        const header = text[0]!.split(',');
        const row = text[1]!.split(',');
        row[header.indexOf('stop_id')] = 'NO_SUCH_STOP';
        text[1] = row.join(',');
        return zipFeedFolder(SAMPLE_FEED_DIR, { 'stop_times.txt': text.join('\n') });
      },
      /stop_times\.txt line 2/,
    ],
  ])(
    'rejects %s with FEED_INVALID and keeps serving the old version',
    async (_name, body, message) => {
      const before = await h.gql<{ departures: unknown[] }>(DEPARTURES, { stopId, after });
      const res = await upload(h, 'si', body(), admin);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('FEED_INVALID');
      expect(res.body.error?.message).toMatch(message);
      const afterwards = await h.gql<{ departures: unknown[] }>(DEPARTURES, { stopId, after });
      expect(afterwards.body.data).toEqual(before.body.data);
      expect((await h.services.feeds.registry()).map((f) => f.version)).toEqual([1]);
    },
  );

  it('imports through the GraphQL multipart mutation importFeed', async () => {
    const body = await importFeedMultipart(
      h,
      'si',
      zipFeedFolder(SAMPLE_FEED_DIR),
      'feed { id counts { trips } }',
      admin,
    );
    expect(body.data?.importFeed.feed.id).toBe('si');
    const trips =
      readFileSync(path.join(SAMPLE_FEED_DIR, 'trips.txt'), 'utf8').trim().split('\n').length - 1;
    expect(body.data?.importFeed.feed.counts?.trips).toBe(trips);
    expect((await h.services.feeds.registry()).map((f) => f.version)).toEqual([2]);
  });

  it('refuses importFeed without a key with UNAUTHENTICATED', async () => {
    const body = await importFeedMultipart(h, 'si', new Uint8Array([1]), 'feed { id }');
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never stores a key in plain text', async () => {
    const rows = await h.query('SELECT * FROM api_keys');
    const dump = JSON.stringify(rows);
    for (const key of [admin, siAgency, otherAgency]) {
      expect(dump).not.toContain(key.slice('maas_000000000000_'.length));
    }
    expect(rows.length).toBe(3);
  });

  it('unregisters a removed feed, which stops being served', async () => {
    await h.services.feeds.remove('si');
    expect(await h.services.feeds.registry()).toEqual([]);
    expect(h.services.feeds.network).toBeUndefined();
    await expect(h.services.feeds.remove('si')).rejects.toThrow(/not loaded/);
  });
});
