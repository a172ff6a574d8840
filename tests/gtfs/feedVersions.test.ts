import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServices, createServices } from '../../src/createServices.js';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import type { Services } from '../../src/services.js';
import { createHarness, type Harness } from '../helpers/harness.js';

/**
 * Several server processes share a data folder (WORKERS > 1): the one that imports a new version
 * swaps at once, the others a moment later, so the previous version's file must outlive the
 * import, and each process must read the file of the version it serves.
 */
describe('feed versions on a shared data folder', () => {
  let h: Harness;
  let other: Services;
  const files = () =>
    readdirSync(path.join(h.dataDir, 'feeds'))
      .filter((f) => f.endsWith('.sqlite'))
      .map((f) => Number(/\.v(\d+)\./.exec(f)?.[1]))
      .sort();

  beforeAll(async () => {
    h = createHarness();
    await h.services.feeds.importFeed('si', SAMPLE_FEED_DIR);
    // A second process on the folder, serving version 1.
    other = createServices({ ...h.config }, h.clock);
    other.feeds.loadAll();
  }, 60_000);
  afterAll(async () => {
    await closeServices(other);
    await h.close();
  });

  it('keeps the previous version while another process may still serve it, and deletes older ones', async () => {
    expect(files()).toEqual([1]);
    await h.services.feeds.importFeed('si', SAMPLE_FEED_DIR);
    expect(files()).toEqual([1, 2]);
    // The other process still serves version 1, from its file, and knows it does.
    expect(other.feeds.servedRow('si')?.version).toBe(1);
    expect(other.feeds.list().find((r) => r.id === 'si')?.version).toBe(2);
    expect(readdirSync(path.join(h.dataDir, 'feeds'))).toContain(
      other.feeds.servedRow('si')!.fileName,
    );

    await h.services.feeds.importFeed('si', SAMPLE_FEED_DIR);
    expect(files()).toEqual([2, 3]);
    expect(h.services.feeds.servedRow('si')?.version).toBe(3);
  }, 120_000);
});
