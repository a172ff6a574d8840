import { requireRider } from '../../../../auth/index.js';
import { checkFirst, connectionOf, decodeCursor } from '../../connection.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { journeyModel } from '../../journeyModels.js';

/** The calling rider's journeys, latest departure first. */
export const myJourneys: QueryResolvers['myJourneys'] = async (_parent, { first, after }, ctx) => {
  const riderId = requireRider(ctx.caller);
  const page = await ctx.services.journeys.list(
    riderId,
    checkFirst(first),
    after ? decodeCursor(after) : undefined,
  );
  return connectionOf(
    page.items.map((booked) => journeyModel(ctx, booked)),
    page.hasNextPage,
    ({ booked: { journey: j } }) => ({ sortMs: j.departureAt.getTime(), id: j.id }),
  );
};
