import cluster from 'node:cluster';
import { createHash } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type postgres from 'postgres';
import {
  RateLimiterCluster,
  RateLimiterMemory,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { pgLimiter } from './pgLimiter.js';

/** Options of `rateLimit`. */
export interface RateLimitOptions {
  /** Requests per minute and client IP; 0 turns every limit of this middleware off. */
  perMinute: number;
  /** Requests per minute and credential (API key or rider token); 0 = no credential limit. */
  credentialPerMinute: number;
  /** Client IPs never limited (e.g. loopback, where benchmarks and health probes run). */
  exemptIps?: readonly string[];
  /** Take the client IP from the last `X-Forwarded-For` hop (behind one reverse proxy). */
  trustProxy?: boolean;
  /**
   * The shared database (DATABASE_URL): the counters are rows of its `rate_limits` table, so that
   * the limits hold across replicas. Without it they are kept in memory (or the cluster primary).
   */
  sql?: postgres.Sql;
}

/**
 * The client's IP: the socket's, or with `trustProxy` the last `X-Forwarded-For` hop, the address
 * the (one, trusted) proxy saw; earlier hops are whatever the client wrote. Undefined in-process.
 */
export function clientIp(c: Context, trustProxy = false): string | undefined {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  // Without a Node socket (tests drive the app with app.request()) there is no address.
  const env = c.env as { incoming?: unknown; server?: unknown } | undefined;
  if (!env?.incoming && !env?.server) return undefined;
  return getConnInfo(c).remote.address;
}

/**
 * Counters with fixed one-minute windows: in the shared database when there is one (across
 * replicas); else in memory, or in a cluster worker in the primary (rate-limiter-flexible's
 * cluster limiter over IPC), so that the limits hold for the whole server however many workers
 * its clients' connections land on.
 */
function limiter(keyPrefix: string, points: number, sql?: postgres.Sql): RateLimiterAbstract {
  if (sql) return pgLimiter(sql, keyPrefix, points);
  return cluster.isWorker
    ? new RateLimiterCluster({ keyPrefix, points, duration: 60, timeoutMs: 3000 })
    : new RateLimiterMemory({ keyPrefix, points, duration: 60 });
}

/**
 * Rate limits per client IP and per credential with fixed one-minute windows
 * (rate-limiter-flexible), counted in the shared database or in memory. Over a limit the answer
 * is 429 `{ error: { code: 'RATE_LIMITED' } }` with `Retry-After`. The credential's bucket is keyed by a hash of the whole Authorization value,
 * so a forged token cannot drain someone else's bucket; requests without a socket (in-process)
 * and exempt IPs are not limited.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { perMinute, credentialPerMinute, trustProxy = false } = options;
  const exempt = new Set(options.exemptIps ?? []);
  if (perMinute <= 0) {
    return async function rateLimitOff(_c, next) {
      await next();
    };
  }
  const byIp = limiter('ip', perMinute, options.sql);
  const byCredential =
    credentialPerMinute > 0 ? limiter('credential', credentialPerMinute, options.sql) : undefined;

  return async function rateLimitMiddleware(c, next) {
    const ip = clientIp(c, trustProxy);
    if (ip === undefined || exempt.has(ip)) {
      await next();
      return;
    }
    const authorization = c.req.header('authorization');
    try {
      await byIp.consume(ip);
      if (authorization && byCredential) {
        await byCredential.consume(createHash('sha256').update(authorization).digest('base64url'));
      }
    } catch (refusal) {
      // The counters are unreachable (the cluster primary did not answer in time, or the
      // database and its in-memory insurance both failed): fail open.
      if (!(refusal instanceof RateLimiterRes)) {
        await next();
        return;
      }
      const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      return c.json(
        {
          error: {
            code: 'RATE_LIMITED',
            message: `too many requests; retry in ${retryAfter} s`,
          },
        },
        429,
        { 'Retry-After': String(retryAfter) },
      );
    }
    await next();
  };
}
