import { mkdirSync } from 'node:fs';
import { RiderTokens } from './auth/riderTokens.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { appDbPath, openAppDb } from './db/client.js';
import { FeedService } from './gtfs/feedService.js';
import { createLogger } from './logger.js';
import { ParkingService } from './parking/ParkingService.js';
import { parkingForPlanner } from './parking/forPlanner.js';
import { haversineStreetRouter } from './planner/streetRouter.js';
import { RealtimeService } from './realtime/RealtimeService.js';
import { ITINERARY_KEY_PURPOSE, ItineraryTokens } from './journeys/itineraryToken.js';
import { JourneyService } from './journeys/JourneyService.js';
import type { Services } from './services.js';

/** Wires the services on a data folder: the app database (migrated), keys, feeds. */
export function createServices(config: Config, clock: Clock = systemClock): Services {
  mkdirSync(config.dataDir, { recursive: true });
  const logger = createLogger(config.logLevel);
  const db = openAppDb(appDbPath(config.dataDir));
  const tokens = RiderTokens.fromDataDir(config.dataDir);
  const feeds = new FeedService({
    db,
    dataDir: config.dataDir,
    logger,
    compile: { walkCircuity: config.walkCircuity, maxTransferMeters: config.maxTransferMeters },
    nowMs: () => clock.nowMs(),
  });
  const parking = new ParkingService({
    db,
    clock,
    logger,
    holdSeconds: config.holdSeconds,
    availabilityStaleSeconds: config.availabilityStaleSeconds,
    defaultTimezone: () => feeds.network?.tt.feeds[0]?.timezone ?? 'America/New_York',
  });
  const realtime = new RealtimeService({
    db,
    feeds,
    clock,
    logger,
    maxAgeSeconds: config.realtimeMaxAgeSeconds,
    dataDir: config.dataDir,
  });
  const streetRouter = haversineStreetRouter({
    circuity: config.driveCircuity,
    speedKmh: config.driveSpeedKmh,
  });
  const itineraryTokens = new ItineraryTokens(
    tokens.deriveKey(ITINERARY_KEY_PURPOSE),
    config.itineraryTtlSeconds,
  );
  const journeys = new JourneyService({
    db,
    clock,
    tokens: itineraryTokens,
    commits: parking.commits,
  });
  return {
    config,
    clock,
    logger,
    db,
    tokens,
    feeds,
    parking,
    realtime,
    streetRouter,
    parkingForPlanner: parkingForPlanner(parking),
    itineraryTokens,
    journeys,
  };
}

/** Closes what `createServices` opened. */
export function closeServices(services: Services): void {
  services.parking.stop();
  services.realtime.close();
  services.db.$client.close();
}
