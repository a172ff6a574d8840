import { requireRider } from '../../../../auth/index.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';
import { reservationModels } from '../../parkingArgs.js';

/** Confirms the calling rider's HELD reservation. */
export const confirmParkingReservation: MutationResolvers['confirmParkingReservation'] = async (
  _parent,
  { input },
  ctx,
) => {
  const reservation = await ctx.services.parking.confirm(requireRider(ctx.caller), input.id);
  return { reservation: (await reservationModels(ctx, [reservation]))[0]! };
};
