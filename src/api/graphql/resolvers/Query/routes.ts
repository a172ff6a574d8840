import type { Network } from '../../../../transit/index.js';
import { checkFirst } from '../../connection.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

const sortedByNetwork = new WeakMap<Network, number[]>();

/** Route indexes of a network by feed-scoped id (code-unit order), computed once per network. */
function routesById(net: Network): number[] {
  let sorted = sortedByNetwork.get(net);
  if (!sorted) {
    const ids = net.tt.routeIds;
    sorted = Array.from({ length: net.tt.routeCount }, (_, r) => r).sort((a, b) =>
      ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0,
    );
    sortedByNetwork.set(net, sorted);
  }
  return sorted;
}

/** Routes of one feed (or all) that have trips, in id order, the first `first` (default 500, at most 1000). */
export const routes: QueryResolvers['routes'] = (_parent, { feedId, first }, ctx) => {
  const limit = checkFirst(first, 500, 1000);
  const net = ctx.network;
  if (!net) return [];
  const feedIndex = feedId ? net.tt.feeds.findIndex((f) => f.feedId === feedId) : -1;
  if (feedId && feedIndex < 0) return [];
  const out: { idx: number }[] = [];
  for (const r of routesById(net)) {
    if (out.length === limit) break;
    if (feedIndex < 0 || net.tt.routeFeed[r] === feedIndex) out.push({ idx: r });
  }
  return out;
};
