import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { requireNetwork } from '../../network.js';

/** A route by its scoped id, or null. */
export const route: QueryResolvers['route'] = (_parent, { id }, ctx) => {
  const idx = requireNetwork(ctx).tt.routeIndexById.get(id);
  return idx === undefined ? null : { idx };
};
