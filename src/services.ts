import type { Logger } from 'pino';
import type { RiderTokens } from './auth/index.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { AppDb } from './db/index.js';
import type { FeedService } from './gtfs/index.js';
import type { ParkingService } from './parking/ParkingService.js';
import type { RealtimeService } from './realtime/index.js';
import type { StreetRouter } from './planner/streetRouter.js';
import type { ParkingForPlanner } from './parking/forPlanner.js';
import type { ItineraryTokens } from './journeys/itineraryToken.js';
import type { JourneyService } from './journeys/JourneyService.js';
import type { StreetService } from './osm/index.js';

/** Everything the API layer calls, wired once in `createServices`. */
export interface Services {
  config: Config;
  clock: Clock;
  logger: Logger;
  db: AppDb;
  tokens: RiderTokens;
  feeds: FeedService;
  parking: ParkingService;
  realtime: RealtimeService;
  /** Street graphs imported from OpenStreetMap (DESIGN.md §10); empty until one is imported. */
  streets: StreetService;
  /** Driving times for CAR and CAR_PARK legs (default: haversine × DRIVE_CIRCUITY at DRIVE_SPEED_KMH). */
  streetRouter: StreetRouter;
  /** Parking as the planner sees it. */
  parkingForPlanner: ParkingForPlanner;
  /** Signed, expiring itinerary ids (ITINERARY_TTL_SECONDS). */
  itineraryTokens: ItineraryTokens;
  /** Booking and following journeys. */
  journeys: JourneyService;
}
