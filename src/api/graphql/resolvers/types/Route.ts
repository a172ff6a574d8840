import { modeOfRouteType } from '../../../../transit/index.js';
import type { RouteResolvers } from '../../generated/resolvers-types.js';
import { requireNetwork } from '../../network.js';

/** Route fields read from the request's network. */
export const Route: RouteResolvers = {
  id: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.routeIds[idx]!,
  feedId: ({ idx }, _a, ctx) => {
    const tt = requireNetwork(ctx).tt;
    return tt.feeds[tt.routeFeed[idx]!]!.feedId;
  },
  shortName: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.routeShortName[idx] ?? null,
  longName: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.routeLongName[idx] ?? null,
  mode: ({ idx }, _a, ctx) => modeOfRouteType(requireNetwork(ctx).tt.routeType[idx]!),
  type: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.routeType[idx]!,
  color: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.routeColor[idx] ?? null,
  textColor: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.routeTextColor[idx] ?? null,
  agencyName: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.routeAgencyName[idx] ?? null,
};
