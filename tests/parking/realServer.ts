import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** A real HTTP server on 127.0.0.1 (random port) serving `app`. */
export async function listen(app: Hono): Promise<{ url: string; close: () => Promise<void> }> {
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Independent check of the invariant: the most windows covering any one instant (half-open windows). */
export function maxCovering(windows: readonly { start: number; end: number }[]): number {
  let max = 0;
  // The count can only rise at a start point, so checking every start is enough.
  for (const { start: t } of windows) {
    const covering = windows.filter((w) => w.start <= t && t < w.end).length;
    if (covering > max) max = covering;
  }
  return max;
}
