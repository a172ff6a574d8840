import { mkdirSync } from 'node:fs';
import { pgApiKeys, RiderTokens, sharedSecret, sqliteApiKeys } from './auth/index.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { appDbPath, closePgDb, openAppDb, openPgDb, type PgDb } from './db/index.js';
import { FeedService, pgFeedStore } from './gtfs/index.js';
import { createLogger } from './logger.js';
import { GroupCommit } from './db/index.js';
import {
  parkingForPlanner,
  ParkingService,
  pgParkingRepository,
  sqliteGateParking,
  sqliteJourneyParking,
  sqliteParkingRepository,
} from './parking/index.js';
import { fileStreetStore, pgStreetStore, StreetService } from './osm/index.js';
import { haversineStreetRouter } from './planner/streetRouter.js';
import {
  pgRealtimeLog,
  pgRealtimeSources,
  RealtimeService,
  sqliteRealtimeLog,
  sqliteRealtimeSources,
} from './realtime/index.js';
import {
  ITINERARY_KEY_PURPOSE,
  ItineraryTokens,
  JourneyService,
  pgGateJourneys,
  pgJourneyRepository,
  sqliteGateJourneys,
  sqliteJourneyRepository,
} from './journeys/index.js';
import {
  GateService,
  PassService,
  pgPassRepository,
  PSEUDONYM_KEY_PURPOSE,
  SEAL_KEY_PURPOSE,
  sqlitePassRepository,
} from './pass/index.js';
import type { Services } from './services.js';
import { formatInstant } from './transit/index.js';

/** What the replicas of one deployment share (DATABASE_URL), opened before the services. */
export interface SharedStore {
  pg: PgDb;
  /** The server secret, the same on every replica. */
  secret: string;
  parking: ReturnType<typeof pgParkingRepository>;
}

/**
 * Connects to DATABASE_URL, applies its migrations (under an advisory lock) and loads what the
 * services read synchronously; undefined without DATABASE_URL.
 */
export async function openSharedStore(
  config: Config,
  clock: Clock = systemClock,
): Promise<SharedStore | undefined> {
  if (!config.databaseUrl) return undefined;
  const logger = createLogger(config.logLevel);
  const pg = await openPgDb(config.databaseUrl);
  try {
    const secret = await sharedSecret(pg);
    const parking = pgParkingRepository(
      pg,
      () => clock.nowMs(),
      (error: unknown) => {
        logger.warn({ err: error }, 'parking mirror refresh failed');
      },
    );
    await parking.reads.start();
    return { pg, secret, parking };
  } catch (error) {
    await closePgDb(pg, 1);
    throw error;
  }
}

/**
 * Wires the services on a data folder (the app database, migrated; feeds) and, when `shared` is
 * given (DATABASE_URL), on the shared database for keys, secrets, parking, journeys, passes and
 * the realtime log and sources, and street graphs. Nothing stored is loaded yet:
 * `feeds.loadAll()`, `streets.loadAll()`.
 */
export function createServices(
  config: Config,
  clock: Clock = systemClock,
  shared?: SharedStore,
): Services {
  mkdirSync(config.dataDir, { recursive: true });
  const logger = createLogger(config.logLevel);
  const db = openAppDb(appDbPath(config.dataDir));
  const tokens =
    shared && !process.env.JWT_SECRET
      ? new RiderTokens(new TextEncoder().encode(shared.secret))
      : RiderTokens.fromDataDir(config.dataDir);
  // Loaded by `streets.loadAll()` before the first timetable is compiled (`startServer`), so its
  // footpaths follow the streets.
  const streets = new StreetService({
    store: shared ? pgStreetStore(shared.pg) : fileStreetStore(config.dataDir),
    logger,
    nowMs: () => clock.nowMs(),
  });
  const feeds = new FeedService({
    db,
    dataDir: config.dataDir,
    logger,
    compile: { walkCircuity: config.walkCircuity, maxTransferMeters: config.maxTransferMeters },
    nowMs: () => clock.nowMs(),
    ...(shared ? { shared: pgFeedStore(shared.pg) } : {}),
    streets: () => streets.network,
  });
  // New streets, new footpaths: the served timetable is compiled again on them.
  streets.onPublish(() => void feeds.recompile());
  // One group commit per process for the hot writes: reservations, reports, bookings.
  const commits = new GroupCommit(db);
  const parkingStore = shared?.parking ?? sqliteParkingRepository(db, commits);
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
    log: shared ? pgRealtimeLog(shared.pg) : sqliteRealtimeLog(db),
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
    repository: shared
      ? pgJourneyRepository(shared.pg, shared.parking.journeyParking)
      : sqliteJourneyRepository(db, commits, sqliteJourneyParking),
    clock,
    tokens: itineraryTokens,
    live: () => ({ network: feeds.network, overlay: realtime.snapshot.overlay }),
    showTime: (instant) => formatInstant(instant, feeds.network?.primaryTimezone ?? 'UTC'),
  });
  const passRepository = shared
    ? pgPassRepository(shared.pg, shared.parking.gateParking, pgGateJourneys)
    : sqlitePassRepository(db, commits, sqliteGateParking, sqliteGateJourneys);
  const passes = new PassService({
    repository: passRepository,
    clock,
    sealKey: tokens.deriveKey(SEAL_KEY_PURPOSE),
    pseudonymKey: tokens.deriveKey(PSEUDONYM_KEY_PURPOSE),
    graceSeconds: config.passGraceSeconds,
  });
  const gate = new GateService({
    repository: passRepository,
    passes,
    clock,
    graceSeconds: config.passGraceSeconds,
  });
  return {
    config,
    clock,
    logger,
    db,
    pg: shared?.pg,
    apiKeys: shared ? pgApiKeys(shared.pg) : sqliteApiKeys(db),
    tokens,
    feeds,
    parking,
    realtime,
    realtimeSources: shared ? pgRealtimeSources(shared.pg) : sqliteRealtimeSources(db),
    streets,
    streetRouter,
    parkingForPlanner: parkingForPlanner(parking),
    itineraryTokens,
    journeys,
    passes,
    gate,
  };
}

/** Closes what `createServices` (and `openSharedStore`) opened. */
export async function closeServices(services: Services, shared?: SharedStore): Promise<void> {
  services.parking.stop();
  services.realtime.close();
  services.db.$client.close();
  if (shared) {
    await shared.parking.reads.stop();
    await closePgDb(shared.pg);
  }
}
