import type { StopResolvers } from '../../generated/resolvers-types.js';
import { requireNetwork } from '../../network.js';
import { platformsOf } from '../../../../transit/index.js';

/** Stop fields read from the request's network. */
export const Stop: StopResolvers = {
  id: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.stopIds[idx]!,
  name: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.stopNames[idx]!,
  lat: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.stopLat[idx]!,
  lon: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.stopLon[idx]!,
  feedId: ({ idx }, _a, ctx) => {
    const tt = requireNetwork(ctx).tt;
    return tt.feeds[tt.stopFeed[idx]!]!.feedId;
  },
  locationType: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.stopLocationType[idx]!,
  platformCode: ({ idx }, _a, ctx) => requireNetwork(ctx).tt.stopPlatformCode[idx] ?? null,
  parentStation: ({ idx }, _a, ctx) => {
    const parent = requireNetwork(ctx).tt.stopParent[idx]!;
    return parent >= 0 ? { idx: parent } : null;
  },
  platforms: ({ idx }, _a, ctx) => {
    const tt = requireNetwork(ctx).tt;
    return Array.from(
      tt.stationChildren.subarray(tt.stationChildStart[idx], tt.stationChildStart[idx + 1]),
    ).map((c) => ({ idx: c }));
  },
  routes: ({ idx }, _a, ctx) => {
    const net = requireNetwork(ctx);
    const tt = net.tt;
    const seen = new Set<number>();
    for (const s of platformsOf(net, idx)) {
      for (let k = tt.stopPatternStart[s]!; k < tt.stopPatternStart[s + 1]!; k++) {
        seen.add(tt.patternRoute[tt.stopPatternList[k]!]!);
      }
    }
    return [...seen].sort((a, b) => a - b).map((r) => ({ idx: r }));
  },
  distanceMeters: ({ distanceMeters }) => distanceMeters ?? null,
};
