import { requireRider } from '../../../../auth/index.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';
import { journeyModel } from '../../journeyModels.js';

/** Books a planned itinerary for the calling rider: its parking and the journey, together or not at all. */
export const bookJourney: MutationResolvers['bookJourney'] = async (_parent, { input }, ctx) => {
  const riderId = requireRider(ctx.caller);
  const booked = await ctx.services.journeys.book(riderId, input.itineraryId, input.idempotencyKey);
  return { journey: journeyModel(ctx, booked) };
};
