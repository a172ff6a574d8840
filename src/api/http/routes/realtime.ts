import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { authenticate } from '../../../auth/authenticate.js';
import { requireFeedAccess } from '../../../auth/require.js';
import { DomainError } from '../../../errors.js';
import { decodeFeedMessage } from '../../../realtime/decode.js';
import type { Services } from '../../../services.js';

/** Largest GTFS-RT body accepted, bytes (`REALTIME_MAX_BYTES`, default 10 MB). */
const DEFAULT_REALTIME_LIMIT = 10 * 1024 * 1024;

/** Push ingest: `POST /v1/feeds/:feedId/realtime` with a protobuf FeedMessage, agency key of the feed or admin. */
export function realtimeRoutes(services: Services): Hono {
  const app = new Hono();
  const maxSize = Number(process.env.REALTIME_MAX_BYTES ?? DEFAULT_REALTIME_LIMIT);
  app.post(
    '/v1/feeds/:feedId/realtime',
    bodyLimit({
      maxSize,
      onError: () => {
        throw new DomainError('PAYLOAD_TOO_LARGE', `realtime messages are limited to ${maxSize} bytes`);
      },
    }),
    async (c) => {
      const feedId = c.req.param('feedId');
      const caller = await authenticate(c.req.header('authorization'), {
        db: services.db,
        tokens: services.tokens,
        nowMs: services.clock.nowMs(),
      });
      requireFeedAccess(caller, feedId);
      const body = new Uint8Array(await c.req.arrayBuffer());
      const decoded = decodeFeedMessage(body, Math.floor(services.clock.nowMs() / 1000));
      return c.json(services.realtime.apply(feedId, decoded));
    },
  );
  return app;
}
