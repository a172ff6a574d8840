import { requireRider } from '../../../../auth/require.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';
import { reservationModels } from '../../parkingArgs.js';

/** Confirms the calling rider's HELD reservation. */
export const confirmParkingReservation: MutationResolvers['confirmParkingReservation'] = (
  _parent,
  { input },
  ctx,
) => {
  const reservation = ctx.services.parking.confirm(requireRider(ctx.caller), input.id);
  return { reservation: reservationModels(ctx, [reservation])[0]! };
};
