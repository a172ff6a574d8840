import type { HttpBindings } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { workerIndex } from '../../cluster/index.js';
import { httpStatusOf } from '../../errors.js';
import type { Services } from '../../services.js';
import { clientErrorOf } from '../../errors.js';
import { armorPlugin } from '../graphql/armor.js';
import { createGraphQLServer, loadTypeDefs } from '../graphql/yoga.js';
import { createMetrics, metricsHandler } from '../../metrics/index.js';
import { payloadLimit } from './middleware/payload-limit/index.js';
import { rateLimit } from './middleware/rate-limit/index.js';
import { requestLog } from './middleware/request-log/index.js';
import { feedRoutes } from './routes/feeds.js';
import { realtimeRoutes } from './routes/realtime.js';
import { parkingRoutes } from './routes/parking.js';
import { passRoutes } from './routes/pass.js';
import { streetRoutes } from './routes/streets.js';

const JSON_RESPONSE = /^application\/(graphql-response\+)?json/i;

/** A GET, or a POST of JSON with a Content-Length (what every GraphQL query and mutation but an upload is). */
function isPlainRequest(
  method: string,
  contentType: string | undefined,
  contentLength: string | undefined,
): boolean {
  if (method === 'GET') return true;
  return (
    method === 'POST' &&
    contentLength !== undefined &&
    /^application\/json\b/i.test(contentType ?? '')
  );
}

/** Builds the hono app: health, REST ingest, and GraphQL at `/graphql`. Tests drive it with `app.request()`. */
export function createApp(services: Services): Hono {
  const app = new Hono();
  const { config } = services;
  const metrics = createMetrics(services, loadTypeDefs());
  const yoga = createGraphQLServer(services, [armorPlugin(), ...metrics.plugins]);

  app.use('*', requestId());
  app.use('*', requestLog({ logger: services.logger }));
  app.use(
    '*',
    secureHeaders({
      // GraphiQL is served from this origin with inline scripts; keep it usable.
      contentSecurityPolicy: undefined,
      crossOriginEmbedderPolicy: false,
    }),
  );
  const corsHeaders = cors({
    origin:
      (process.env.CORS_ORIGINS ?? '*') === '*' ? '*' : (process.env.CORS_ORIGINS ?? '').split(','),
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    exposeHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
  // Preflights are answered by hono's cors; for other requests it runs after the handler: run
  // before, it sets its headers on a placeholder response, and hono then rebuilds the handler's
  // response (as a web-stream body) to merge them in, on every request.
  const corsAfterHandler: MiddlewareHandler = async (c, next) => {
    if (c.req.method === 'OPTIONS') return corsHeaders(c, next);
    await next();
    await corsHeaders(c, () => Promise.resolve());
  };
  app.use('*', corsAfterHandler);

  const limiter = rateLimit({
    perMinute: config.rateLimitPerMinute,
    credentialPerMinute: config.rateLimitCredentialPerMinute,
    exemptIps: config.rateLimitExemptIps,
    trustProxy: config.trustProxy,
    sql: services.pg?.$client,
  });
  app.use('/graphql', limiter);
  app.use('/v1/*', limiter);
  // GraphQL feed uploads (multipart) get the same limit as POST /v1/feeds.
  app.use(
    '/graphql',
    payloadLimit({
      maxBytes: config.graphqlMaxBodyBytes,
      multipartMaxBytes: Number(process.env.FEED_UPLOAD_MAX_BYTES ?? 300 * 1024 * 1024),
    }),
  );

  app.get('/healthz', (c) => c.json({ status: 'ok', worker: workerIndex() }));
  app.get('/metrics', metricsHandler(metrics, config.metricsToken));
  app.get('/readyz', (c) => {
    const net = services.feeds.network;
    return net
      ? c.json({ status: 'ready', feeds: net.tt.feeds.map((f) => f.feedId) })
      : c.json(
          { status: 'starting', error: { code: 'NOT_READY', message: 'no timetable loaded yet' } },
          503,
        );
  });

  app.route('/', feedRoutes(services));
  app.route('/', realtimeRoutes(services));
  app.route('/', parkingRoutes(services));
  app.route('/', passRoutes(services));
  app.route('/', streetRoutes(services));

  app.on(['GET', 'POST', 'OPTIONS'], '/graphql', async (c) => {
    const context = { requestId: c.get('requestId') };
    const node = c.env as Partial<HttpBindings> | undefined;
    // Under the Node server, JSON requests of known length go to yoga as the Node request (its
    // light Request reads the socket directly) instead of through hono's full fetch Request
    // (undici, web streams, an abort signal): a third of the framework's time per request.
    // Uploads, chunked bodies and in-process calls (app.request) take the fetch path.
    const res =
      node?.incoming &&
      node.outgoing &&
      isPlainRequest(c.req.method, c.req.header('content-type'), c.req.header('content-length'))
        ? await yoga.handleNodeRequestAndResponse(node.incoming, node.outgoing, context)
        : await yoga.fetch(c.req.raw, context);
    // A JSON answer is read whole and handed on as a plain string body, which the Node adapter
    // writes with its headers in one go (yoga's own body would be piped as a stream: ~2 socket
    // writes and a stream reader per request). Streams (subscriptions over SSE) pass through.
    if (!JSON_RESPONSE.test(res.headers.get('content-type') ?? '')) {
      res.headers.set('X-Request-Id', context.requestId);
      return res;
    }
    // c.body adds the headers set before the handler (X-Request-Id).
    return c.body(
      await res.text(),
      res.status as ContentfulStatusCode,
      Object.fromEntries(res.headers),
    );
  });

  app.notFound((c) =>
    c.json(
      { error: { code: 'NOT_FOUND', message: `no route for ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  app.onError((error, c) => {
    const client = clientErrorOf(error);
    if (client) {
      return c.json({ error: client }, httpStatusOf[client.code] as 400);
    }
    if (error instanceof HTTPException) {
      return c.json({ error: { code: 'BAD_REQUEST', message: error.message } }, error.status);
    }
    services.logger.error({ err: error, requestId: c.get('requestId') }, 'unexpected error');
    return c.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error.' } }, 500);
  });
  return app;
}
