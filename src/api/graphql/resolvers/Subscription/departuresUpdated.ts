import { BadInputError, NotFoundError } from '../../../../errors.js';
import { liveDeparturesFrom, type LiveDeparture } from '../../../../realtime/index.js';
import type { GraphQLContext } from '../../context.js';
import type { SubscriptionResolvers } from '../../generated/resolvers-types.js';
import { requireNetwork } from '../../network.js';
import { realtimeChanges } from './realtimeChanges.js';

/** The board from now, on the latest network and realtime snapshot (the context moves to them). */
function board(ctx: GraphQLContext, stopId: string, first: number): LiveDeparture[] {
  ctx.network = ctx.services.feeds.network;
  ctx.realtime = ctx.services.realtime.snapshot;
  ctx.nowMs = ctx.services.clock.nowMs();
  const net = requireNetwork(ctx);
  const stop = net.tt.stopIndexById.get(stopId);
  if (stop === undefined) throw new NotFoundError(`stop "${stopId}" does not exist`);
  const nowSec = ctx.nowMs / 1000;
  return liveDeparturesFrom(net, ctx.realtime, stop, Math.floor(nowSec), first, nowSec);
}

/** Pushes the board of a stop at once and again after every realtime change. */
export const departuresUpdated: SubscriptionResolvers['departuresUpdated'] = {
  subscribe: async function* (_parent, { stopId, first }, ctx) {
    if (first < 1 || first > 100) throw new BadInputError('first must be between 1 and 100');
    yield { departuresUpdated: board(ctx, stopId, first) };
    const feedId = stopId.slice(0, stopId.indexOf(':'));
    for await (const changed of realtimeChanges(ctx.services)) {
      if (changed === feedId || changed === '*')
        yield { departuresUpdated: board(ctx, stopId, first) };
    }
  },
};
