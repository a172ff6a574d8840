import { requireOperatorOrAdmin } from '../../../../auth/require.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';
import { facilityInputOf } from '../../parkingArgs.js';

/** Creates or updates a facility of the calling operator (admins name the operator). */
export const upsertParkingFacility: MutationResolvers['upsertParkingFacility'] = (
  _parent,
  { input },
  ctx,
) => {
  const operatorId = requireOperatorOrAdmin(ctx.caller);
  return {
    facility: { facility: ctx.services.parking.upsertFacility(facilityInputOf(input), operatorId) },
  };
};
