import { Hono } from 'hono';
import { feedIngest } from '../middleware/feed-ingest/index.js';
import type { Services } from '../../../services.js';

/** Largest GTFS-RT body accepted, bytes (`REALTIME_MAX_BYTES`, default 10 MB). */
const DEFAULT_REALTIME_LIMIT = 10 * 1024 * 1024;

/** Push ingest: `POST /v1/feeds/:feedId/realtime` with a protobuf FeedMessage, agency key of the feed or admin. */
export function realtimeRoutes(services: Services): Hono {
  const app = new Hono();
  const maxSize = Number(process.env.REALTIME_MAX_BYTES ?? DEFAULT_REALTIME_LIMIT);
  const [limit, access] = feedIngest({ services, maxSize, what: 'realtime messages' });
  app.post('/v1/feeds/:feedId/realtime', limit, access, async (c) => {
    const body = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await services.realtime.ingest(c.req.param('feedId'), body));
  });
  return app;
}
