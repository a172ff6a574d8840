import { requireRider } from '../../../../auth/index.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';
import { reservationModels } from '../../parkingArgs.js';

/** Cancels the calling rider's reservation, freeing its space. */
export const cancelParkingReservation: MutationResolvers['cancelParkingReservation'] = async (
  _parent,
  { input },
  ctx,
) => {
  const reservation = await ctx.services.parking.cancel(requireRider(ctx.caller), input.id);
  return { reservation: (await reservationModels(ctx, [reservation]))[0]! };
};
