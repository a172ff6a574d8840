import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { FixedClock } from '../../../src/clock.js';
import { GroupCommit, openAppDb } from '../../../src/db/index.js';
import { readFeedSource } from '../../../src/gtfs/readFeedSource.js';
import {
  parkingForPlanner,
  ParkingService,
  sqliteParkingRepository,
} from '../../../src/parking/index.js';
import type { CarContext } from '../../../src/planner/carAccess.js';
import { haversineStreetRouter } from '../../../src/planner/streetRouter.js';
import { compileTimetable } from '../../../src/transit/compile.js';
import { Network } from '../../../src/transit/network.js';
import { mulberry32 } from '../../helpers/prng.js';
import { SI_ZIP, SUBWAY_ZIP } from '../realFeeds.js';
import type { CheckContext, FacilitySpec } from './checkItinerary.js';
import { dayCalls, type DayCalls } from './corridors.js';
import { OPENING_HOURS_CHOICES } from './openingHours.js';
import { importedFeedFile } from '../../helpers/feedCache.js';

/**
 * The quality suite's world: Staten Island bus + subway compiled once, and 50 seeded parking
 * facilities in a real parking service on a fresh SQLite file (real migrations), so the planner
 * sees real opening hours, reservable quotas and live reports through `parkingForPlanner`.
 */

/** Wednesday inside both feeds' validity (subway 2026-05-26..2026-10-31). */
export const DATE = '2026-10-14';
export const TIMEZONE = 'America/New_York';
const WALK_CIRCUITY = 1.25;
const MAX_TRANSFER_METERS = 400;
const STALE_SECONDS = 900;
const FACILITIES = 50;
const OPERATOR = 'quality';

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Everything a query is planned and judged with. */
export interface QualityWorld {
  net: Network;
  /** The trips running on DATE, for frequent corridors. */
  calls: DayCalls;
  /** 00:00 local of `DATE`, Unix seconds. */
  midnight: number;
  /** Served stops, all and per feed. */
  served: number[];
  siServed: number[];
  car: CarContext;
  check: CheckContext;
  facilities: FacilitySpec[];
  close(): void;
}

/** Imports (cached), compiles and seeds the world; `seed` fixes the facilities. */
export async function buildQualityWorld(seed: number): Promise<QualityWorld> {
  const [siFile, subwayFile] = await Promise.all([
    importedFeedFile(SI_ZIP),
    importedFeedFile(SUBWAY_ZIP),
  ]);
  // Each step blocks for seconds: let the test runner's messages through in between.
  const si = readFeedSource(siFile, 'si', 0);
  await breathe();
  const sources = [si, readFeedSource(subwayFile, 'subway', 0)];
  await breathe();
  const settings = { walkCircuity: WALK_CIRCUITY, maxTransferMeters: MAX_TRANSFER_METERS };
  const tt = compileTimetable(sources, settings);
  await breathe();
  const net = new Network(tt);
  const calls = dayCalls(sources, DATE);
  await breathe();
  const midnight = DateTime.fromISO(`${DATE}T00:00`, { zone: TIMEZONE }).toSeconds();
  const served = Array.from(tt.servedStops);
  const siFeed = tt.feeds.findIndex((f) => f.feedId === 'si');
  const siServed = served.filter((s) => tt.stopFeed[s] === siFeed);
  const nowSec = midnight + 8 * 3600;

  const file = path.join(os.tmpdir(), `maas-quality-${process.pid}-${Date.now()}.sqlite`);
  const db = openAppDb(file);
  const store = sqliteParkingRepository(db, new GroupCommit(db));
  const parking = new ParkingService({
    repository: store.repository,
    reads: store.reads,
    clock: new FixedClock(nowSec * 1000),
    logger: pino({ level: 'silent' }),
    holdSeconds: 600,
    availabilityStaleSeconds: STALE_SECONDS,
    defaultTimezone: () => TIMEZONE,
  });
  const facilities = await seedFacilities(parking, net, siServed, nowSec, seed);

  const check: CheckContext = {
    stationOf: (s) => (tt.stopParent[s]! >= 0 ? tt.stopParent[s]! : s),
    stopLabel: (s) => `${tt.stopIds[s]!} ${tt.stopNames[s]!}`,
    stopPoint: (s) => ({ lat: tt.stopLat[s]!, lon: tt.stopLon[s]! }),
    walkCircuity: WALK_CIRCUITY,
    timezone: TIMEZONE,
    facilities: new Map(facilities.map((f) => [f.id, f])),
    nowSec,
    staleSeconds: STALE_SECONDS,
  };
  const car: CarContext = {
    router: haversineStreetRouter({ circuity: 1.4, speedKmh: 30 }),
    parking: parkingForPlanner(parking),
    parkSeconds: 300,
    maxDriveMeters: 30_000,
    maxFacilities: 50,
    nowSec,
  };
  const close = () => {
    db.$client.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  };
  return { net, calls, midnight, served, siServed, car, check, facilities, close };
}

