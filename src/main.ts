import { serve } from '@hono/node-server';
import { createApp } from './api/index.js';
import { loadConfig, type Config } from './config.js';
import { closeServices, createServices } from './createServices.js';
import { RealtimePoller } from './realtime/index.js';
import { loadSampleIfEmpty } from './sample.js';
import { isLeader, signalReady } from './cluster/index.js';

/**
 * Starts the server on the configured data folder: compiles every registered feed, imports the
 * sample on first start, listens, and shuts down gracefully on SIGTERM / SIGINT.
 */
export async function startServer(
  config: Config = loadConfig(),
): Promise<{ close: () => Promise<void>; port: number }> {
  const services = createServices(config);
  const { logger } = services;
  services.feeds.loadAll();
  // Feeds imported with the CLI on this data folder are served without a restart.
  const stopWatching = services.feeds.watch();
  // Streets too (imported with the CLI or through another worker).
  const stopWatchingStreets = services.streets.watch();
  // Realtime comes from the realtime log in app.sqlite: replayed now, then followed (other processes' pushes).
  const stopFollowing = services.realtime.follow();
  // Once per server (worker 0 when WORKERS > 1): the hold sweeper and realtime polling.
  const leader = isLeader();
  // Expires run-out parking holds in the background (also done lazily on every check).
  if (leader) services.parking.start();
  // Polls the GTFS-Realtime URLs stored with `maas feed realtime`.
  const poller = new RealtimePoller({
    db: services.db,
    realtime: services.realtime,
    clock: services.clock,
    logger,
  });
  if (leader) poller.start();
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
      stopWatchingStreets();
      stopFollowing();
      poller.stop();
      server.close(() => {
        closeServices(services);
        resolve();
      });
      // Streams (subscriptions) would keep the server open; end them after a grace period.
      setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections();
      }, 5000).unref();
    }));
  return { close, port };
}
