/**
 * The journeys section (issue 13): 500 riders follow booked journeys over `journeyUpdated` (SSE
 * over a real HTTP server on 127.0.0.1), a GTFS-RT push delays the bus they all ride, and the
 * time from the push to each subscriber's event is measured (p50/p99); then `Journey.alternatives`
 * latency (p50/p95). Services of its own: SI only, a FixedClock at 07:00 New York on 2026-12-02.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { createApp } from '../src/api/http/app.js';
import { FixedClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { closeServices, createServices } from '../src/createServices.js';
import { progress, Section } from './lib/report.js';
import { summarize } from './lib/stats.js';
import { HOUR, instantAt } from './lib/time.js';
import { FEED_ZIPS, type Workspace } from './lib/workspace.js';

const rt = GtfsRealtimeBindings.transit_realtime;
const DATE = '2026-12-02';
const NOW_SEC = instantAt(DATE, 7 * HOUR);
const SUBSCRIBERS = 500;
const PUSHES = 8;
const ALTERNATIVES = 60;
/** Port of this section's server (the bench's range: 4650-4699). */
const PORT = Number(process.env.BENCH_JOURNEYS_PORT ?? 4651);

const PLAN = `query ($input: PlanInput!) { plan(input: $input) { itineraries { id legs { mode trip { id } from { stop { id } } } } } }`;
const BOOK = `mutation ($input: BookJourneyInput!) { bookJourney(input: $input) { journey { id } } }`;
const FOLLOW = `subscription ($id: ID!) { journeyUpdated(id: $id) { status liveArrival legs { departure delaySeconds connectionAtRisk } } }`;
const ALTS = `query ($id: ID!) { journey(id: $id) { alternatives(first: 3) { id departure } } }`;

interface Sub {
  /** performance.now() of every event received. */
  arrivals: number[];
  close: () => Promise<void>;
}

/** Reads a `journeyUpdated` stream in the background, stamping each `data:` event. */
async function follow(url: string, id: string, token: string): Promise<Sub> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query: FOLLOW, variables: { id } }),
  });
  if (res.status !== 200 || !res.body) throw new Error(`subscription refused: ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const sub: Sub = { arrivals: [], close: () => reader.cancel() };
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        if (buffer.slice(0, end).includes('data: {')) sub.arrivals.push(performance.now());
        buffer = buffer.slice(end + 2);
      }
    }
  })();
  return sub;
}

/** Resolves once `ready()` holds, polling every 2 ms; throws after `timeoutMs`. */
async function until(ready: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!ready()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Runs the journeys section and returns its figures. */
export async function runJourneysBench(ws?: Workspace): Promise<Section> {
  const section = new Section('journeys');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'maas-bench-journeys-'));
  const clock = new FixedClock(NOW_SEC * 1000);
  const services = createServices(
    { ...(ws?.config ?? loadConfig({})), dataDir, logLevel: 'silent', loadSample: false },
    clock,
  );
  const app = createApp(services);
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: PORT });
  const subs: Sub[] = [];
  try {
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    progress('journeys: importing SI (own services, fixed clock)…');
    await services.feeds.importFeed('si', FEED_ZIPS.si);
    const gql = async <T>(query: string, variables: object, token?: string): Promise<T> => {
      const res = await app.request('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: unknown };
      if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    // St. George to the west shore by bus (README's example), leaving from 07:30.
    const planned = await gql<{
      plan: {
        itineraries: {
          id: string;
          legs: {
            mode: string;
            trip: { id: string } | null;
            from: { stop: { id: string } | null };
          }[];
        }[];
      };
    }>(PLAN, {
      input: {
        from: { lat: 40.6437, lon: -74.0736 },
        to: { lat: 40.6287, lon: -74.1827 },
        departAt: '2026-12-02T07:30:00-05:00',
      },
    });
    const itinerary = planned.plan.itineraries.find((it) => it.legs.some((l) => l.trip))!;
    const bus = itinerary.legs.find((l) => l.trip)!;

    progress(`journeys: booking and following ${SUBSCRIBERS} journeys over SSE…`);
    const journeys: { id: string; token: string }[] = [];
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const token = await services.tokens.sign(`bench-rider-${i}`, clock.nowMs());
      const booked = await gql<{ bookJourney: { journey: { id: string } } }>(
        BOOK,
        { input: { itineraryId: itinerary.id, idempotencyKey: 'bench' } },
        token,
      );
      journeys.push({ id: booked.bookJourney.journey.id, token });
    }
    for (const j of journeys) subs.push(await follow(url, j.id, j.token));
    await until(() => subs.every((s) => s.arrivals.length >= 1), 60_000, 'the first events');

    const samples: number[] = [];
    for (let k = 0; k < PUSHES; k++) {
      const message = rt.FeedMessage.encode(
        rt.FeedMessage.create({
          header: {
            gtfsRealtimeVersion: '2.0',
            timestamp: Math.floor(clock.nowMs() / 1000),
            incrementality: rt.FeedHeader.Incrementality.FULL_DATASET,
          },
          entity: [
            {
              id: 'bench-delay',
              tripUpdate: {
                trip: { tripId: bus.trip!.id.slice(3), startDate: DATE.replaceAll('-', '') },
                stopTimeUpdate: [
                  {
                    stopId: bus.from.stop!.id.slice(3),
                    arrival: { delay: 60 * (k + 1) },
                    departure: { delay: 60 * (k + 1) },
                  },
                ],
              },
            },
          ],
        }),
      ).finish();
      const pushedAt = performance.now();
      await services.realtime.ingest('si', message);
      await until(
        () => subs.every((s) => s.arrivals.length >= k + 2),
        30_000,
        `the events of push ${k + 1}`,
      );
      for (const s of subs) samples.push(s.arrivals[k + 1]! - pushedAt);
    }
    section.latency(`push → journeyUpdated event, ${SUBSCRIBERS} subscribers`, summarize(samples), {
      p99: { max: 500, label: '≤ 500 ms' },
    });
    section.note(
      `${PUSHES} FULL_DATASET pushes (ingest in-process, as the push route does), each delaying the bus all ${SUBSCRIBERS} journeys ride; ${samples.length} events`,
    );

    progress(`journeys: ${ALTERNATIVES} × Journey.alternatives(first: 3)…`);
    const altSamples: number[] = [];
    for (let i = 0; i < ALTERNATIVES; i++) {
      const j = journeys[i % journeys.length]!;
      const started = performance.now();
      await gql(ALTS, { id: j.id }, j.token);
      altSamples.push(performance.now() - started);
    }
    section.latency('Journey.alternatives(first: 3)', summarize(altSamples), {
      p95: { max: 100, label: '≤ 100 ms' },
    });
    section.note(
      'alternatives: the whole GraphQL request in-process (app.request), journeys with a delayed bus',
    );
    return section;
  } finally {
    await Promise.all(subs.map((s) => s.close().catch(() => undefined)));
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeServices(services);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
