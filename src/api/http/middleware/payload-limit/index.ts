import type { Context, MiddlewareHandler } from 'hono';
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
  const tooLarge = (c: Context, limit: number) =>
    c.json(
      {
        error: {
          code: 'PAYLOAD_TOO_LARGE',
          message: `request bodies here are limited to ${limit} bytes`,
        },
      },
      413,
    );
  const refuse = (limit: number) =>
    bodyLimit({ maxSize: limit, onError: (c) => tooLarge(c, limit) });
  const plain = refuse(maxBytes);
  const multipart = refuse(multipartMaxBytes);
  return async function payloadLimitMiddleware(c, next) {
    const type = c.req.header('content-type') ?? '';
    const isMultipart = /^multipart\/form-data/i.test(type);
    // With a Content-Length (Node's parser reads exactly that many bytes) the check needs no body
    // stream: the usual case stays off hono's fetch Request (see the /graphql route).
    const length = c.req.header('content-length');
    if (length !== undefined && !c.req.header('transfer-encoding') && /^\d+$/.test(length)) {
      const limit = isMultipart ? multipartMaxBytes : maxBytes;
      if (Number(length) > limit) return tooLarge(c, limit);
      await next();
      return;
    }
    return isMultipart ? multipart(c, next) : plain(c, next);
  };
}
