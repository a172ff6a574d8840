import { feedAlerts } from '../../../../realtime/index.js';
import { checkFirst } from '../../connection.js';
import type { SubscriptionResolvers } from '../../generated/resolvers-types.js';
import { realtimeChanges } from './realtimeChanges.js';

/** Pushes a feed's active alerts (the first `first`, as `alerts`) at once and after each change of that feed's realtime data. */
export const alertsUpdated: SubscriptionResolvers['alertsUpdated'] = {
  subscribe: async function* (_parent, { feedId, first }, ctx) {
    const limit = checkFirst(first, 100, 500);
    const current = () => {
      const nowSec = ctx.services.clock.nowMs() / 1000;
      return feedAlerts(ctx.services.realtime.snapshot, feedId, nowSec).slice(0, limit);
    };
    yield { alertsUpdated: current() };
    for await (const changed of realtimeChanges(ctx.services)) {
      if (changed === feedId || changed === '*') yield { alertsUpdated: current() };
    }
  },
};
