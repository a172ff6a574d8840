import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

/** Options of `requestLog`. */
export interface RequestLogOptions {
  logger: Logger;
}

/** Logs one structured JSON line per request with its request id, status and duration. */
export function requestLog({ logger }: RequestLogOptions): MiddlewareHandler {
  return async function requestLogMiddleware(c, next) {
    const started = performance.now();
    await next();
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
