import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { requireNetwork } from '../../network.js';

/** A stop by its scoped id, or null. */
export const stop: QueryResolvers['stop'] = (_parent, { id }, ctx) => {
  const idx = requireNetwork(ctx).tt.stopIndexById.get(id);
  return idx === undefined ? null : { idx };
};
