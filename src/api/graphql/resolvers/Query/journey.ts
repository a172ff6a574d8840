import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { journeyModel, journeyReader } from '../../journeyModels.js';

/** A journey of the calling rider (any, for an admin); NOT_FOUND for another rider's. */
export const journey: QueryResolvers['journey'] = async (_parent, { id }, ctx) => {
  const booked = await ctx.services.journeys.get(journeyReader(ctx.caller), id);
  return journeyModel(ctx, booked);
};
