import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { createApiKey, newApiKey, type NewApiKey } from '../../src/auth/apiKeys.js';
import { apiKeys } from '../../src/db/index.js';
import { FixedClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import {
  closeServices,
  createServices,
  openSharedStore,
  type SharedStore,
} from '../../src/createServices.js';
import { createApp } from '../../src/api/http/app.js';
import type { Services } from '../../src/services.js';

/** A GraphQL response body. */
export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A fresh data folder, services, app and helpers to call the real API in-process. */
export interface Harness {
  dataDir: string;
  config: Config;
  clock: FixedClock;
  services: Services;
  app: Hono;
  /** Posts a GraphQL operation through `app.request('/graphql')`, with an optional bearer credential. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    credential?: string,
  ): Promise<{ status: number; body: GqlResult<T> }>;
  /** Creates an API key in the SQLite database and returns its plain text (SQLite harnesses only). */
  key(input: NewApiKey): string;
  /** Creates an API key in whichever database the services use and returns its plain text. */
  apiKey(input: NewApiKey): Promise<string>;
  /** A rider JWT for `riderId`. */
  riderToken(riderId: string): Promise<string>;
  /** Runs SQL on whichever database the services use (write it for both dialects). */
  query<R = Record<string, unknown>>(text: string): Promise<R[]>;
  close(): Promise<void>;
}

/** Builds a harness on a temp data folder (no sample import; tests import what they need). */
export function createHarness(
  options: {
    nowMs?: number;
    env?: Record<string, string>;
    shared?: SharedStore;
    clock?: FixedClock;
  } = {},
): Harness {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maas-test-'));
  const config: Config = {
    ...loadConfig({ ...options.env }),
    dataDir,
    logLevel: 'silent',
    loadSample: false,
  };
  const clock =
    options.clock ?? new FixedClock(options.nowMs ?? Date.parse('2026-12-01T12:00:00Z'));
  const services = createServices(config, clock, options.shared);
  const app = createApp(services);
  return {
    dataDir,
    config,
    clock,
    services,
    app,
    async gql(query, variables, credential) {
      const res = await app.request('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(credential ? { authorization: `Bearer ${credential}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as never };
    },
    key(input) {
      if (services.pg) throw new Error('key() is SQLite only: use await apiKey() on PostgreSQL');
      const { row, key } = newApiKey(input, new Date(clock.nowMs()));
      services.db.insert(apiKeys).values(row).run();
      return key;
    },
    async apiKey(input) {
      return (await createApiKey(services.apiKeys, input, new Date(clock.nowMs()))).key;
    },
    riderToken(riderId) {
      return services.tokens.sign(riderId, clock.nowMs());
    },
    async query<R>(text: string): Promise<R[]> {
      if (services.pg) return (await services.pg.$client.unsafe(text)) as unknown as R[];
      return services.db.$client.prepare(text).all() as R[];
    },
    async close() {
      await closeServices(services, options.shared);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Absolute path of a file in ../shared/feeds, and whether it exists (CI always has it). */
export const SHARED_FEEDS = path.resolve(import.meta.dirname, '../../../shared/feeds');

/**
 * A harness on `dialect`: SQLite as `createHarness`, or PostgreSQL on `database` (a test file's
 * own, see helpers/pg.ts), emptied first, with the data folder for what stays per machine.
 */
export async function createDialectHarness(
  dialect: 'sqlite' | 'postgres',
  database: { url: string; truncate(): Promise<void> } | undefined,
  options: { nowMs?: number; env?: Record<string, string>; keep?: boolean } = {},
): Promise<Harness> {
  if (dialect === 'sqlite') return createHarness(options);
  if (!database) throw new Error('a PostgreSQL harness needs its test database');
  // `keep`: another replica on the same database, which the first one has filled.
  if (!options.keep) await database.truncate();
  const clock = new FixedClock(options.nowMs ?? Date.parse('2026-12-01T12:00:00Z'));
  const config = {
    ...loadConfig({ ...options.env }),
    databaseUrl: database.url,
    logLevel: 'silent',
  };
  const shared = await openSharedStore(config, clock);
  return createHarness({ ...options, clock, shared });
}
