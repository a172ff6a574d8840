import type { Logger } from 'pino';
import type { ApiKeyRepository, RiderTokens } from './auth/index.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { AppDb, PgDb } from './db/index.js';
import type { FeedService } from './gtfs/index.js';
import type { ParkingService } from './parking/ParkingService.js';
import type { RealtimeService, RealtimeSourceRepository } from './realtime/index.js';
import type { StreetRouter } from './planner/streetRouter.js';
import type { ParkingForPlanner } from './parking/forPlanner.js';
import type { ItineraryTokens } from './journeys/itineraryToken.js';
import type { JourneyService } from './journeys/JourneyService.js';
import type { GateService, PassService } from './pass/index.js';
import type { StreetService } from './osm/index.js';

/** Everything the API layer calls, wired once in `createServices`. */
export interface Services {
  config: Config;
  clock: Clock;
  logger: Logger;
  /** The embedded SQLite file: everything without DATABASE_URL; what stays per machine with it. */
  db: AppDb;
  /** The shared PostgreSQL database when DATABASE_URL is set (DESIGN.md §9). */
  pg: PgDb | undefined;
  /** API keys, in the shared database when there is one. */
  apiKeys: ApiKeyRepository;
  tokens: RiderTokens;
  feeds: FeedService;
  parking: ParkingService;
  realtime: RealtimeService;
  /** The GTFS-Realtime URLs polled per feed, in the shared database when there is one. */
  realtimeSources: RealtimeSourceRepository;
  /** Street graphs imported from OpenStreetMap (DESIGN.md §10); empty until loaded or imported. */
  streets: StreetService;
  /** Driving times for CAR and CAR_PARK legs (default: haversine × DRIVE_CIRCUITY at DRIVE_SPEED_KMH). */
  streetRouter: StreetRouter;
  /** Parking as the planner sees it. */
  parkingForPlanner: ParkingForPlanner;
  /** Signed, expiring itinerary ids (ITINERARY_TTL_SECONDS). */
  itineraryTokens: ItineraryTokens;
  /** Booking and following journeys. */
  journeys: JourneyService;
  /** Journey passes: issuing, verifying, the signing keys (DESIGN.md §11). */
  passes: PassService;
  /** The lot's gate: check-in, check-out, revocations. */
  gate: GateService;
}
