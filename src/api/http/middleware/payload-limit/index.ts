import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** Options of `payloadLimit`. */
export interface PayloadLimitOptions {
  /** Largest body of any other content type (JSON GraphQL), bytes. */
  maxBytes: number;
  /** Largest `multipart/form-data` body (a GraphQL feed upload), bytes. */
  multipartMaxBytes: number;
}

/**
 * Refuses bodies over the limit of their content type with 413 and `{ error: { code:
 * 'PAYLOAD_TOO_LARGE' } }`, before anything parses them (hono's bodyLimit: Content-Length first,
 * else the stream is counted while read).
 */
export function payloadLimit({
  maxBytes,
  multipartMaxBytes,
}: PayloadLimitOptions): MiddlewareHandler {
  const refuse = (limit: number) =>
    bodyLimit({
      maxSize: limit,
      onError: (c) =>
        c.json(
          {
            error: {
              code: 'PAYLOAD_TOO_LARGE',
              message: `request bodies here are limited to ${limit} bytes`,
            },
          },
          413,
        ),
    });
  const plain = refuse(maxBytes);
  const multipart = refuse(multipartMaxBytes);
  return async function payloadLimitMiddleware(c, next) {
    const type = c.req.header('content-type') ?? '';
    return /^multipart\/form-data/i.test(type) ? multipart(c, next) : plain(c, next);
  };
}
