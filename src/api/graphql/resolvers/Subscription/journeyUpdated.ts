import { isCompactRide } from '../../../../journeys/index.js';
import type { GraphQLContext } from '../../context.js';
import type { SubscriptionResolvers } from '../../generated/resolvers-types.js';
import { journeyModel, journeyReader, type JourneyModel } from '../../journeyModels.js';
import { realtimeChanges } from './realtimeChanges.js';

/** The journey on the latest network, realtime snapshot and clock (the context moves to them). */
async function current(ctx: GraphQLContext, id: string): Promise<JourneyModel> {
  const booked = await ctx.services.journeys.get(journeyReader(ctx.caller), id);
  ctx.network = ctx.services.feeds.network;
  ctx.realtime = ctx.services.realtime.snapshot;
  ctx.nowMs = ctx.services.clock.nowMs();
  return journeyModel(ctx, booked);
}

/** Pushes the journey at once and again after every realtime change of a feed it rides on. */
export const journeyUpdated: SubscriptionResolvers['journeyUpdated'] = {
  subscribe: async function* (_parent, { id }, ctx) {
    const first = await current(ctx, id);
    yield { journeyUpdated: first };
    const feeds = new Set(
      first.booked.itinerary.l
        .filter(isCompactRide)
        .map((ride) => ride.t.slice(0, ride.t.indexOf(':'))),
    );
    for await (const changed of realtimeChanges(ctx.services)) {
      if (changed === '*' || feeds.has(changed)) yield { journeyUpdated: await current(ctx, id) };
    }
  },
};
