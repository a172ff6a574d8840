import type { MutationResolvers } from '../../generated/resolvers-types.js';
import { requireGateOperator } from '../../gateCaller.js';
import { reservationModels } from '../../parkingArgs.js';

/** A lot's gate checks a pass in (the facility's operator key). */
export const checkInParking: MutationResolvers['checkInParking'] = async (
  _parent,
  { input },
  ctx,
) => {
  const outcome = await ctx.services.gate.checkIn(requireGateOperator(ctx.caller), {
    pass: input.pass,
    facilityId: input.facilityId,
    atMs: input.at.getTime(),
    idempotencyKey: input.idempotencyKey,
  });
  const [reservation] = await reservationModels(ctx, [outcome.reservation]);
  return { reservation: reservation!, replayed: outcome.replayed };
};
