import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { windowArg } from '../../parkingArgs.js';

/** A facility by id, or null (anyone may ask). */
export const parkingFacility: QueryResolvers['parkingFacility'] = async (
  _parent,
  { id, from, until },
  ctx,
) => {
  const window = windowArg(from, until);
  const facility = await ctx.services.parking.facility(id);
  return facility ? { facility, window } : null;
};
