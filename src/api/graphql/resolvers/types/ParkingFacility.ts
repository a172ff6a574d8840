import { toMajor } from '../../../../parking/money.js';
import type { WindowOffer } from '../../../../parking/types.js';
import { formatInstant } from '../../../../transit/time.js';
import { checkFirst } from '../../connection.js';
import type { GraphQLContext } from '../../context.js';
import { stopsWithinWalk } from '../../nearbyStops.js';
import type { ParkingFacilityResolvers } from '../../generated/resolvers-types.js';
import type { ParkingFacilityModel } from '../../parkingModels.js';

const offers = new WeakMap<ParkingFacilityModel, WindowOffer>();

/** The offer for the model's window, computed once per model. */
function offerOf(model: ParkingFacilityModel, ctx: GraphQLContext): WindowOffer | undefined {
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
  availability: ({ facility }, _args, ctx) => {
    const live = ctx.services.parking.live(facility.id);
    return (
      live && { ...live, observedAt: formatInstant(live.observedAtMs / 1000, facility.timezone) }
    );
  },
  reservableSpacesLeft: (model, _args, ctx) => offerOf(model, ctx)?.reservableLeft ?? null,
  openDuringWindow: (model, _args, ctx) => offerOf(model, ctx)?.open ?? null,
  priceForWindow: (model, _args, ctx) => {
    const offer = offerOf(model, ctx);
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
