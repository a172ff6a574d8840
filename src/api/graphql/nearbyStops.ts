import { around } from 'geokdbush';
import { BadInputError } from '../../errors.js';
import { walkMeters } from '../../transit/index.js';
import type { GraphQLContext } from './context.js';
import type { StopModel } from './models.js';

/** Stops and stations within `maxWalkMeters` of walk distance (DESIGN.md §4) of a point, nearest first. */
export function stopsWithinWalk(
  ctx: GraphQLContext,
  lat: number,
  lon: number,
  maxWalkMeters: number,
): StopModel[] {
  if (!Number.isInteger(maxWalkMeters) || maxWalkMeters < 1 || maxWalkMeters > 2000) {
    throw new BadInputError('maxWalkMeters must be between 1 and 2000');
  }
  const tt = ctx.network?.tt;
  if (!tt) return [];
  const circuity = ctx.services.config.walkCircuity;
  // Walk distance ≥ straight line, so the straight-line radius bounds the candidates.
  const ids = around(tt.allStopIndex, lon, lat, Infinity, (maxWalkMeters / circuity / 1000) * 1.01);
  return ids
    .filter((s) => s < tt.stopCount)
    .map((s) => ({
      idx: s,
      distanceMeters: walkMeters(lat, lon, tt.stopLat[s]!, tt.stopLon[s]!, circuity),
    }))
    .filter((s) => s.distanceMeters <= maxWalkMeters)
    .sort((a, b) => a.distanceMeters - b.distanceMeters || a.idx - b.idx);
}
