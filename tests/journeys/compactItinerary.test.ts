/**
 * The compact itinerary (what an itinerary id carries and a journey stores) loses nothing a leg
 * shows: for seeded plans on the sample feed with the sample facilities, following the compact
 * form without realtime gives back the planned legs, and its token opens to the same content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactItinerary } from '../../src/journeys/compactItinerary.js';
import { followJourney } from '../../src/journeys/followJourney.js';
import { loadSampleParking } from '../../src/parking/sample.js';
import type { CarContext } from '../../src/planner/carAccess.js';
import type { Itinerary, Leg } from '../../src/planner/itinerary.js';
import { plan } from '../../src/planner/plan.js';
import { PLAN_DEFAULTS, type PlanQuery } from '../../src/planner/query.js';
import { emptyOverlay } from '../../src/transit/realtimeOverlay.js';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { importFeedOnce } from '../helpers/feedCache.js';

const NOW_SEC = Date.parse('2026-12-01T12:00:00Z') / 1000;

/** Coordinates as stored: 5 decimals (about a metre). */
const round5 = (p: { lat: number; lon: number }) => ({
  ...p,
  lat: Math.round(p.lat * 1e5) / 1e5,
  lon: Math.round(p.lon * 1e5) / 1e5,
});

/** What a leg shows, without `connectionAtRisk` and the live parking figures a journey reads afresh. */
function shown(leg: Leg & { connectionAtRisk?: boolean }): unknown {
  const out: Record<string, unknown> = { ...leg, from: round5(leg.from), to: round5(leg.to) };
  delete out.connectionAtRisk;
  if (leg.mode !== 'PARK') return out;
  const parking: Record<string, unknown> = round5(leg.parking);
  delete parking.availableSpaces;
  delete parking.stale;
  return { ...out, parking };
}

describe('compact itineraries', () => {
  let h: Harness;
  let itineraries: Itinerary[];

  beforeAll(async () => {
    h = createHarness({ nowMs: NOW_SEC * 1000 });
    await importFeedOnce(h, 'si', SAMPLE_FEED_DIR);
    await loadSampleParking(h.services.parking);
    const net = h.services.feeds.network!;
    const car: CarContext = {
      router: h.services.streetRouter,
      parking: h.services.parkingForPlanner,
      parkSeconds: 300,
      maxDriveMeters: 30_000,
      maxFacilities: 50,
      nowSec: NOW_SEC,
    };
    let seed = 6;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const stops = Array.from(net.tt.servedStops);
    const at = (s: number) => ({
      lat: net.tt.stopLat[s]! + 0.004,
      lon: net.tt.stopLon[s]! - 0.004,
    });
    itineraries = [];
    for (let i = 0; i < 40; i++) {
      const q: PlanQuery = {
        ...PLAN_DEFAULTS,
        from: at(stops[Math.floor(random() * stops.length)]!),
        to: at(stops[Math.floor(random() * stops.length)]!),
        time: NOW_SEC + Math.floor(random() * 12 * 3600),
        arriveBy: false,
        accessModes: new Set(['WALK', 'CAR_PARK']),
      };
      itineraries.push(...plan(net, q, undefined, car).itineraries);
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it('follows back to the planned legs (without realtime), park-and-ride and walk-only alike', () => {
    const net = h.services.feeds.network!;
    expect(itineraries.length).toBeGreaterThan(40);
    expect(itineraries.some((it) => it.legs.some((l) => l.mode === 'PARK'))).toBe(true);
    for (const it of itineraries) {
      const followed = followJourney(net, compactItinerary(net, it, 60), {
        overlay: emptyOverlay(300),
        nowSec: NOW_SEC,
      });
      expect(followed.legs.map(shown)).toEqual(it.legs.map(shown));
      expect(followed.legs.filter((l) => l.connectionAtRisk)).toEqual([]);
      expect(followed.liveArrival).toBe(it.arrival);
    }
  });

  it('a token opens to the same compact itinerary, and stays short', () => {
    const net = h.services.feeds.network!;
    const tokens = h.services.itineraryTokens;
    for (const it of itineraries) {
      const compact = compactItinerary(net, it, 60);
      const id = tokens.issue(compact, NOW_SEC);
      const opened = tokens.open(id)!;
      expect(opened.itinerary).toEqual(compact);
      expect(opened.expiresAt - opened.issuedAt).toBe(h.config.itineraryTtlSeconds);
      expect(id.length).toBeLessThan(200 + 150 * it.legs.length);
    }
  });
});
