import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { createApiKey, type NewApiKey } from '../../src/auth/apiKeys.js';
import { FixedClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { closeServices, createServices } from '../../src/createServices.js';
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
  /** Creates an API key in the database and returns its plain text. */
  key(input: NewApiKey): string;
  /** A rider JWT for `riderId`. */
  riderToken(riderId: string): Promise<string>;
  close(): void;
}

/** Builds a harness on a temp data folder (no sample import; tests import what they need). */
export function createHarness(
  options: { nowMs?: number; env?: Record<string, string> } = {},
): Harness {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maas-test-'));
  const config: Config = {
    ...loadConfig({ ...options.env }),
    dataDir,
    logLevel: 'silent',
    loadSample: false,
  };
  const clock = new FixedClock(options.nowMs ?? Date.parse('2026-12-01T12:00:00Z'));
  const services = createServices(config, clock);
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
      return createApiKey(services.db, input, new Date(clock.nowMs())).key;
    },
    riderToken(riderId) {
      return services.tokens.sign(riderId, clock.nowMs());
    },
    close() {
      closeServices(services);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Absolute path of a file in ../shared/feeds, and whether it exists (CI always has it). */
export const SHARED_FEEDS = path.resolve(import.meta.dirname, '../../../shared/feeds');
