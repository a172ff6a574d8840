import { Hono } from 'hono';
import { feedIngest } from '../middleware/feed-ingest/index.js';
import type { Services } from '../../../services.js';

/** Largest feed zip accepted over HTTP, bytes (`FEED_UPLOAD_MAX_BYTES`, default 300 MB). */
const DEFAULT_FEED_LIMIT = 300 * 1024 * 1024;

/**
 * REST ingest for binary bodies: `POST /v1/feeds/:feedId` with a GTFS zip; 201 with the feed and
 * `warnings` (`{ code, feedId, text }`, e.g. `FEED_EXPIRED`), empty when the feed is in service.
 */
export function feedRoutes(services: Services): Hono {
  const app = new Hono();
  const maxSize = Number(process.env.FEED_UPLOAD_MAX_BYTES ?? DEFAULT_FEED_LIMIT);
  const [limit, access] = feedIngest({ services, maxSize, what: 'feed uploads' });
  app.post('/v1/feeds/:feedId', limit, access, async (c) => {
    const feedId = c.req.param('feedId');
    const { row, feed, warnings } = await services.feeds.importBytes(
      feedId,
      new Uint8Array(await c.req.arrayBuffer()),
    );
    return c.json(
      {
        feed: { id: row.id, version: row.version, importedAt: row.importedAt, counts: feed.counts },
        warnings,
      },
      201,
    );
  });
  return app;
}
