import os from 'node:os';
import path from 'node:path';

/** Server configuration, read once from the environment (all settings documented in README.md). */
export interface Config {
  /** Interface to listen on; default `0.0.0.0`. */
  host: string;
  /** TCP port; default 4000. */
  port: number;
  /** Folder of all state: `app.sqlite`, `feeds/`, `secret.key`; default `./data`. */
  dataDir: string;
  /** Import the bundled sample feed and parking when the data folder holds no feed; default true. */
  loadSample: boolean;
  /** Walk distance = haversine × this factor (DESIGN.md §4); default 1.25. */
  walkCircuity: number;
  /** Generated footpaths join stops up to this walk distance, metres; default 400. */
  maxTransferMeters: number;
  /** Realtime data older than this is ignored, seconds; default 300. */
  realtimeMaxAgeSeconds: number;
  /** Live parking availability older than this is shown as unknown, seconds; default 900. */
  availabilityStaleSeconds: number;
  /** A HELD parking reservation expires after this many seconds; default 600. */
  holdSeconds: number;
  /** A planned itinerary can be booked for this many seconds; default 1800. */
  itineraryTtlSeconds: number;
  /** Grace around a journey pass's validity and its reservation window at the gate, seconds (`PASS_GRACE_SECONDS`); default 900. */
  passGraceSeconds: number;
  /** Driving detour factor over the straight line; default 1.4. */
  driveCircuity: number;
  /** Average driving speed, km/h; default 30. */
  driveSpeedKmh: number;
  /** Time to park and walk out of a facility, seconds; default 300. */
  parkSeconds: number;
  /** Log level for pino; default `info` (`silent` in tests). */
  logLevel: string;
  /** Largest JSON GraphQL body, bytes (`GRAPHQL_MAX_BODY_BYTES`); default 1 MiB. */
  graphqlMaxBodyBytes: number;
  /** Requests per minute and client IP (`RATE_LIMIT_PER_MINUTE`); default 6000, 0 turns all rate limits off. */
  rateLimitPerMinute: number;
  /** Requests per minute and credential, API key or rider token (`RATE_LIMIT_CREDENTIAL_PER_MINUTE`); default 3000, 0 = off. */
  rateLimitCredentialPerMinute: number;
  /** Client IPs never rate-limited (`RATE_LIMIT_EXEMPT_IPS`, comma-separated); default loopback. */
  rateLimitExemptIps: string[];
  /** Take the client IP from the last `X-Forwarded-For` hop, set by one reverse proxy (`TRUST_PROXY`); default false. */
  trustProxy: boolean;
  /** A `plan` taking longer is logged and counted as over budget, ms (`PLAN_TIME_BUDGET_MS`); default 2000. */
  planTimeBudgetMs: number;
  /** Bearer token `/metrics` requires (`METRICS_TOKEN`); default none (open). */
  metricsToken: string | undefined;
  /** Server processes sharing the port (`WORKERS`: a number, or `auto` for one per core); default 1. */
  workers: number;
  /**
   * `DATABASE_URL`: a `postgres://` URL puts all shared state in that PostgreSQL database so that
   * any number of replicas can serve (DESIGN.md §9); unset, SQLite under `dataDir`.
   */
  databaseUrl: string | undefined;
}

function databaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^postgres(ql)?:\/\//.test(raw))
    throw new Error(
      `DATABASE_URL must be a postgres:// URL, got "${raw.replace(/:[^:@/]*@/, ':***@')}"`,
    );
  return raw;
}

function workers(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  if (raw === 'auto') return os.availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`WORKERS must be auto or a whole number 1-64, got "${raw}"`);
  return n;
}

function num(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

/** Reads the configuration from environment variables, with the documented defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '0.0.0.0',
    port: num(env, 'PORT', 4000),
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    loadSample: (env.LOAD_SAMPLE ?? 'true') !== 'false',
    walkCircuity: num(env, 'WALK_CIRCUITY', 1.25),
    maxTransferMeters: num(env, 'MAX_TRANSFER_METERS', 400),
    realtimeMaxAgeSeconds: num(env, 'REALTIME_MAX_AGE_SECONDS', 300),
    availabilityStaleSeconds: num(env, 'AVAILABILITY_STALE_SECONDS', 900),
    holdSeconds: num(env, 'HOLD_SECONDS', 600),
    itineraryTtlSeconds: num(env, 'ITINERARY_TTL_SECONDS', 1800),
    passGraceSeconds: num(env, 'PASS_GRACE_SECONDS', 900),
    driveCircuity: num(env, 'DRIVE_CIRCUITY', 1.4),
    driveSpeedKmh: num(env, 'DRIVE_SPEED_KMH', 30),
    parkSeconds: num(env, 'PARK_SECONDS', 300),
    logLevel: env.LOG_LEVEL ?? 'info',
    graphqlMaxBodyBytes: num(env, 'GRAPHQL_MAX_BODY_BYTES', 1024 * 1024),
    rateLimitPerMinute: num(env, 'RATE_LIMIT_PER_MINUTE', 6000),
    rateLimitCredentialPerMinute: num(env, 'RATE_LIMIT_CREDENTIAL_PER_MINUTE', 3000),
    rateLimitExemptIps: (env.RATE_LIMIT_EXEMPT_IPS ?? '127.0.0.1,::1,::ffff:127.0.0.1')
      .split(',')
      .map((ip) => ip.trim())
      .filter(Boolean),
    trustProxy: env.TRUST_PROXY === 'true',
    planTimeBudgetMs: num(env, 'PLAN_TIME_BUDGET_MS', 2000),
    metricsToken: env.METRICS_TOKEN || undefined,
    workers: workers(env.WORKERS),
    databaseUrl: databaseUrl(env.DATABASE_URL),
  };
}
