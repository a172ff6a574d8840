import type { TripResolvers } from '../../generated/resolvers-types.js';
import { requireNetwork } from '../../network.js';

/** Trip fields read from the request's network. */
export const Trip: TripResolvers = {
  id: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.tripIds[idx]!,
  headsign: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.tripHeadsign[idx] ?? null,
  route: ({ idx }, _a, ctx) => ({ idx: requireNetwork(ctx).tt.tripRoute[idx]! }),
};
