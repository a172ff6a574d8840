import { feedAlerts } from '../../../../realtime/alerts.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

/** Active alerts of a feed, from the request's realtime snapshot. */
export const alerts: QueryResolvers['alerts'] = (_parent, { feedId }, ctx) => feedAlerts(ctx.realtime, feedId, ctx.nowMs / 1000);
