import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { authenticate } from '../../../../auth/index.js';
import { requireFeedAccess } from '../../../../auth/index.js';
import { DomainError } from '../../../../errors.js';
import type { Services } from '../../../../services.js';

/** Options of `feedIngest`. */
export interface FeedIngestOptions {
  services: Services;
  /** Largest body accepted, bytes. */
  maxSize: number;
  /** What the body is, for the 413 message ("feed uploads"). */
  what: string;
}

/**
 * Guards a binary ingest route under `/:feedId`: a body limit (413 PAYLOAD_TOO_LARGE), then the
 * caller must hold an agency key for that feed or an admin key (401 / 403).
 */
export function feedIngest({
  services,
  maxSize,
  what,
}: FeedIngestOptions): [MiddlewareHandler, MiddlewareHandler] {
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new DomainError('PAYLOAD_TOO_LARGE', `${what} are limited to ${maxSize} bytes`);
    },
  });
  const access: MiddlewareHandler = async function feedAccess(c, next) {
    const caller = await authenticate(c.req.header('authorization'), {
      apiKeys: services.apiKeys,
      tokens: services.tokens,
      nowMs: services.clock.nowMs(),
    });
    requireFeedAccess(caller, c.req.param('feedId') ?? '');
    await next();
  };
  return [limit, access];
}
