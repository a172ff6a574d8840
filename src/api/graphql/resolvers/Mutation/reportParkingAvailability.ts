import { requireOperatorOrAdmin } from '../../../../auth/index.js';
import type { MutationResolvers } from '../../generated/resolvers-types.js';

/** Applies a batch of live availability reports of the calling operator's facilities (admins: any). */
export const reportParkingAvailability: MutationResolvers['reportParkingAvailability'] = (
  _parent,
  { input },
  ctx,
) => {
  const operatorId = requireOperatorOrAdmin(ctx.caller);
  const reports = input.reports.map((r) => ({
    facilityId: r.facilityId,
    availableSpaces: r.availableSpaces,
    status: r.status,
    observedAtMs: r.observedAt.getTime(),
  }));
  return ctx.services.parking.reportAvailability(reports, operatorId);
};
