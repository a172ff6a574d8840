import { requireOperatorAccess, requireOperatorOrAdmin } from '../../../../auth/index.js';
import { NotFoundError } from '../../../../errors.js';
import { checkFirst, connectionOf, decodeCursor } from '../../connection.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { windowArg } from '../../parkingArgs.js';

/** Reservations of one facility by start time (its operator's key, or admin); riders' identities stay hidden. */
export const operatorReservations: QueryResolvers['operatorReservations'] = async (
  _parent,
  { facilityId, from, until, first, after },
  ctx,
) => {
  requireOperatorOrAdmin(ctx.caller);
  const facility = await ctx.services.parking.facility(facilityId);
  if (!facility) throw new NotFoundError(`parking facility "${facilityId}" does not exist`);
  requireOperatorAccess(ctx.caller, facility.operatorId);
  const window = windowArg(from, until);
  const page = await ctx.services.parking.facilityReservations(
    facility.id,
    checkFirst(first),
    window,
    after ? decodeCursor(after) : undefined,
  );
  const nodes = page.items.map((reservation) => ({ reservation, facility }));
  return connectionOf(nodes, page.hasNextPage, ({ reservation: r }) => ({
    sortMs: r.startsAt.getTime(),
    id: r.id,
  }));
};
