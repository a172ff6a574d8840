import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { authenticate, requireAdmin } from '../../../auth/index.js';
import { DomainError } from '../../../errors.js';
import type { Services } from '../../../services.js';

/** Largest extract accepted over HTTP, bytes (`STREETS_UPLOAD_MAX_BYTES`, default 500 MB). */
const DEFAULT_STREETS_LIMIT = 500 * 1024 * 1024;

/**
 * `POST /v1/streets/:area` with an OpenStreetMap extract (`.osm.pbf`) as the body, for admins:
 * 201 with the graph's metadata; a file that is not PBF, empty or truncated is 400 and the
 * previous graph keeps serving.
 */
export function streetRoutes(services: Services): Hono {
  const app = new Hono();
  const maxSize = Number(process.env.STREETS_UPLOAD_MAX_BYTES ?? DEFAULT_STREETS_LIMIT);
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new DomainError('PAYLOAD_TOO_LARGE', `street extracts are limited to ${maxSize} bytes`);
    },
  });
  const admin: MiddlewareHandler = async function adminOnly(c, next) {
    const caller = await authenticate(c.req.header('authorization'), {
      apiKeys: services.apiKeys,
      tokens: services.tokens,
      nowMs: services.clock.nowMs(),
    });
    requireAdmin(caller);
    await next();
  };
  app.post('/v1/streets/:area', admin, limit, async (c) => {
    const imported = await services.streets.importBytes(
      c.req.param('area'),
      new Uint8Array(await c.req.arrayBuffer()),
    );
    return c.json(
      {
        streets: imported.meta,
        memoryBytes: imported.memoryBytes,
        importMs: Math.round(imported.importMs),
      },
      201,
    );
  });
  return app;
}
