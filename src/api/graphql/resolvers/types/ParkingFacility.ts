import { toMajor, type WindowOffer } from '../../../../parking/index.js';
import { formatInstant } from '../../../../transit/index.js';
import { checkFirst } from '../../connection.js';
import type { GraphQLContext } from '../../context.js';
import { stopsWithinWalk } from '../../nearbyStops.js';
import type { ParkingFacilityResolvers } from '../../generated/resolvers-types.js';
import type { ParkingFacilityModel } from '../../parkingModels.js';

const offers = new WeakMap<ParkingFacilityModel, Promise<WindowOffer>>();

/** The offer for the model's window, computed once per model. */
function offerOf(
  model: ParkingFacilityModel,
  ctx: GraphQLContext,
): Promise<WindowOffer> | undefined {
  if (!model.window) return undefined;
  let offer = offers.get(model);
  if (!offer) {
    offer = ctx.services.parking.offer(model.facility, model.window);
    offers.set(model, offer);
  }
  return offer;
}

/** Facility fields; window fields are null without `from`/`until`. */
export const ParkingFacility: ParkingFacilityResolvers = {
  id: ({ facility }) => facility.id,
  name: ({ facility }) => facility.name,
  location: ({ facility }) => ({ lat: facility.lat, lon: facility.lon }),
  kind: ({ facility }) => facility.kind,
  totalSpaces: ({ facility }) => facility.totalSpaces,
  reservableSpaces: ({ facility }) => facility.reservableSpaces,
  openingHours: ({ facility }) => facility.openingHours,
  timezone: ({ facility }) => facility.timezone,
  price: ({ facility: f }) => ({
    currency: f.currency,
    hourlyRate: toMajor(f.hourlyRate, f.currency),
    dailyMax: f.dailyMax === null ? null : toMajor(f.dailyMax, f.currency),
  }),
  accessibleSpaces: ({ facility }) => facility.accessibleSpaces,
  evChargingSpaces: ({ facility }) => facility.evChargingSpaces,
  availability: async ({ facility }, _args, ctx) => {
    const live = await ctx.services.parking.live(facility.id);
    return (
      live && { ...live, observedAt: formatInstant(live.observedAtMs / 1000, facility.timezone) }
    );
  },
  reservableSpacesLeft: async (model, _args, ctx) =>
    (await offerOf(model, ctx))?.reservableLeft ?? null,
  openDuringWindow: async (model, _args, ctx) => (await offerOf(model, ctx))?.open ?? null,
  priceForWindow: async (model, _args, ctx) => {
    const offer = await offerOf(model, ctx);
    return offer
      ? { amount: toMajor(offer.priceMinor, offer.currency), currency: offer.currency }
      : null;
  },
  distanceMeters: ({ distanceMeters }) => distanceMeters ?? null,
  nearbyStops: ({ facility }, { maxWalkMeters, first }, ctx) => {
    const limit = checkFirst(first, 20, 100);
    return stopsWithinWalk(ctx, facility.lat, facility.lon, maxWalkMeters).slice(0, limit);
  },
};
