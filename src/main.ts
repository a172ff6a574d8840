import { serve } from '@hono/node-server';
import { createApp } from './api/index.js';
import { loadConfig, type Config } from './config.js';
import { closeServices, createServices, openSharedStore } from './createServices.js';
import { RealtimePoller } from './realtime/index.js';
import { loadSampleIfEmpty } from './sample.js';
import { isLeader, signalReady } from './cluster/index.js';
import { LeaderLock } from './db/index.js';

/**
 * Starts the server on the configured data folder: compiles every registered feed, imports the
 * sample on first start, listens, and shuts down gracefully on SIGTERM / SIGINT.
 */
export async function startServer(
  config: Config = loadConfig(),
): Promise<{ close: () => Promise<void>; port: number }> {
  // DATABASE_URL: connect and migrate first; a replica that cannot reach its database does not start.
  const shared = await openSharedStore(config);
  const services = createServices(config, undefined, shared);
  const { logger } = services;
  // The stored street graphs first, so the first timetable compiled walks its footpaths on them.
  await services.streets.loadAll().catch((error: unknown) => {
    logger.error({ err: error }, 'street graphs failed to load; serving without them for now');
  });
  services.feeds.loadAll();
  // DATABASE_URL: the shared registry is the truth; import what this data folder lacks, then follow it.
  if (shared) {
    await services.feeds.syncShared().catch((error: unknown) => {
      logger.error({ err: error }, 'feeds from the database failed to load; serving what is here');
    });
  }
  const stopShared = await services.feeds.followShared();
  // Journeys cancelled, re-booked or checked in through another replica: its followers hear it here.
  const stopJourneys = await services.journeys.followShared().catch((error: unknown) => {
    logger.error({ err: error }, 'following journey changes of other replicas failed');
    return () => Promise.resolve();
  });
  // Feeds imported with the CLI on this data folder are served without a restart.
  const stopWatching = services.feeds.watch();
  // Streets too (imported with the CLI, through another worker or, on DATABASE_URL, another replica).
  const stopWatchingStreets = await services.streets.follow();
  // Realtime comes from the realtime log in app.sqlite: replayed now, then followed (other processes' pushes).
  const stopFollowing = services.realtime.follow();
  // Polls the GTFS-Realtime URLs stored with `maas feed realtime` (read again every 5 s).
  const poller = new RealtimePoller({
    sources: services.realtimeSources,
    realtime: services.realtime,
    logger,
  });
  // Once per server: the hold sweeper (holds also expire lazily on every check) and realtime
  // polling; on one machine worker 0 runs them, with DATABASE_URL the holder of the leader lock.
  const startJobs = () => {
    services.parking.start();
    poller.start();
  };
  const stopJobs = () => {
    services.parking.stop();
    poller.stop();
  };
  const leaderLock =
    shared &&
    new LeaderLock(config.databaseUrl!, {
      onLead: () => {
        logger.info('leader: running the once-per-server jobs');
        startJobs();
      },
      onLose: () => {
        logger.warn('lost the leader lock: once-per-server jobs stopped');
        stopJobs();
      },
      onError: (error) => logger.warn({ err: error }, 'leader lock connection failed'),
    });
  if (leaderLock) await leaderLock.start();
  else if (isLeader()) startJobs();
  const leader = leaderLock ? leaderLock.isLeader : isLeader();
  const app = createApp(services);
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  await new Promise<void>((resolve) => {
    server.once('listening', () => {
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { host: config.host, port, dataDir: config.dataDir },
    `listening on http://${config.host}:${port}/graphql`,
  );
  if (config.loadSample && leader) {
    await loadSampleIfEmpty(services).catch((error: unknown) => {
      logger.error({ err: error }, 'sample import failed');
    });
  }
  signalReady();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      logger.info('shutting down');
      stopWatching();
      stopShared();
      void stopJourneys().catch(() => undefined);
      stopWatchingStreets();
      stopFollowing();
      stopJobs();
      void leaderLock?.stop();
      server.close(() => {
        void closeServices(services, shared).finally(resolve);
      });
      // Streams (subscriptions) would keep the server open; end them after a grace period.
      setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections();
      }, 5000).unref();
    }));
  return { close, port };
}
