import { requireRider } from '../../../../auth/index.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';
import { journeyModel } from '../../journeyModels.js';

/** Cancels the calling rider's journey and releases its parking. */
export const cancelJourney: MutationResolvers['cancelJourney'] = async (
  _parent,
  { input },
  ctx,
) => {
  const booked = await ctx.services.journeys.cancel(requireRider(ctx.caller), input.id);
  return { journey: journeyModel(ctx, booked) };
};
