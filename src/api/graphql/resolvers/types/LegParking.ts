import { NotFoundError } from '../../../../errors.js';
import { formatInstant } from '../../../../transit/index.js';
import type { LegParkingResolvers } from '../../generated/resolvers-types.js';

/** The parking of a PARK leg; the facility is read from the parking service. */
export const LegParking: LegParkingResolvers = {
  facility: async (p, _a, ctx) => {
    const facility = await ctx.services.parking.facility(p.facilityId);
    if (!facility) throw new NotFoundError(`facility "${p.facilityId}" no longer exists`);
    return { facility };
  },
  availableSpaces: (p) => p.availableSpaces,
  stale: (p) => p.stale,
  reservable: (p) => p.reservable,
  price: (p) => p.price,
  startsAt: (p, _a, ctx) => formatInstant(p.startsAt, ctx.network?.primaryTimezone ?? 'UTC'),
  endsAt: (p, _a, ctx) => formatInstant(p.endsAt, ctx.network?.primaryTimezone ?? 'UTC'),
  status: (p) => p.status,
  closesAt: (p, _a, ctx) =>
    p.closesAt === null ? null : formatInstant(p.closesAt, ctx.network?.primaryTimezone ?? 'UTC'),
};
