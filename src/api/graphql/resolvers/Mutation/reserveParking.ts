import { requireRider } from '../../../../auth/index.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';
import { reservationModels } from '../../parkingArgs.js';

/** Reserves one space for the calling rider (CONFIRMED, or HELD with `hold: true`). */
export const reserveParking: MutationResolvers['reserveParking'] = async (
  _parent,
  { input },
  ctx,
) => {
  const riderId = requireRider(ctx.caller);
  const reservation = await ctx.services.parking.reserve({
    riderId,
    facilityId: input.facilityId,
    window: { startMs: input.startsAt.getTime(), endMs: input.endsAt.getTime() },
    idempotencyKey: input.idempotencyKey,
    hold: input.hold ?? false,
  });
  return { reservation: (await reservationModels(ctx, [reservation]))[0]! };
};
