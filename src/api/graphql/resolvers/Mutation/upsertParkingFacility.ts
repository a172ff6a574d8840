import { requireOperatorOrAdmin } from '../../../../auth/index.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';
import { facilityInputOf } from '../../parkingArgs.js';

/** Creates or updates a facility of the calling operator (admins name the operator). */
export const upsertParkingFacility: MutationResolvers['upsertParkingFacility'] = async (
  _parent,
  { input },
  ctx,
) => {
  const operatorId = requireOperatorOrAdmin(ctx.caller);
  const facility = await ctx.services.parking.upsertFacility(facilityInputOf(input), operatorId);
  return { facility: { facility } };
};
