import { feedAlerts } from '../../../../realtime/alerts.js';
import type { SubscriptionResolvers } from '../../generated/resolvers-types.js';
import { realtimeChanges } from './realtimeChanges.js';

/** Pushes a feed's active alerts at once and after each change of that feed's realtime data. */
export const alertsUpdated: SubscriptionResolvers['alertsUpdated'] = {
  subscribe: async function* (_parent, { feedId }, ctx) {
    const current = () => feedAlerts(ctx.services.realtime.snapshot, feedId, ctx.services.clock.nowMs() / 1000);
    yield { alertsUpdated: current() };
    for await (const changed of realtimeChanges(ctx.services)) {
      if (changed === feedId || changed === '*') yield { alertsUpdated: current() };
    }
  },
};