/** Live statuses as seeded: what the operator last reported and how long ago, seconds. */
const REPORTS = [
  undefined,
  { status: 'OPEN', age: 60 },
  { status: 'OPEN', age: 60 },
  { status: 'OPEN', age: 3600 },
  { status: 'CLOSED', age: 120 },
  { status: 'CLOSED', age: 7200 },
  { status: 'FULL', age: 30 },
  { status: 'FULL', age: 5400 },
] as const;

/** 50 facilities, each within 150 m of a distinct Staten Island stop, with varied hours, quotas and reports. */
async function seedFacilities(
  parking: ParkingService,
  net: Network,
  siServed: number[],
  nowSec: number,
  seed: number,
): Promise<FacilitySpec[]> {
  const rnd = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const tt = net.tt;
  const used = new Set<number>();
  const specs: FacilitySpec[] = [];
  const reports = [];
  for (let i = 0; i < FACILITIES; i++) {
    let stop = pick(siServed);
    while (used.has(stop)) stop = pick(siServed);
    used.add(stop);
    const meters = 150 * Math.sqrt(rnd());
    const angle = 2 * Math.PI * rnd();
    const lat = tt.stopLat[stop]! + (meters * Math.cos(angle)) / 111_320;
    const lon =
      tt.stopLon[stop]! + (meters * Math.sin(angle)) / (111_320 * Math.cos((lat * Math.PI) / 180));
    const hours = pick(OPENING_HOURS_CHOICES);
    const totalSpaces = 40 + Math.floor(rnd() * 360);
    const reservableSpaces = rnd() < 0.35 ? 0 : 1 + Math.floor(rnd() * 20);
    const facility = await parking.upsertFacility(
      {
        ownId: `lot-${i}`,
        name: `Quality lot ${i}`,
        lat,
        lon,
        kind: 'PARK_AND_RIDE',
        totalSpaces,
        reservableSpaces,
        openingHours: hours.osm,
        currency: 'USD',
        hourlyRate: 2,
        dailyMax: 10,
        timezone: TIMEZONE,
      },
      OPERATOR,
    );
    const r = pick(REPORTS);
    const availableSpaces = r?.status === 'OPEN' ? 1 + Math.floor(rnd() * 30) : 0;
    const observedAtSec = nowSec - (r?.age ?? 0);
    if (r) {
      reports.push({
        facilityId: facility.id,
        availableSpaces,
        status: r.status,
        observedAtMs: observedAtSec * 1000,
      });
    }
    specs.push({
      id: facility.id,
      hours,
      timezone: TIMEZONE,
      reservableSpaces,
      report: r ? { status: r.status, availableSpaces, observedAtSec } : null,
    });
  }
  await parking.reportAvailability(reports, OPERATOR);
  return specs;
}
