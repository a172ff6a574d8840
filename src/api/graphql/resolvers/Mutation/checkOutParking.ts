import type { MutationResolvers } from '../../generated/resolvers-types.js';
import { requireGateOperator } from '../../gateCaller.js';
import { reservationModels } from '../../parkingArgs.js';

/** A lot's gate checks a car out, by reservation id or pass (the facility's operator key). */
export const checkOutParking: MutationResolvers['checkOutParking'] = async (
  _parent,
  { input },
  ctx,
) => {
  const outcome = await ctx.services.gate.checkOut(requireGateOperator(ctx.caller), {
    reservationId: input.reservationId ?? undefined,
    pass: input.pass ?? undefined,
    atMs: input.at.getTime(),
    idempotencyKey: input.idempotencyKey,
  });
  const [reservation] = await reservationModels(ctx, [outcome.reservation]);
  return { reservation: reservation!, replayed: outcome.replayed };
};
