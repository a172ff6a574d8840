import type { TransitMode } from '../transit/modes.js';
import type { UnixSeconds } from '../transit/time.js';
import type { PlannedParking } from './parkingProvider.js';
import type { PlacePoint } from './query.js';

/** A walking leg. */
export interface WalkLeg {
  mode: 'WALK';
  from: PlacePoint;
  to: PlacePoint;
  departure: UnixSeconds;
  arrival: UnixSeconds;
  distanceMeters: number;
}

/** A stop passed on a transit leg. */
export interface IntermediateStop {
  stop: number;
  arrival: UnixSeconds;
  departure: UnixSeconds;
}

/** A ride on one vehicle run. */
export interface TransitLeg {
  mode: TransitMode;
  from: PlacePoint;
  to: PlacePoint;
  departure: UnixSeconds;
  arrival: UnixSeconds;
  /** Scheduled times (equal to departure/arrival without realtime). */
  scheduledDeparture: UnixSeconds;
  scheduledArrival: UnixSeconds;
  /** True when the times come from realtime data. */
  realtime: boolean;
  distanceMeters: number;
  trip: number;
  route: number;
  pattern: number;
  /** Compiled run and its GTFS service day. */
  run: number;
  serviceDay: number;
  boardPos: number;
  alightPos: number;
  intermediateStops: IntermediateStop[];
}

/** Driving the rider's car (CAR_PARK / CAR access). */
export interface CarLeg {
  mode: 'CAR';
  from: PlacePoint;
  to: PlacePoint;
  departure: UnixSeconds;
  arrival: UnixSeconds;
  distanceMeters: number;
}

/** Parking the car at a facility and walking out of it. */
export interface ParkLeg {
  mode: 'PARK';
  from: PlacePoint;
  to: PlacePoint;
  departure: UnixSeconds;
  arrival: UnixSeconds;
  distanceMeters: 0;
  parking: PlannedParking;
}

/** Any leg of an itinerary. */
export type Leg = WalkLeg | CarLeg | ParkLeg | TransitLeg;

/** One way from origin to destination. */
export interface Itinerary {
  departure: UnixSeconds;
  arrival: UnixSeconds;
  transfers: number;
  walkMeters: number;
  legs: Leg[];
  /** Seconds spent driving (0 without a car). */
  driveSeconds: number;
  /** Identifies the itinerary's content (trips, stops, times): equal itineraries share it. */
  signature: string;
}

/** Why a plan has no itineraries. */
export type PlanMessageCode =
  | 'NO_SERVICE_ON_DATE'
  | 'OUTSIDE_SERVICE_AREA'
  | 'NO_TRANSIT_CONNECTION'
  | 'NO_PARKING_AVAILABLE'
  | 'TIME_BUDGET_EXCEEDED'
  | 'SAME_ORIGIN_AND_DESTINATION'
  | 'FEED_NOT_IN_SERVICE';

/** The planner's answer. */
export interface PlanResult {
  itineraries: Itinerary[];
  messages: { code: PlanMessageCode; text: string }[];
  /** Where the next page (later departures) starts: departures at or after this, Unix seconds. */
  nextPageTime?: UnixSeconds;
  /** Where the previous page (earlier departures) ends: departures before this, Unix seconds. */
  previousPageTime?: UnixSeconds;
}

/** True for transit legs. */
export function isTransitLeg(leg: Leg): leg is TransitLeg {
  return leg.mode !== 'WALK' && leg.mode !== 'CAR' && leg.mode !== 'PARK';
}
