import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** A listening server and the GraphQL URL to post to. */
export interface BenchServer {
  graphqlUrl: string;
  close(): Promise<void>;
}

/** Serves `app` with @hono/node-server on 127.0.0.1 and a free port, as `npm start` does. */
export async function startServer(app: Hono): Promise<BenchServer> {
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    graphqlUrl: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

/** A GraphQL response body. */
export interface GqlBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Posts one GraphQL operation with fetch and reads the JSON body. */
export async function postGraphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<GqlBody<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlBody<T>;
}

/** Runs one GraphQL operation through `app.request()`: the whole app and GraphQL, but no socket. */
export async function requestGraphql<T>(
  app: Hono,
  query: string,
  variables: Record<string, unknown>,
): Promise<GqlBody<T>> {
  const res = await app.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlBody<T>;
}

/** Latencies of calls made `concurrency` at a time, and the wall time of the whole batch. */
export interface ConcurrentRun {
  samplesMs: number[];
  wallMs: number;
}

/** Calls `fn` for every item with at most `concurrency` calls in flight. */
export async function runConcurrent<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<ConcurrentRun> {
  const samplesMs = new Array<number>(items.length);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const t0 = performance.now();
      await fn(items[i]!);
      samplesMs[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { samplesMs, wallMs: performance.now() - started };
}
