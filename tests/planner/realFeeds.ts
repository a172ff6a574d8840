import { existsSync } from 'node:fs';
import path from 'node:path';

/** The real feeds of `../shared/feeds` (see its README). */
export const FEEDS_DIR = path.resolve(import.meta.dirname, '../../../shared/feeds');
export const SI_ZIP = path.join(FEEDS_DIR, 'nyc-staten-island-bus.zip');
export const SUBWAY_ZIP = path.join(FEEDS_DIR, 'nyc-subway.zip');
export const HAVE_FEEDS = existsSync(SI_ZIP) && existsSync(SUBWAY_ZIP);
