import type { TransitMode } from '../transit/modes.js';
import type { UnixSeconds } from '../transit/time.js';

/** An origin or destination: coordinates, or a stop (index) with its coordinates. */
export interface PlacePoint {
  lat: number;
  lon: number;
  /** Stop index when the place is a stop or station. */
  stop?: number;
  name?: string;
}

/** A planning request with every default resolved (PLAN_DEFAULTS). */
export interface PlanQuery {
  from: PlacePoint;
  to: PlacePoint;
  /** Leave at or after this instant (`arriveBy` false), or arrive at or before it (true). */
  time: UnixSeconds;
  arriveBy: boolean;
  /**
   * With `arriveBy` false: departures before `time`, latest first (the previous page), instead of
   * at or after it. Default false.
   */
  departBefore?: boolean;
  /** Walking speed, m/s; default 1.3. */
  walkSpeed: number;
  /** Longest access, egress or direct walk, metres of walk distance; default 1000. */
  maxWalkMeters: number;
  /** Most changes of vehicle; default 6. */
  maxTransfers: number;
  /** Itineraries wanted; default 3. */
  numItineraries: number;
  /** Modes allowed; undefined allows all, an empty set none (walking or driving only). */
  transitModes?: ReadonlySet<TransitMode>;
  /** Seconds added to every change of vehicle; default 60. */
  transferSlack: number;
  /** How to reach transit: walking, driving to a park-and-ride lot, or driving all the way; default WALK. */
  accessModes?: ReadonlySet<AccessMode>;
  /** End of the parking window for CAR_PARK/CAR; default the end of the local day. */
  parkingUntil?: UnixSeconds;
  /**
   * Asked between searches: true stops planning and answers with what was found (the planner
   * has no clock of its own; the API passes a check of its time budget).
   */
  outOfTime?: () => boolean;
}

/** Access modes, spelled as the GraphQL enum `AccessMode`. */
export type AccessMode = 'WALK' | 'CAR_PARK' | 'CAR';

/** Defaults of `PlanQuery` (DESIGN.md §4), in one place. */
export const PLAN_DEFAULTS = {
  walkSpeed: 1.3,
  maxWalkMeters: 1000,
  maxTransfers: 6,
  numItineraries: 3,
  transferSlack: 60,
} as const;

/** Bounds that inputs are checked against (BAD_USER_INPUT outside them). */
export const PLAN_LIMITS = {
  walkSpeed: { min: 0.1, max: 10 },
  maxWalkMeters: { min: 0, max: 5000 },
  maxTransfers: { min: 0, max: 10 },
  numItineraries: { min: 1, max: 10 },
  transferSlack: { min: 0, max: 3600 },
} as const;
