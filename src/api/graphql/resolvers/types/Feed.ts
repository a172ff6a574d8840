import { formatDay, formatInstant } from '../../../../transit/index.js';
import type { AgencyResolvers, FeedResolvers } from '../../generated/resolvers-types.js';

/** A served feed. */
export const Feed: FeedResolvers = {
  id: (f) => f.feedId,
  agency: (f) => f.agencies[0] ?? null,
  agencies: (f) => f.agencies,
  timezone: (f) => f.timezone,
  startDate: (f) => (Number.isFinite(f.startDay) ? formatDay(f.startDay) : null),
  endDate: (f) => (Number.isFinite(f.endDay) ? formatDay(f.endDay) : null),
  version: (f) => f.version,
  counts: (f) => f.counts,
  importedAt: (f) => formatInstant(f.importedAtMs / 1000, f.timezone),
};

/** An agency of a feed. */
export const Agency: AgencyResolvers = {
  id: (a) => a.agencyId,
  name: (a) => a.name,
  url: (a) => a.url,
  timezone: (a) => a.timezone,
};
