import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSampleParking } from './parking/index.js';
import type { Services } from './services.js';

/** The bundled sample feed (a subset of the Staten Island feed, cut by scripts/cut-sample-feed.ts). */
export const SAMPLE_FEED_DIR = fileURLToPath(new URL('../data/sample/si/', import.meta.url));
/** Feed id the sample is served under. */
export const SAMPLE_FEED_ID = 'si';

/** On a data folder without any feed, imports the sample feed; loads the sample parking when no facility exists. */
export async function loadSampleIfEmpty(services: Services): Promise<boolean> {
  // Sample parking sits beside sample stops: load it on first start, unless other feeds are served.
  if (
    services.feeds.list().every((f) => f.id === SAMPLE_FEED_ID) &&
    (await loadSampleParking(services.parking))
  ) {
    services.logger.info('no parking facility yet: loaded the sample facilities');
  }
  if (services.feeds.list().length > 0) return false;
  if (!existsSync(SAMPLE_FEED_DIR)) {
    services.logger.warn(
      { dir: SAMPLE_FEED_DIR },
      'no sample feed bundled; starting without transit',
    );
    return false;
  }
  services.logger.info('empty data folder: importing the bundled sample feed');
  await services.feeds.importFeed(SAMPLE_FEED_ID, SAMPLE_FEED_DIR);
  return true;
}
