import { DomainError } from '../../errors.js';
import type { Network } from '../../transit/index.js';
import type { GraphQLContext } from './context.js';

/** The request's network, or a clear error while no feed is loaded yet. */
export function requireNetwork(ctx: GraphQLContext): Network {
  if (!ctx.network) throw new DomainError('NOT_FOUND', 'no transit feed is loaded yet');
  return ctx.network;
}

/** Timezone of the feed a stop/route/trip belongs to. */
export function feedTimezone(net: Network, feedIndex: number): string {
  return net.tt.feeds[feedIndex]?.timezone ?? net.primaryTimezone;
}
