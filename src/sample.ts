import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Services } from './services.js';

/** The bundled sample feed (a subset of the Staten Island feed, cut by scripts/cut-sample-feed.ts). */
export const SAMPLE_FEED_DIR = fileURLToPath(new URL('../data/sample/si/', import.meta.url));
/** Feed id the sample is served under. */
export const SAMPLE_FEED_ID = 'si';

/** On a data folder without any feed, imports the sample feed (and later the sample parking). */
export async function loadSampleIfEmpty(services: Services): Promise<boolean> {
  if (services.feeds.list().length > 0) return false;
  if (!existsSync(SAMPLE_FEED_DIR)) {
    services.logger.warn({ dir: SAMPLE_FEED_DIR }, 'no sample feed bundled; starting without transit');
    return false;
  }
  services.logger.info('empty data folder: importing the bundled sample feed');
  await services.feeds.importFeed(SAMPLE_FEED_ID, SAMPLE_FEED_DIR);
  return true;
}
