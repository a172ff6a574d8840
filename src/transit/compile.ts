import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { walkMeters } from './geo.js';
import type { FeedSource } from './source.js';
import { parseGtfsDate, weekdayOf, type DayNumber } from './time.js';
import { FOOT_FIXED, FOOT_WALK, type FeedMeta, type Timetable } from './timetable.js';

/** Settings that shape the compiled network (DESIGN.md §4). */
export interface CompileOptions {
  /** Walk distance = haversine × this; default 1.25. */
  walkCircuity?: number;
  /** Generated footpaths join stops up to this walk distance, metres; default 400. */
  maxTransferMeters?: number;
  /** Walk distances along streets (DESIGN.md §10); without it, or where it has none, §4's straight line. */
  walkDistances?: WalkDistances;
}

/** Walking distances along a street network, as `streets/` computes them. */
export interface WalkDistances {
  /**
   * Walk metres from `from` to each target: Infinity when not reachable within `maxMeters`,
   * undefined for a target off the network; undefined as a whole when `from` is off it.
   */
  walkMetersToMany(
    from: { lat: number; lon: number },
    targets: readonly { lat: number; lon: number }[],
    maxMeters: number,
  ): (number | undefined)[] | undefined;
}

/** A growable Int32 list (the compiler's only scratch structure). */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

interface PatternDraft {
  route: number;
  stops: number[];
  canBoard: number[];
  canAlight: number[];
  /** Runs: [trip, timeOffsetInScratch, startShiftSec] per run. */
  runs: { trip: number; timeStart: number; shift: number; firstDep: number }[];
}

/**
 * Compiles feeds into one `Timetable`: scoped ids to dense indices, trips grouped into patterns,
 * frequencies expanded into runs, missing intermediate times interpolated, calendars turned into
 * day bitmaps, footpaths generated and overridden by transfers.txt.
 */
