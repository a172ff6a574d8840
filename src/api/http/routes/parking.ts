import { Hono } from 'hono';
import { authenticate } from '../../../auth/index.js';
import { requireOperatorOrAdmin } from '../../../auth/index.js';
import type { Services } from '../../../services.js';
import { formatInstant } from '../../../transit/index.js';
import { jsonBodyOf } from '../jsonBody.js';
import { reportsOfBody } from './parkingBody.js';

/** Largest availability body accepted, bytes (5 MB: 10,000 reports fit easily). */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** REST ingest for operator systems: `POST /v1/parking/availability` (operator key, or admin). */
export function parkingRoutes(services: Services): Hono {
  const app = new Hono();
  app.post('/v1/parking/availability', async (c) => {
    const caller = await authenticate(c.req.header('authorization'), {
      apiKeys: services.apiKeys,
      tokens: services.tokens,
      nowMs: services.clock.nowMs(),
    });
    const operatorId = requireOperatorOrAdmin(caller);
    const body = await jsonBodyOf(c, MAX_BODY_BYTES);
    const result = await services.parking.reportAvailability(reportsOfBody(body), operatorId);
    return c.json({
      accepted: result.accepted,
      ignored: result.ignored.map((r) => ({
        facilityId: r.facilityId,
        observedAt: formatInstant(r.observedAtMs / 1000, r.timezone),
        reason: r.reason,
      })),
    });
  });
  return app;
}
