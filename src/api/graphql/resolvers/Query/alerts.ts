import { feedAlerts } from '../../../../realtime/index.js';
import { checkFirst } from '../../connection.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** Active alerts of a feed from the request's realtime snapshot, the first `first` (default 100, at most 500). */
export const alerts: QueryResolvers['alerts'] = (_parent, { feedId, first }, ctx) => {
  const limit = checkFirst(first, 100, 500);
  return feedAlerts(ctx.realtime, feedId, ctx.nowMs / 1000).slice(0, limit);
};
