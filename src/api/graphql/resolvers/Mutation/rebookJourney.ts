import { requireRider } from '../../../../auth/index.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';
import { journeyModel } from '../../journeyModels.js';

/** Moves the calling rider's journey onto another itinerary (its parking kept, swapped or released) in one transaction. */
export const rebookJourney: MutationResolvers['rebookJourney'] = async (
  _parent,
  { input },
  ctx,
) => {
  const booked = await ctx.services.journeys.rebook(
    requireRider(ctx.caller),
    input.id,
    input.itineraryId,
    input.idempotencyKey,
  );
  return { journey: journeyModel(ctx, booked) };
};
