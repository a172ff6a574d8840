import { departureAlerts, departureVehicle } from '../../../../realtime/index.js';
import type {
  AlertCause,
  AlertEffect,
  AlertResolvers,
  DepartureResolvers,
  VehiclePositionResolvers,
} from '../../generated/resolvers-types.js';
import { requireNetwork } from '../../network.js';
import { formatInstant } from '../../../../transit/index.js';

/** A vehicle position; `updatedAt` in the agency's local offset, like every DateTime. */
export const VehiclePosition: VehiclePositionResolvers = {
  lat: (v) => v.lat,
  lon: (v) => v.lon,
  bearing: (v) => v.bearing ?? null,
  updatedAt: (v, _a, ctx) => formatInstant(v.timestamp, ctx.network?.primaryTimezone ?? 'UTC'),
};

/** A service alert; ids are feed-scoped. */
export const Alert: AlertResolvers = {
  id: (a) => `${a.feedId}:${a.id}`,
  headerText: (a) => a.headerText ?? null,
  descriptionText: (a) => a.descriptionText ?? null,
  url: (a) => a.url ?? null,
  effect: (a) => a.effect as AlertEffect,
  cause: (a) => a.cause as AlertCause,
};

/** The realtime fields of `Departure` added by graphql/realtime.graphql. */
export const departureRealtimeFields: Pick<DepartureResolvers, 'vehicle' | 'alerts'> = {
  vehicle: (d, _a, ctx) =>
    departureVehicle(requireNetwork(ctx), ctx.realtime, d, ctx.nowMs / 1000) ?? null,
  alerts: (d, _a, ctx) => departureAlerts(requireNetwork(ctx), ctx.realtime, d, ctx.nowMs / 1000),
};
