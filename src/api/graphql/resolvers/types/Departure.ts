import { formatDay, formatInstant } from '../../../../transit/index.js';
import type { DepartureResolvers } from '../../generated/resolvers-types.js';
import type { GraphQLContext } from '../../context.js';
import { feedTimezone, requireNetwork } from '../../network.js';
import { departureRealtimeFields } from './Realtime.js';

/** Times are shown in the timezone of the stop's feed. */
export const Departure: DepartureResolvers = {
  trip: (d) => ({ idx: d.trip }),
  route: (d, _a, ctx) => ({ idx: requireNetwork(ctx).tt.tripRoute[d.trip]! }),
  stop: (d) => ({ idx: d.stop }),
  headsign: (d, _a, ctx) => requireNetwork(ctx).tt.tripHeadsign[d.trip] ?? null,
  serviceDate: (d) => formatDay(d.serviceDay),
  scheduledDeparture: (d, _a, ctx) => formatInstant(d.departure, tz(ctx, d.stop)),
  scheduledArrival: (d, _a, ctx) => formatInstant(d.arrival, tz(ctx, d.stop)),
  realtimeDeparture: (d, _a, ctx) =>
    d.realtimeDeparture === undefined ? null : formatInstant(d.realtimeDeparture, tz(ctx, d.stop)),
  realtimeArrival: (d, _a, ctx) =>
    d.realtimeArrival === undefined ? null : formatInstant(d.realtimeArrival, tz(ctx, d.stop)),
  delaySeconds: (d) => d.delaySeconds ?? null,
  realtimeState: (d) => d.realtimeState ?? 'SCHEDULED',
  ...departureRealtimeFields,
};

function tz(ctx: GraphQLContext, stop: number): string {
  const net = requireNetwork(ctx);
  return feedTimezone(net, net.tt.stopFeed[stop]!);
}
