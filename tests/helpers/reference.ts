import { DateTime } from 'luxon';
import type { FeedSource } from '../../src/transit/source.js';

/**
 * A brute-force reference of the routing model of DESIGN.md §4, written for clarity rather than
 * speed and independent of the compiled timetable: it reads the raw `FeedSource`s, expands
 * calendars, calendar_dates and frequencies itself, computes walks and footpaths itself, and
 * answers "earliest arrival" by a round-based connection scan: round k rides the trip runs of
 * the three service days around the query once more (one more vehicle), each from its first
 * stop, boarding wherever the labels of round k-1 allow, then applies at most one footpath (with
 * the transfer slack) before the next vehicle. Runs are not grouped into patterns and nothing
 * here is imported from `src/transit` or `src/planner` except the `FeedSource` type.
 */

/** Settings the network is built with (the server's; defaults as in DESIGN.md §4). */
export interface ReferenceSettings {
  walkCircuity: number;
  maxTransferMeters: number;
}

/** An origin or destination: coordinates, and optionally a scoped stop or station id. */
export interface RefPlace {
  lat: number;
  lon: number;
  /** `"<feedId>:<stop_id>"`: start or end at this stop, or at any platform of this station. */
  stopId?: string;
}

/** An earliest-arrival query. */
export interface RefQuery {
  from: RefPlace;
  to: RefPlace;
  /** Leave at or after this instant, Unix seconds. */
  time: number;
  /** m/s. */
  walkSpeed: number;
  maxWalkMeters: number;
  /** Most changes of vehicle; `Infinity` for no limit. */
  maxTransfers: number;
  /** Seconds added to every change of vehicle. */
  transferSlack: number;
}

/** The reference's answer. */
export interface RefAnswer {
  /** Earliest arrival at the destination, transit or direct walk; undefined when unreachable. */
  arrival: number | undefined;
  /** Arrival of the direct walk, when within maxWalkMeters. */
  directWalkArrival: number | undefined;
  /** `byVehicles[k]`: earliest arrival using at most k vehicles (k ≥ 1; index 0 unused). */
  byVehicles: (number | undefined)[];
}

/** A stop time pattern of one GTFS trip as the feed gives it. */
export interface RefTrip {
  tripId: string;
  feed: number;
  serviceKey: string;
  routeType: number;
  stopIds: string[];
  stops: Int32Array;
  /** Seconds since the service day start. */
  arrival: Int32Array;
  departure: Int32Array;
  canBoard: Uint8Array;
  canAlight: Uint8Array;
  frequencies: { startSec: number; endSec: number; headwaySec: number }[];
}

/** One vehicle run: a trip on a service day, its times shifted by `offset` to Unix seconds. */
interface Run {
  trip: RefTrip;
  offset: number;
  /** Unix seconds the run leaves its first stop and reaches its last. */
  first: number;
  last: number;
}

/** A footpath: fixed seconds (transfers.txt, staying at a stop) or metres to walk. */
type Foot = { to: number; seconds: number } | { to: number; meters: number };

const EARTH_RADIUS_M = 6_371_000;

/** Great-circle distance on the 6,371 km sphere, metres (not rounded). */
export function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Adds `n` days to a YYYYMMDD date. */
function addDays(date: string, n: number): string {
  return DateTime.fromFormat(date, 'yyyyMMdd', { zone: 'UTC' })
    .plus({ days: n })
    .toFormat('yyyyMMdd');
}

const dayStarts = new Map<string, number>();

