import { BadInputError } from '../../../../errors.js';
import { checkFirst } from '../../connection.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { windowArg } from '../../parkingArgs.js';
import { checkLatLon } from '../../validate.js';

/** Facilities near a point, nearest first, the first `first` (default 50, at most 200), with window fields when `from`/`until` are given (anyone may ask). */
export const parkingFacilities: QueryResolvers['parkingFacilities'] = async (
  _parent,
  { near, radiusMeters, from, until, first },
  ctx,
) => {
  checkLatLon(near, 'near');
  if (radiusMeters < 1 || radiusMeters > 50_000)
    throw new BadInputError('radiusMeters must be between 1 and 50000');
  const limit = checkFirst(first, 50, 200);
  const window = windowArg(from, until);
  const found = await ctx.services.parking.facilitiesNear(near.lat, near.lon, radiusMeters);
  return found
    .slice(0, limit)
    .map(({ facility, distanceMeters }) => ({ facility, distanceMeters, window }));
};
