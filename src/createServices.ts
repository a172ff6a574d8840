import { mkdirSync } from 'node:fs';
import { RiderTokens } from './auth/index.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { appDbPath, openAppDb } from './db/index.js';
import { FeedService } from './gtfs/index.js';
import { createLogger } from './logger.js';
import { GroupCommit } from './db/index.js';
import {
  parkingForPlanner,
  ParkingService,
  sqliteJourneyParking,
  sqliteParkingRepository,
} from './parking/index.js';
import { fileStreetStore, StreetService } from './osm/index.js';
import { haversineStreetRouter } from './planner/streetRouter.js';
import { RealtimeService } from './realtime/index.js';
import {
  ITINERARY_KEY_PURPOSE,
  ItineraryTokens,
  JourneyService,
  sqliteJourneyRepository,
} from './journeys/index.js';
import type { Services } from './services.js';

/** Wires the services on a data folder: the app database (migrated), keys, feeds. */
export function createServices(config: Config, clock: Clock = systemClock): Services {
  mkdirSync(config.dataDir, { recursive: true });
  const logger = createLogger(config.logLevel);
  const db = openAppDb(appDbPath(config.dataDir));
  const tokens = RiderTokens.fromDataDir(config.dataDir);
  const streets = new StreetService({
    store: fileStreetStore(config.dataDir),
    logger,
    nowMs: () => clock.nowMs(),
  });
  // The stored graphs are read now, so the first timetable compiled walks its footpaths on them.
  streets.loadAll();
  const feeds = new FeedService({
    db,
    dataDir: config.dataDir,
    logger,
    compile: { walkCircuity: config.walkCircuity, maxTransferMeters: config.maxTransferMeters },
    nowMs: () => clock.nowMs(),
    streets: () => streets.network,
  });
  // New streets, new footpaths: the served timetable is compiled again on them.
  streets.onPublish(() => void feeds.recompile());
  // One group commit per process for the hot writes: reservations, reports, bookings.
  const commits = new GroupCommit(db);
  const parkingStore = sqliteParkingRepository(db, commits);
  const parking = new ParkingService({
    repository: parkingStore.repository,
    reads: parkingStore.reads,
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
    repository: sqliteJourneyRepository(db, commits, sqliteJourneyParking),
    clock,
    tokens: itineraryTokens,
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
    streets,
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
