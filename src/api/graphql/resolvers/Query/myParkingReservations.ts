import { requireRider } from '../../../../auth/index.js';
import { checkFirst, connectionOf, decodeCursor } from '../../connection.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { reservationModels } from '../../parkingArgs.js';

/** The calling rider's reservations, newest first. */
export const myParkingReservations: QueryResolvers['myParkingReservations'] = async (
  _parent,
  { first, after },
  ctx,
) => {
  const riderId = requireRider(ctx.caller);
  const page = await ctx.services.parking.riderReservations(
    riderId,
    checkFirst(first),
    after ? decodeCursor(after) : undefined,
  );
  return connectionOf(
    await reservationModels(ctx, page.items),
    page.hasNextPage,
    ({ reservation: r }) => ({
      sortMs: r.createdAt.getTime(),
      id: r.id,
    }),
  );
};
