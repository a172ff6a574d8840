import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { authenticate } from '../../../auth/authenticate.js';
import { requireFeedAccess } from '../../../auth/require.js';
import { DomainError } from '../../../errors.js';
import type { Services } from '../../../services.js';

/** Largest feed zip accepted over HTTP, bytes (`FEED_UPLOAD_MAX_BYTES`, default 300 MB). */
const DEFAULT_FEED_LIMIT = 300 * 1024 * 1024;

/** REST ingest for binary bodies: `POST /v1/feeds/:feedId` with a GTFS zip. */
export function feedRoutes(services: Services): Hono {
  const app = new Hono();
  const maxSize = Number(process.env.FEED_UPLOAD_MAX_BYTES ?? DEFAULT_FEED_LIMIT);
  app.post(
    '/v1/feeds/:feedId',
    bodyLimit({
      maxSize,
      onError: () => {
        throw new DomainError('PAYLOAD_TOO_LARGE', `feed uploads are limited to ${maxSize} bytes`);
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
      const body = Buffer.from(await c.req.arrayBuffer());
      const dir = await mkdtemp(path.join(os.tmpdir(), 'maas-upload-'));
      try {
        const file = path.join(dir, 'feed.zip');
        await writeFile(file, body);
        const row = await services.feeds.importFeed(feedId, file);
        const meta = services.feeds.network?.tt.feeds.find((f) => f.feedId === feedId);
        return c.json({ feed: { id: row.id, version: row.version, importedAt: row.importedAt, counts: meta?.counts } }, 201);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
  return app;
}