export function compileTimetable(sources: FeedSource[], options: CompileOptions = {}): Timetable {
  const walkCircuity = options.walkCircuity ?? 1.25;
  const maxTransferMeters = options.maxTransferMeters ?? 400;

  const stopIds: string[] = [];
  const stopNames: string[] = [];
  const stopLatL: number[] = [];
  const stopLonL: number[] = [];
  const stopFeedL: number[] = [];
  const stopLocL: number[] = [];
  const stopParentL: number[] = [];
  const stopPlatformCode: (string | null)[] = [];
  const stopIndexById = new Map<string, number>();

  const routeIds: string[] = [];
  const routeShortName: (string | null)[] = [];
  const routeLongName: (string | null)[] = [];
  const routeTypeL: number[] = [];
  const routeColor: (string | null)[] = [];
  const routeTextColor: (string | null)[] = [];
  const routeAgencyName: (string | null)[] = [];
  const routeFeedL: number[] = [];
  const routeIndexById = new Map<string, number>();

  const tripIds: string[] = [];
  const tripRouteL: number[] = [];
  const tripHeadsign: (string | null)[] = [];
  const tripShapeL: number[] = [];
  const tripServiceL: number[] = [];
  const tripIndexById = new Map<string, number>();

  const shapes: Float64Array[] = [];
  const serviceFeedL: number[] = [];
  const serviceFirstDayL: number[] = [];
  const serviceDays: Uint8Array[] = [];

  const feeds: FeedMeta[] = [];
  const patternByKey = new Map<string, PatternDraft>();
  const patterns: PatternDraft[] = [];
  const scratchArr = new IntList();
  const scratchDep = new IntList();
  /** Transfers.txt overrides: key "from,to" → seconds, or -1 when forbidden. */
  const footOverrides = new Map<string, number>();

  sources.forEach((src, feedIndex) => {
    const scope = (id: string) => `${src.feedId}:${id}`;
    const stopBase = stopIds.length;

    // Stops.
    for (const s of src.stops) {
      stopIndexById.set(scope(s.stopId), stopIds.length);
      stopIds.push(scope(s.stopId));
      stopNames.push(s.name);
      stopLatL.push(s.lat);
      stopLonL.push(s.lon);
      stopFeedL.push(feedIndex);
      stopLocL.push(s.locationType);
      stopParentL.push(-1);
      stopPlatformCode.push(s.platformCode);
    }
    src.stops.forEach((s, i) => {
      if (s.parentStation)
        stopParentL[stopBase + i] = stopIndexById.get(scope(s.parentStation)) ?? -1;
    });

    // Routes.
    const agencyName = new Map(src.agencies.map((a) => [a.agencyId, a.name]));
    const localRoute = new Map<string, number>();
    for (const r of src.routes) {
      localRoute.set(r.routeId, routeIds.length);
      routeIndexById.set(scope(r.routeId), routeIds.length);
      routeIds.push(scope(r.routeId));
      routeShortName.push(r.shortName);
      routeLongName.push(r.longName);
      routeTypeL.push(r.type);
      routeColor.push(r.color);
      routeTextColor.push(r.textColor);
      routeAgencyName.push(
        (r.agencyId ? agencyName.get(r.agencyId) : src.agencies[0]?.name) ??
          src.agencies[0]?.name ??
          null,
      );
      routeFeedL.push(feedIndex);
    }

    // Shapes.
    const localShape = new Map<string, number>();
    for (const [shapeId, coords] of src.shapes) {
      localShape.set(shapeId, shapes.length);
      shapes.push(coords);
    }

    // Services: calendar weekdays within its range, then calendar_dates exceptions.
    const serviceIdsLocal = new Map<string, number>();
    let minDay = Infinity;
    let maxDay = -Infinity;
    const calDays = src.calendars.map((c) => ({
      c,
      start: parseGtfsDate(c.startDate) ?? 0,
      end: parseGtfsDate(c.endDate) ?? -1,
    }));
    for (const { start, end } of calDays) {
      minDay = Math.min(minDay, start);
      maxDay = Math.max(maxDay, end);
    }
    const exDays = src.calendarDates.map((d) => ({ d, day: parseGtfsDate(d.date) ?? 0 }));
    for (const { day } of exDays) {
      minDay = Math.min(minDay, day);
      maxDay = Math.max(maxDay, day);
    }
    if (!Number.isFinite(minDay)) {
      minDay = 0;
      maxDay = -1;
    }
    const span = Math.max(0, maxDay - minDay + 1);
    const serviceOf = (serviceId: string): number => {
      let s = serviceIdsLocal.get(serviceId);
      if (s === undefined) {
        s = serviceDays.length;
        serviceIdsLocal.set(serviceId, s);
        serviceFeedL.push(feedIndex);
        serviceFirstDayL.push(minDay);
        serviceDays.push(new Uint8Array(span));
      }
      return s;
    };
    for (const { c, start, end } of calDays) {
      const days = serviceDays[serviceOf(c.serviceId)]!;
      for (let day = start; day <= end; day++) {
        if (c.weekdays[weekdayOf(day)]) days[day - minDay] = 1;
      }
    }
    for (const { d, day } of exDays) {
      const days = serviceDays[serviceOf(d.serviceId)]!;
      days[day - minDay] = d.exceptionType === 1 ? 1 : 0;
    }

    // Trips.
    const tripBase = tripIds.length;
    for (const t of src.trips) {
      tripIndexById.set(scope(t.tripId), tripIds.length);
      tripIds.push(scope(t.tripId));
      tripRouteL.push(localRoute.get(t.routeId) ?? -1);
      tripHeadsign.push(t.headsign);
      tripShapeL.push(t.shapeId ? (localShape.get(t.shapeId) ?? -1) : -1);
      tripServiceL.push(serviceOf(t.serviceId));
    }

    // Frequencies by local trip index.
    const localTrip = new Map(src.trips.map((t, i) => [t.tripId, i]));
    const freqByTrip = new Map<
      number,
      { startSec: number; endSec: number; headwaySec: number }[]
    >();
    for (const f of src.frequencies) {
      const i = localTrip.get(f.tripId);
      if (i === undefined || f.headwaySec <= 0) continue;
      const list = freqByTrip.get(i) ?? [];
      list.push(f);
      freqByTrip.set(i, list);
    }

    // Stop times → patterns and runs.
    const st = src.stopTimes;
    let i = 0;
    while (i < st.count) {
      const localTripIdx = st.trip[i]!;
      let j = i;
      while (j < st.count && st.trip[j] === localTripIdx) j++;
      addTrip(localTripIdx, i, j);
      i = j;
    }

    function addTrip(localTripIdx: number, from: number, to: number): void {
      const n = to - from;
      if (n < 2) return;
      const trip = tripBase + localTripIdx;
      const route = tripRouteL[trip]!;
      if (route < 0) return;
      const arr = new Array<number>(n);
      const dep = new Array<number>(n);
      for (let k = 0; k < n; k++) {
        const a = st.arrivalSec[from + k]!;
        const d = st.departureSec[from + k]!;
        arr[k] = a >= 0 ? a : d;
        dep[k] = d >= 0 ? d : a;
      }
      interpolate(arr, dep);
      if (arr[0]! < 0 || dep[n - 1]! < 0) return;
      const stops: number[] = [];
      const canBoard: number[] = [];
      const canAlight: number[] = [];
      let key = `${route}`;
      for (let k = 0; k < n; k++) {
        const stop = stopBase + st.stop[from + k]!;
        const b = st.pickupType[from + k] === 1 ? 0 : 1;
        const a = st.dropOffType[from + k] === 1 ? 0 : 1;
        stops.push(stop);
        canBoard.push(b);
        canAlight.push(a);
        key += `,${stop}.${b}${a}`;
      }
      let pattern = patternByKey.get(key);
      if (!pattern) {
        pattern = { route, stops, canBoard, canAlight, runs: [] };
        patternByKey.set(key, pattern);
        patterns.push(pattern);
      }
      const timeStart = scratchArr.length;
      for (let k = 0; k < n; k++) {
        scratchArr.push(arr[k]!);
        scratchDep.push(dep[k]!);
      }
      const freqs = freqByTrip.get(localTripIdx);
      if (!freqs) {
        pattern.runs.push({ trip, timeStart, shift: 0, firstDep: dep[0]! });
        return;
      }
      // frequencies.txt: the stop times are a template; each run starts at start + k × headway.
      for (const f of freqs) {
        for (let start = f.startSec; start < f.endSec; start += f.headwaySec) {
          const shift = start - dep[0]!;
          pattern.runs.push({ trip, timeStart, shift, firstDep: start });
        }
      }
    }

    const startDay = parseGtfsDate(src.feedInfo?.startDate ?? '') ?? minDay;
    const endDay = parseGtfsDate(src.feedInfo?.endDate ?? '') ?? maxDay;
    feeds.push({
      feedId: src.feedId,
      timezone: src.timezone,
      agencies: src.agencies,
      startDay,
      endDay,
      version: src.feedInfo?.version ?? null,
      importedAtMs: src.importedAtMs,
      counts: {
        stops: src.stops.length,
        routes: src.routes.length,
        trips: src.trips.length,
        stopTimes: src.stopTimes.count,
      },
    });

    // transfers.txt: station-level rows first, stop-level rows override them.
    const expand = (stopId: string): number[] => {
      const idx = stopIndexById.get(scope(stopId));
      if (idx === undefined) return [];
      if (stopLocL[idx] !== 1) return [idx];
      const children: number[] = [];
      for (let s = stopBase; s < stopIds.length; s++) if (stopParentL[s] === idx) children.push(s);
      return children;
    };
    const isStation = (stopId: string) => stopLocL[stopIndexById.get(scope(stopId)) ?? -1] === 1;
    const rows = src.transfers.filter((t) => t.transferType === 2 || t.transferType === 3);
    // Less specific rows first, so a row naming a platform overrides one naming its station.
    const stationSides = (t: (typeof rows)[number]) =>
      Number(isStation(t.fromStopId)) + Number(isStation(t.toStopId));
    const ordered = [2, 1, 0].flatMap((n) => rows.filter((t) => stationSides(t) === n));
    for (const t of ordered) {
      const value = t.transferType === 3 ? -1 : (t.minTransferSec ?? -2);
      for (const a of expand(t.fromStopId)) {
        for (const b of expand(t.toStopId)) footOverrides.set(`${a},${b}`, value);
      }
    }
  });

  const stopCount = stopIds.length;
  const stopLat = Float64Array.from(stopLatL);
  const stopLon = Float64Array.from(stopLonL);
  const stopLocationType = Uint8Array.from(stopLocL);
  const stopParent = Int32Array.from(stopParentL);

  // Station children (CSR).
  const childCount = new Int32Array(stopCount + 1);
  for (let s = 0; s < stopCount; s++) if (stopParent[s]! >= 0) childCount[stopParent[s]! + 1]!++;
  const stationChildStart = prefixSum(childCount);
  const stationChildren = new Int32Array(stationChildStart[stopCount]!);
  const fill = stationChildStart.slice(0, stopCount);
  for (let s = 0; s < stopCount; s++) {
    const p = stopParent[s]!;
    if (p >= 0) stationChildren[fill[p]!++] = s;
  }

  // Patterns, runs sorted by first departure.
  const patternCount = patterns.length;
  const patternRoute = new Int32Array(patternCount);
  const patternStopStart = new Int32Array(patternCount + 1);
  const patternRunStart = new Int32Array(patternCount + 1);
  let totalStops = 0;
  let totalRuns = 0;
  let totalTimes = 0;
  patterns.forEach((p, idx) => {
    p.runs.sort((a, b) => a.firstDep - b.firstDep || a.trip - b.trip);
    patternRoute[idx] = p.route;
    patternStopStart[idx] = totalStops;
    patternRunStart[idx] = totalRuns;
    totalStops += p.stops.length;
    totalRuns += p.runs.length;
    totalTimes += p.runs.length * p.stops.length;
  });
  patternStopStart[patternCount] = totalStops;
  patternRunStart[patternCount] = totalRuns;
  const patternStops = new Int32Array(totalStops);
  const patternCanBoard = new Uint8Array(totalStops);
  const patternCanAlight = new Uint8Array(totalStops);
  const runTrip = new Int32Array(totalRuns);
  const runTimeStart = new Int32Array(totalRuns);
  const runArrival = new Int32Array(totalTimes);
  const runDeparture = new Int32Array(totalTimes);
  let runCursor = 0;
  let timeCursor = 0;
  patterns.forEach((p, idx) => {
    const base = patternStopStart[idx]!;
    const n = p.stops.length;
    for (let k = 0; k < n; k++) {
      patternStops[base + k] = p.stops[k]!;
      patternCanBoard[base + k] = p.canBoard[k]!;
      patternCanAlight[base + k] = p.canAlight[k]!;
    }
    for (const run of p.runs) {
      runTrip[runCursor] = run.trip;
      runTimeStart[runCursor] = timeCursor;
      for (let k = 0; k < n; k++) {
        runArrival[timeCursor + k] = scratchArr.data[run.timeStart + k]! + run.shift;
        runDeparture[timeCursor + k] = scratchDep.data[run.timeStart + k]! + run.shift;
      }
      runCursor++;
      timeCursor += n;
    }
  });

  // Stop → (pattern, position).
  const perStop = new Int32Array(stopCount + 1);
  for (let k = 0; k < totalStops; k++) perStop[patternStops[k]! + 1]!++;
  const stopPatternStart = prefixSum(perStop);
  const stopPatternList = new Int32Array(totalStops);
  const stopPatternPos = new Int32Array(totalStops);
  const cursor = stopPatternStart.slice(0, stopCount);
  for (let p = 0; p < patternCount; p++) {
    for (let k = patternStopStart[p]!; k < patternStopStart[p + 1]!; k++) {
      const s = patternStops[k]!;
      stopPatternList[cursor[s]!] = p;
      stopPatternPos[cursor[s]!] = k - patternStopStart[p]!;
      cursor[s]!++;
    }
  }

  // Spatial indices.
  const served: number[] = [];
  for (let s = 0; s < stopCount; s++)
    if (stopPatternStart[s + 1]! > stopPatternStart[s]!) served.push(s);
  const servedStops = Int32Array.from(served);
  const servedStopIndex = new KDBush(Math.max(1, served.length));
  for (const s of served) servedStopIndex.add(stopLon[s]!, stopLat[s]!);
  if (served.length === 0) servedStopIndex.add(0, 0);
  servedStopIndex.finish();
  const allStopIndex = new KDBush(Math.max(1, stopCount));
  for (let s = 0; s < stopCount; s++) allStopIndex.add(stopLon[s]!, stopLat[s]!);
  if (stopCount === 0) allStopIndex.add(0, 0);
  allStopIndex.finish();

  // Footpaths among served stops: generated walks, same-stop 0 s, transfers.txt overrides.
  const footFrom = new IntList();
  const footTo = new IntList();
  const footKind = new IntList();
  const footValue = new IntList();
  // Along streets a walk is never shorter than the straight line: candidates within that radius.
  const streets = options.walkDistances;
  const radiusKm = (maxTransferMeters / (streets ? 1 : walkCircuity) / 1000) * 1.01 + 0.001;
  for (const a of served) {
    const seen = new Set<number>();
    const candidates =
      served.length > 0
        ? around(servedStopIndex, stopLon[a]!, stopLat[a]!, Infinity, radiusKm)
        : [];
    const onStreets = streets?.walkMetersToMany(
      { lat: stopLat[a]!, lon: stopLon[a]! },
      candidates.map((id) => ({
        lat: stopLat[servedStops[id]!]!,
        lon: stopLon[servedStops[id]!]!,
      })),
      maxTransferMeters,
    );
    for (const [i, id] of candidates.entries()) {
      const b = servedStops[id]!;
      seen.add(b);
      const override = footOverrides.get(`${a},${b}`);
      if (override === -1) continue;
      const meters =
        a === b
          ? 0
          : (onStreets?.[i] ??
            walkMeters(stopLat[a]!, stopLon[a]!, stopLat[b]!, stopLon[b]!, walkCircuity));
      if (override !== undefined && override >= 0) {
        pushFoot(a, b, FOOT_FIXED, override);
      } else if (a === b) {
        pushFoot(a, b, FOOT_FIXED, 0);
      } else if (meters <= maxTransferMeters) {
        pushFoot(a, b, FOOT_WALK, meters);
      }
    }
    if (!seen.has(a) && footOverrides.get(`${a},${a}`) !== -1) {
      const o = footOverrides.get(`${a},${a}`);
      pushFoot(a, a, FOOT_FIXED, o !== undefined && o >= 0 ? o : 0);
    }
  }
  // Overrides between stops farther apart than the generated radius.
  for (const [key, value] of footOverrides) {
    if (value === -1) continue;
    const [a, b] = key.split(',').map(Number) as [number, number];
    const isServed = (x: number) => stopPatternStart[x + 1]! > stopPatternStart[x]!;
    if (!isServed(a) || !isServed(b)) continue;
    const meters = walkMeters(stopLat[a]!, stopLon[a]!, stopLat[b]!, stopLon[b]!, walkCircuity);
    if (a !== b && meters > maxTransferMeters * 1.01 + 1) {
      pushFoot(a, b, value >= 0 ? FOOT_FIXED : FOOT_WALK, value >= 0 ? value : meters);
    }
  }
  function pushFoot(a: number, b: number, kind: number, value: number): void {
    footFrom.push(a);
    footTo.push(b);
    footKind.push(kind);
    footValue.push(value === -2 ? 0 : value);
  }
  // A transfers.txt type 2 row without min_transfer_time (-2) walks the distance instead.
  const footCount = footFrom.length;
  const footStartCount = new Int32Array(stopCount + 1);
  for (let k = 0; k < footCount; k++) footStartCount[footFrom.data[k]! + 1]!++;
  const footStart = prefixSum(footStartCount);
  const fTo = new Int32Array(footCount);
  const fKind = new Uint8Array(footCount);
  const fValue = new Int32Array(footCount);
  const fCursor = footStart.slice(0, stopCount);
  for (let k = 0; k < footCount; k++) {
    const a = footFrom.data[k]!;
    const at = fCursor[a]!++;
    fTo[at] = footTo.data[k]!;
    fKind[at] = footKind.data[k]!;
    fValue[at] = footValue.data[k]!;
  }

  return {
    feeds,
    stopCount,
    stopIds,
    stopNames,
    stopLat,
    stopLon,
    stopFeed: Uint16Array.from(stopFeedL),
    stopLocationType,
    stopParent,
    stopPlatformCode,
    stopIndexById,
    stationChildStart,
    stationChildren,
    routeCount: routeIds.length,
    routeIds,
    routeShortName,
    routeLongName,
    routeType: Int32Array.from(routeTypeL),
    routeColor,
    routeTextColor,
    routeAgencyName,
    routeFeed: Uint16Array.from(routeFeedL),
    routeIndexById,
    tripCount: tripIds.length,
    tripIds,
    tripRoute: Int32Array.from(tripRouteL),
    tripHeadsign,
    tripShape: Int32Array.from(tripShapeL),
    tripService: Int32Array.from(tripServiceL),
    tripIndexById,
    shapes,
    serviceFeed: Uint16Array.from(serviceFeedL),
    serviceFirstDay: Int32Array.from(serviceFirstDayL),
    serviceDays,
    patternCount,
    patternRoute,
    patternStopStart,
    patternStops,
    patternCanBoard,
    patternCanAlight,
    patternRunStart,
    runTrip,
    runTimeStart,
    runArrival,
    runDeparture,
    stopPatternStart,
    stopPatternList,
    stopPatternPos,
    footStart,
    footTo: fTo,
    footKind: fKind,
    footValue: fValue,
    servedStopIndex,
    servedStops,
    allStopIndex,
    walkCircuity,
    maxTransferMeters,
  };
}

/** Counts → start offsets (in place, returns the same array). */
function prefixSum(counts: Int32Array): Int32Array {
  for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
  return counts;
}

/** Fills missing (-1) times linearly between the known ones around them. */
function interpolate(arr: number[], dep: number[]): void {
  const n = arr.length;
  let last = -1;
  for (let k = 0; k < n; k++) {
    if (dep[k]! < 0) continue;
    if (last >= 0 && k - last > 1) {
      const t0 = dep[last]!;
      const t1 = arr[k]!;
      for (let m = last + 1; m < k; m++) {
        const t = Math.round(t0 + ((t1 - t0) * (m - last)) / (k - last));
        arr[m] = t;
        dep[m] = t;
      }
    }
    last = k;
  }
}

/** Exposed for tests: the number of days a service is active. */
export function activeDayCount(tt: Timetable, service: number): number {
  let count = 0;
  for (const v of tt.serviceDays[service]!) count += v;
  return count;
}

export type { DayNumber };
