import type { ScheduledDeparture } from '../../transit/index.js';
import type { FeedMeta } from '../../transit/index.js';

/** A stop as resolvers pass it around: its index in the request's network. */
export interface StopModel {
  idx: number;
  distanceMeters?: number;
}

/** A route by its index in the request's network. */
export interface RouteModel {
  idx: number;
}

/** A trip by its index in the request's network. */
export interface TripModel {
  idx: number;
}

/** A departure on the board; realtime fields are filled by the realtime overlay. */
export type DepartureModel = ScheduledDeparture & {
  realtimeDeparture?: number;
  realtimeArrival?: number;
  delaySeconds?: number;
  realtimeState?: 'SCHEDULED' | 'UPDATED' | 'CANCELED' | 'SKIPPED';
};

/** A served feed. */
export type FeedModel = FeedMeta;

/** An agency of a feed. */
export type AgencyModel = FeedMeta['agencies'][number];

/** An itinerary with the network it was planned on (legs refer to its indices). */
export interface ItineraryModel {
  itinerary: import('../../planner/itinerary.js').Itinerary;
  id: string;
}

/** A leg of an itinerary. */
export type LegModel = import('../../planner/itinerary.js').Leg;

/** A stop passed on a transit leg. */
export type IntermediateStopModel = import('../../planner/itinerary.js').IntermediateStop;
