import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** Routes of one feed (or all) that have trips, in id order. */
export const routes: QueryResolvers['routes'] = (_parent, { feedId }, ctx) => {
  const tt = ctx.network?.tt;
  if (!tt) return [];
  const feedIndex = feedId ? tt.feeds.findIndex((f) => f.feedId === feedId) : -1;
  if (feedId && feedIndex < 0) return [];
  const out: { idx: number }[] = [];
  for (let r = 0; r < tt.routeCount; r++) {
    if (feedIndex >= 0 && tt.routeFeed[r] !== feedIndex) continue;
    out.push({ idx: r });
  }
  return out;
};