/** Start of the GTFS service day `date` (YYYYMMDD) in `timezone`: local noon minus 12 h, Unix seconds. */
export function refServiceDayStart(timezone: string, date: string): number {
  const key = `${timezone} ${date}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start =
      DateTime.fromFormat(`${date} 12:00`, 'yyyyMMdd HH:mm', { zone: timezone }).toSeconds() -
      12 * 3600;
    dayStarts.set(key, start);
  }
  return start;
}

/** The brute-force reference over one or more feeds (ids scoped `"<feedId>:<id>"`). */
export class Reference {
  readonly settings: ReferenceSettings;
  readonly stopIds: string[] = [];
  private readonly stopIndex = new Map<string, number>();
  private readonly lat: number[] = [];
  private readonly lon: number[] = [];
  private readonly children = new Map<number, number[]>();
  private readonly served: boolean[] = [];
  readonly trips = new Map<string, RefTrip>();
  /** Active service dates (YYYYMMDD) by `"<feed index>|<service_id>"`. */
  private readonly serviceDates = new Map<string, Set<string>>();
  private readonly foot: Foot[][] = [];
  private readonly runsCache = new Map<string, { runs: Run[]; runsAt: number[][] }>();
  /** Index of each feed's first stop in `stopIds`. */
  private readonly feedStopBase: number[] = [];

  constructor(
    private readonly sources: FeedSource[],
    settings: Partial<ReferenceSettings> = {},
  ) {
    this.settings = { walkCircuity: 1.25, maxTransferMeters: 400, ...settings };
    sources.forEach((src, feed) => {
      this.readStops(src);
      this.readServices(src, feed);
      this.readTrips(src, feed);
    });
    this.buildFootpaths();
  }

  /** Walk distance of DESIGN.md §4: haversine × circuity, rounded up to whole metres. */
  walkMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
    return Math.ceil(haversine(lat1, lon1, lat2, lon2) * this.settings.walkCircuity);
  }

  /** Stop coordinates of a scoped stop id. */
  stopAt(stopId: string): { lat: number; lon: number } {
    const s = this.indexOf(stopId);
    return { lat: this.lat[s]!, lon: this.lon[s]! };
  }

  /** True when a trip of the named service runs on `date` (YYYYMMDD). */
  runsOn(tripId: string, date: string): boolean {
    const trip = this.trips.get(tripId);
    return trip !== undefined && (this.serviceDates.get(trip.serviceKey)?.has(date) ?? false);
  }

  /** Every run of a trip on service date `date`: the offset that turns its feed times into Unix seconds. */
  runOffsets(tripId: string, date: string): number[] {
    const trip = this.trips.get(tripId);
    if (!trip || !this.runsOn(tripId, date)) return [];
    const dayStart = refServiceDayStart(this.sources[trip.feed]!.timezone, date);
    if (trip.frequencies.length === 0) return [dayStart];
    const offsets: number[] = [];
    for (const f of trip.frequencies) {
      for (let start = f.startSec; start < f.endSec; start += f.headwaySec) {
        offsets.push(dayStart + start - trip.departure[0]!);
      }
    }
    return offsets;
  }

  /**
   * Duration of the footpath between two scoped stops for a change of vehicle, seconds without
   * the slack; undefined when there is none (too far, or forbidden by transfers.txt type 3).
   */
  footpathSeconds(fromStopId: string, toStopId: string, walkSpeed: number): number | undefined {
    const a = this.indexOf(fromStopId);
    const b = this.indexOf(toStopId);
    const f = (this.foot[a] ?? []).find((x) => x.to === b);
    if (!f) return undefined;
    return 'seconds' in f ? f.seconds : Math.ceil(f.meters / walkSpeed);
  }

  /** Earliest arrival (and the best arrival per number of vehicles) for a query. */
  earliestArrival(q: RefQuery): RefAnswer {
    const n = this.stopIds.length;
    const access = this.walkable(q.from, q.maxWalkMeters, q.walkSpeed);
    const egress = this.walkable(q.to, q.maxWalkMeters, q.walkSpeed);
    const directMeters = this.walkMeters(q.from.lat, q.from.lon, q.to.lat, q.to.lon);
    const directWalkArrival =
      directMeters <= q.maxWalkMeters ? q.time + Math.ceil(directMeters / q.walkSpeed) : undefined;

    // Boarding is possible at stop s from ready[s] on; vehicle arrivals with at most k vehicles in veh.
    const ready = new Float64Array(n).fill(Infinity);
    const veh = new Float64Array(n).fill(Infinity);
    let readyChanged = new Set<number>();
    for (const [s, seconds] of access) {
      ready[s] = Math.min(ready[s]!, q.time + seconds);
      readyChanged.add(s);
    }
    const { runs, runsAt } = this.runsAround(q.time);

    const byVehicles: (number | undefined)[] = [undefined];
    const maxVehicles = q.maxTransfers + 1;
    let best = Infinity;
    for (let k = 1; k <= maxVehicles; k++) {
      // Ride one more vehicle: every run, boarded at the first stop where the labels allow it.
      // A run calling at no stop whose label changed in the last round boards where it did
      // before and arrives where it did before, so only runs through changed stops are ridden.
      const toRide = new Uint8Array(runs.length);
      for (const s of readyChanged) for (const r of runsAt[s] ?? []) toRide[r] = 1;
      const arrived = new Float64Array(n).fill(Infinity);
      for (let r = 0; r < runs.length; r++) {
        const { trip, offset, first, last } = runs[r]!;
        // Times never decrease along a trip (checked on reading), so a run leaving its first stop
        // at or after the best arrival found so far cannot improve it; nor can any later run.
        if (first >= best) break;
        if (toRide[r] === 0 || last < q.time) continue;
        let onBoard = false;
        for (let i = 0; i < trip.stops.length; i++) {
          const s = trip.stops[i]!;
          const arrival = trip.arrival[i]! + offset;
          // An arrival at or after the best one at the destination leads to nothing better.
          if (onBoard && trip.canAlight[i] === 1 && arrival < best)
            arrived[s] = Math.min(arrived[s]!, arrival);
          if (!onBoard && trip.canBoard[i] === 1 && ready[s]! <= trip.departure[i]! + offset)
            onBoard = true;
        }
      }
      const improved: number[] = [];
      for (let s = 0; s < n; s++) {
        if (arrived[s]! < veh[s]!) {
          veh[s] = arrived[s]!;
          improved.push(s);
        }
      }
      for (const [s, seconds] of egress) best = Math.min(best, veh[s]! + seconds);
      byVehicles[k] = Number.isFinite(best) ? best : undefined;
      if (improved.length === 0) break;
      // At most one footpath (or staying put) before the next vehicle, plus the slack.
      readyChanged = new Set();
      for (const p of improved) {
        for (const f of this.foot[p] ?? []) {
          const walk = 'seconds' in f ? f.seconds : Math.ceil(f.meters / q.walkSpeed);
          if (veh[p]! + walk + q.transferSlack < ready[f.to]!) {
            ready[f.to] = veh[p]! + walk + q.transferSlack;
            readyChanged.add(f.to);
          }
        }
      }
    }
    const transit = Number.isFinite(best) ? best : undefined;
    const candidates = [transit, directWalkArrival].filter((x): x is number => x !== undefined);
    return {
      arrival: candidates.length > 0 ? Math.min(...candidates) : undefined,
      directWalkArrival,
      byVehicles,
    };
  }

  /** Served stops within `maxWalkMeters` of a place (walk seconds), and its own platforms at 0 s. */
  private walkable(place: RefPlace, maxWalkMeters: number, walkSpeed: number): Map<number, number> {
    const out = new Map<number, number>();
    for (let s = 0; s < this.stopIds.length; s++) {
      if (!this.served[s]) continue;
      const meters = this.walkMeters(place.lat, place.lon, this.lat[s]!, this.lon[s]!);
      if (meters <= maxWalkMeters) out.set(s, Math.ceil(meters / walkSpeed));
    }
    if (place.stopId !== undefined) {
      const s = this.indexOf(place.stopId);
      for (const platform of this.children.get(s) ?? [s]) out.set(platform, 0);
    }
    return out;
  }

  /**
   * Every run of service days D-1, D and D+1, D being the local date of `time` in each feed's
   * timezone, by departure from the first stop; and for each stop, the runs calling at it.
   */
  private runsAround(time: number): { runs: Run[]; runsAt: number[][] } {
    const days = this.sources.map((src) =>
      DateTime.fromSeconds(time, { zone: src.timezone }).toFormat('yyyyMMdd'),
    );
    const key = days.join();
    let cached = this.runsCache.get(key);
    if (!cached) {
      const runs: Run[] = [];
      const around = days.map((today) => [addDays(today, -1), today, addDays(today, 1)]);
      for (const trip of this.trips.values()) {
        for (const date of around[trip.feed]!) {
          for (const offset of this.runOffsets(trip.tripId, date)) {
            const last = trip.arrival[trip.arrival.length - 1]! + offset;
            runs.push({ trip, offset, first: trip.departure[0]! + offset, last });
          }
        }
      }
      runs.sort((a, b) => a.first - b.first);
      const runsAt: number[][] = this.stopIds.map(() => []);
      runs.forEach((run, r) => {
        for (const s of run.trip.stops) runsAt[s]!.push(r);
      });
      cached = { runs, runsAt };
      this.runsCache.set(key, cached);
    }
    return cached;
  }

  private indexOf(stopId: string): number {
    const s = this.stopIndex.get(stopId);
    if (s === undefined) throw new Error(`reference: unknown stop ${stopId}`);
    return s;
  }

  private readStops(src: FeedSource): void {
    const base = this.stopIds.length;
    this.feedStopBase.push(base);
    for (const s of src.stops) {
      this.stopIndex.set(`${src.feedId}:${s.stopId}`, this.stopIds.length);
      this.stopIds.push(`${src.feedId}:${s.stopId}`);
      this.lat.push(s.lat);
      this.lon.push(s.lon);
      this.served.push(false);
    }
    src.stops.forEach((s, i) => {
      if (s.parentStation === null) return;
      const parent = this.stopIndex.get(`${src.feedId}:${s.parentStation}`);
      if (parent === undefined) return;
      const list = this.children.get(parent) ?? [];
      list.push(base + i);
      this.children.set(parent, list);
    });
  }

  /** calendar.txt weekdays within its dates, then calendar_dates.txt adds (1) and removes (2). */
  private readServices(src: FeedSource, feed: number): void {
    const datesOf = (serviceId: string): Set<string> => {
      const key = `${feed}|${serviceId}`;
      let set = this.serviceDates.get(key);
      if (!set) {
        set = new Set();
        this.serviceDates.set(key, set);
      }
      return set;
    };
    for (const c of src.calendars) {
      const dates = datesOf(c.serviceId);
      for (let date = c.startDate; date <= c.endDate; date = addDays(date, 1)) {
        const weekday = DateTime.fromFormat(date, 'yyyyMMdd', { zone: 'UTC' }).weekday; // 1 = Monday
        if (c.weekdays[weekday - 1]) dates.add(date);
      }
    }
    for (const d of src.calendarDates) {
      if (d.exceptionType === 1) datesOf(d.serviceId).add(d.date);
      if (d.exceptionType === 2) datesOf(d.serviceId).delete(d.date);
    }
  }

  private readTrips(src: FeedSource, feed: number): void {
    const routeType = new Map(src.routes.map((r) => [r.routeId, r.type]));
    const st = src.stopTimes;
    const rowsByTrip = new Map<number, number[]>();
    for (let i = 0; i < st.count; i++) {
      const list = rowsByTrip.get(st.trip[i]!) ?? [];
      list.push(i);
      rowsByTrip.set(st.trip[i]!, list);
    }
    const stopBase = this.feedStopBase[feed]!;
    src.trips.forEach((t, tripIdx) => {
      const type = routeType.get(t.routeId);
      const rows = (rowsByTrip.get(tripIdx) ?? []).sort(
        (a, b) => st.stopSequence[a]! - st.stopSequence[b]!,
      );
      if (type === undefined || rows.length < 2) return;
      const tripId = `${src.feedId}:${t.tripId}`;
      const times = rows.map((i) => ({ arr: st.arrivalSec[i]!, dep: st.departureSec[i]! }));
      let previous = -Infinity;
      for (const { arr, dep } of times) {
        // Neither real feed leaves times out (interpolation is outside the model of §4), and
        // times never decrease along a trip, which the search relies on.
        if (arr < 0 || dep < 0)
          throw new Error(`reference: ${tripId} has a stop time without times`);
        if (arr < previous || dep < arr) throw new Error(`reference: ${tripId} goes back in time`);
        previous = dep;
      }
      const stops = Int32Array.from(rows, (i) => stopBase + st.stop[i]!);
      for (const s of stops) this.served[s] = true;
      this.trips.set(tripId, {
        tripId,
        feed,
        serviceKey: `${feed}|${t.serviceId}`,
        routeType: type,
        stopIds: Array.from(stops, (s) => this.stopIds[s]!),
        stops,
        arrival: Int32Array.from(times, ({ arr }) => arr),
        departure: Int32Array.from(times, ({ dep }) => dep),
        canBoard: Uint8Array.from(rows, (i) => (st.pickupType[i] === 1 ? 0 : 1)),
        canAlight: Uint8Array.from(rows, (i) => (st.dropOffType[i] === 1 ? 0 : 1)),
        frequencies: src.frequencies.filter((f) => f.tripId === t.tripId && f.headwaySec > 0),
      });
    });
  }

  /**
   * Footpaths between served stops: staying at a stop (0 s) and generated walks up to
   * `maxTransferMeters`, replaced by transfers.txt rows of type 2 (min_transfer_time) and 3
   * (forbidden) for the pairs they name. A row naming a station names all its child stops; when
   * several rows name a pair, the one naming more stops directly (not through a station) wins.
   */
  private buildFootpaths(): void {
    const { walkCircuity, maxTransferMeters } = this.settings;
    const n = this.stopIds.length;
    const servedStops = [...Array(n).keys()].filter((s) => this.served[s]);
    const byPair = new Map<string, Foot>();
    for (const a of servedStops) {
      for (const b of servedStops) {
        if (a === b) {
          byPair.set(`${a},${b}`, { to: b, seconds: 0 });
          continue;
        }
        // The great-circle distance is at least the latitude difference: skip far pairs cheaply.
        const latMeters = (Math.abs(this.lat[a]! - this.lat[b]!) * Math.PI * EARTH_RADIUS_M) / 180;
        if (latMeters * walkCircuity > maxTransferMeters + 1) continue;
        const meters = this.walkMeters(this.lat[a]!, this.lon[a]!, this.lat[b]!, this.lon[b]!);
        if (meters <= maxTransferMeters) byPair.set(`${a},${b}`, { to: b, meters });
      }
    }

    const rules = new Map<string, { specificity: number; foot: Foot | undefined }>();
    this.sources.forEach((src) => {
      const expand = (stopId: string): { stops: number[]; direct: boolean } => {
        const s = this.stopIndex.get(`${src.feedId}:${stopId}`);
        if (s === undefined) return { stops: [], direct: true };
        const kids = this.children.get(s);
        return kids ? { stops: kids, direct: false } : { stops: [s], direct: true };
      };
      for (const t of src.transfers) {
        if (t.transferType !== 2 && t.transferType !== 3) continue;
        const from = expand(t.fromStopId);
        const to = expand(t.toStopId);
        const specificity = (from.direct ? 1 : 0) + (to.direct ? 1 : 0);
        for (const a of from.stops) {
          for (const b of to.stops) {
            const key = `${a},${b}`;
            const was = rules.get(key);
            if (was && was.specificity > specificity) continue;
            let foot: Foot | undefined;
            if (t.transferType === 2) {
              foot =
                t.minTransferSec !== null
                  ? { to: b, seconds: t.minTransferSec }
                  : {
                      to: b,
                      meters: this.walkMeters(
                        this.lat[a]!,
                        this.lon[a]!,
                        this.lat[b]!,
                        this.lon[b]!,
                      ),
                    };
            }
            rules.set(key, { specificity, foot });
          }
        }
      }
    });
    for (const [key, rule] of rules) {
      if (rule.foot) byPair.set(key, rule.foot);
      else byPair.delete(key);
    }

    for (let s = 0; s < n; s++) this.foot.push([]);
    for (const [key, f] of byPair) {
      const a = Number(key.split(',')[0]);
      if (this.served[a] && this.served[f.to]) this.foot[a]!.push(f);
    }
  }
}
