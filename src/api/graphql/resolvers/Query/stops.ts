import { around } from 'geokdbush';
import { BadInputError } from '../../../../errors.js';
import { haversineMeters } from '../../../../transit/index.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { requireNetwork } from '../../network.js';
import { checkLatLon } from '../../validate.js';

/** Stops and stations near a point, nearest first, with their straight-line distance. */
export const stops: QueryResolvers['stops'] = (_parent, { near, radiusMeters, first }, ctx) => {
  checkLatLon(near, 'near');
  const radius = radiusMeters;
  const limit = first;
  if (radius <= 0 || radius > 5000)
    throw new BadInputError('radiusMeters must be between 1 and 5000');
  if (limit < 1 || limit > 200) throw new BadInputError('first must be between 1 and 200');
  const tt = requireNetwork(ctx).tt;
  const ids = around(tt.allStopIndex, near.lon, near.lat, Infinity, (radius / 1000) * 1.01);
  return ids
    .filter((s) => s < tt.stopCount)
    .map((s) => ({
      idx: s,
      distanceMeters: Math.round(
        haversineMeters(near.lat, near.lon, tt.stopLat[s]!, tt.stopLon[s]!),
      ),
    }))
    .filter((s) => s.distanceMeters <= radius)
    .sort((a, b) => a.distanceMeters - b.distanceMeters || a.idx - b.idx)
    .slice(0, limit);
};
