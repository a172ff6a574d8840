import { serve } from '@hono/node-server';
import { createApp } from './api/http/app.js';
import { loadConfig, type Config } from './config.js';
import { closeServices, createServices } from './createServices.js';
import { RealtimePoller } from './realtime/RealtimePoller.js';
import { loadSampleIfEmpty } from './sample.js';

/**
 * Starts the server on the configured data folder: compiles every registered feed, imports the
 * sample on first start, listens, and shuts down gracefully on SIGTERM / SIGINT.
 */
export async function startServer(config: Config = loadConfig()): Promise<{ close: () => Promise<void>; port: number }> {
  const services = createServices(config);
  const { logger } = services;
  services.feeds.loadAll();
  // Feeds imported with the CLI on this data folder are served without a restart.
  const stopWatching = services.feeds.watch();
  // Expires run-out parking holds in the background (also done lazily on every check).
  services.parking.start();
  // Polls the GTFS-Realtime URLs stored with `maas feed realtime`.
  const poller = new RealtimePoller({ db: services.db, realtime: services.realtime, clock: services.clock, logger });
  poller.start();
  const app = createApp(services);
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  await new Promise<void>((resolve) => {
    server.once('listening', () => {
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ host: config.host, port, dataDir: config.dataDir }, `listening on http://${config.host}:${port}/graphql`);
  if (config.loadSample) {
    await loadSampleIfEmpty(services).catch((error: unknown) => {
      logger.error({ err: error }, 'sample import failed');
    });
  }

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      logger.info('shutting down');
      stopWatching();
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
