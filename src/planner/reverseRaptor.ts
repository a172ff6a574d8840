import type { DayView } from '../transit/dayView.js';
import type { Network } from '../transit/network.js';
import { FOOT_WALK, type Timetable } from '../transit/timetable.js';
import type { UnixSeconds } from '../transit/time.js';
import type { StopWalk } from './access.js';
import type { Itinerary, Leg } from './itinerary.js';
import type { PlacePoint } from './query.js';
import { accessLegs, footWalk, itineraryOf, stopPlace, transitLeg } from './reconstruct.js';

/** Time value meaning "not reached" in a backward search (labels are latest times). */
export const NOT_REACHED = -0x3fffffff;

/** Where a backward search starts: a stop and the latest view time one may be there (after alighting). */
export interface EgressPoint {
  stop: number;
  time: number;
  /** False when the stop's patterns need no scan for this deadline (see `AccessPoint.scan`). */
  scan?: boolean;
}

/** Inputs of a backward (mirrored) RAPTOR search. */
export interface ReverseRaptorInput {
  tt: Timetable;
  view: DayView;
  /** The access stops and how one reaches them from the origin. */
  access: Map<number, StopWalk>;
  /** View time before which nothing may leave the origin (pruning). */
  departureLimit: number;
  maxRounds: number;
  transferSlack: number;
  walkSpeed: number;
  patternAllowed?: Uint8Array;
}

/** Footpaths into each stop: `edge[start[s] .. start[s+1])` (indexes of `footTo`) and where each leaves from. */
interface Incoming {
  start: Int32Array;
  edge: Int32Array;
  from: Int32Array;
}

const incoming = new WeakMap<Timetable, Incoming>();

/** Footpaths into each stop (the reverse of `footStart`/`footTo`), built once per timetable. */
function footpathsInto(tt: Timetable): Incoming {
  let rev = incoming.get(tt);
  if (rev) return rev;
  const n = tt.stopCount;
  const start = new Int32Array(n + 1);
  for (let f = 0; f < tt.footTo.length; f++) start[tt.footTo[f]! + 1]!++;
  for (let s = 0; s < n; s++) start[s + 1]! += start[s]!;
  const fill = start.slice(0, n);
  const edge = new Int32Array(tt.footTo.length);
  const from = new Int32Array(tt.footTo.length);
  for (let a = 0; a < n; a++) {
    for (let f = tt.footStart[a]!; f < tt.footStart[a + 1]!; f++) {
      const at = fill[tt.footTo[f]!]!++;
      edge[at] = f;
      from[at] = a;
    }
  }
  rev = { start, edge, from };
  incoming.set(tt, rev);
  return rev;
}

/**
 * RAPTOR mirrored in time (DESIGN.md §4, `arriveBy`): from the destination's egress stops
 * backwards, round k scans patterns towards their start and finds the latest departure from
 * each stop that still reaches the destination in time with k vehicles; the target is the latest
 * departure from the origin. Call `arrive` for deadlines from the earliest to the latest: labels
 * are kept across them (per round, the best with at most k vehicles), so each call reports only
 * the rounds whose departure beats every earlier deadline's — the Pareto profile over
 * (departure, arrival, transfers), mirrored range RAPTOR.
 */
export class ReverseRaptor {
  readonly n: number;
  /** `vehDep[k * n + s]`: latest departure from s on the first of k vehicles. */
  readonly vehDep: Int32Array;
  /** Latest time to be at s (having alighted) to go on with k more vehicles (k = 0: egress). */
  readonly alightBy: Int32Array;
  readonly vehRun: Int32Array;
  readonly vehPattern: Int32Array;
  readonly vehBoardPos: Int32Array;
  readonly vehAlightPos: Int32Array;
  /** The stop whose departure a footpath from s leads to (-1: egress). */
  readonly alightTo: Int32Array;
  /** Latest origin departure per round (NOT_REACHED when none improved), and its access stop. */
  readonly targetDep: Int32Array;
  readonly targetStop: Int32Array;
  private readonly bestDep: Int32Array;
  private readonly bestAlight: Int32Array;
  private readonly bestTarget: Int32Array;
  private readonly marked: Uint8Array;
  private readonly patternStartPos: Int32Array;

  constructor(private readonly input: ReverseRaptorInput) {
    const { tt, maxRounds } = input;
    const n = tt.stopCount;
    const size = n * (maxRounds + 1);
    this.n = n;
    this.vehDep = new Int32Array(size).fill(NOT_REACHED);
    this.alightBy = new Int32Array(size).fill(NOT_REACHED);
    this.vehRun = new Int32Array(size);
    this.vehPattern = new Int32Array(size);
    this.vehBoardPos = new Int32Array(size);
    this.vehAlightPos = new Int32Array(size);
    this.alightTo = new Int32Array(size).fill(-1);
    this.bestDep = new Int32Array(size).fill(NOT_REACHED);
    this.bestAlight = new Int32Array(size).fill(NOT_REACHED);
    this.bestTarget = new Int32Array(maxRounds + 1).fill(input.departureLimit - 1);
    this.targetDep = new Int32Array(maxRounds + 1).fill(NOT_REACHED);
    this.targetStop = new Int32Array(maxRounds + 1).fill(-1);
    this.marked = new Uint8Array(n);
    this.patternStartPos = new Int32Array(tt.patternCount).fill(-1);
  }

  /** Latest origin departure that reaches access stop s by view time `t` (NOT_REACHED when none). */
  private originDeparture(s: number, t: number): number {
    const w = this.input.access.get(s);
    if (!w) return NOT_REACHED;
    const base = this.input.view.base;
    if (w.earliestReady !== undefined && t + base < w.earliestReady) return NOT_REACHED;
    return t - w.seconds;
  }

  /** Searches one deadline (no earlier than any before it); returns the rounds that improved. */
  arrive(egress: readonly EgressPoint[]): number[] {
    const { tt, view, maxRounds, transferSlack, walkSpeed, patternAllowed } = this.input;
    const n = this.n;
    const { vehDep, alightBy, vehRun, vehPattern, vehBoardPos, vehAlightPos, alightTo } = this;
    const { bestDep, bestAlight, bestTarget, targetDep, targetStop, marked } = this;
    const patternStartPos = this.patternStartPos;
    const rev = footpathsInto(tt);
    targetDep.fill(NOT_REACHED);
    targetStop.fill(-1);
    const improvedRounds: number[] = [];

    let markedList: number[] = [];
    for (const e of egress) {
      if (e.time > bestAlight[e.stop]!) {
        alightBy[e.stop] = e.time;
        alightTo[e.stop] = -1;
        raise(bestAlight, e.stop, 0, maxRounds, n, e.time);
        if (e.scan !== false && !marked[e.stop]) {
          marked[e.stop] = 1;
          markedList.push(e.stop);
        }
      }
    }
    const { patternStopStart, patternStops, patternCanBoard, patternCanAlight } = tt;
    const { patternSubStart, subRunStart, runTimeStart } = view;
    const arrT = view.arrival;
    const depT = view.departure;

    for (let k = 1; k <= maxRounds && markedList.length > 0; k++) {
      const prev = (k - 1) * n;
      const cur = k * n;
      // Patterns through marked stops, from their latest marked position.
      const queue: number[] = [];
      for (const s of markedList) {
        marked[s] = 0;
        for (let i = tt.stopPatternStart[s]!; i < tt.stopPatternStart[s + 1]!; i++) {
          const p = tt.stopPatternList[i]!;
          if (patternAllowed && patternAllowed[p] === 0) continue;
          const pos = tt.stopPatternPos[i]!;
          const was = patternStartPos[p]!;
          if (was < 0) queue.push(p);
          if (pos > was) patternStartPos[p] = pos;
        }
      }
      markedList = [];
      const improved: number[] = [];
      for (const p of queue) {
        const startPos = patternStartPos[p]!;
        patternStartPos[p] = -1;
        const base = patternStopStart[p]!;
        for (let sub = patternSubStart[p]!; sub < patternSubStart[p + 1]!; sub++) {
          const first = subRunStart[sub]!;
          const end = subRunStart[sub + 1]!;
          if (first === end) continue;
          // Departures fall towards the pattern's start: the latest run's at startPos bounds them all.
          if (depT[runTimeStart[end - 1]! + startPos]! <= bestTarget[k]!) continue;
          let run = -1;
          let runTimes = 0;
          let alightPos = -1;
          for (let pos = startPos; pos >= 0; pos--) {
            const s = patternStops[base + pos]!;
            if (run >= 0 && patternCanBoard[base + pos] === 1) {
              const d = depT[runTimes + pos]!;
              if (d > bestDep[cur + s]! && d > bestTarget[k]!) {
                raise(bestDep, s, k, maxRounds, n, d);
                vehDep[cur + s] = d;
                vehRun[cur + s] = run;
                vehPattern[cur + s] = p;
                vehBoardPos[cur + s] = pos;
                vehAlightPos[cur + s] = alightPos;
                improved.push(s);
                const o = this.originDeparture(s, d);
                if (o > bestTarget[k]!) {
                  if (targetDep[k] === NOT_REACHED) improvedRounds.push(k);
                  for (let j = k; j <= maxRounds && bestTarget[j]! < o; j++) bestTarget[j] = o;
                  targetDep[k] = o;
                  targetStop[k] = s;
                }
              }
            }
            const by = alightBy[prev + s]!;
            if (
              by !== NOT_REACHED &&
              patternCanAlight[base + pos] === 1 &&
              (run < 0 || by >= arrT[runTimes + pos]!)
            ) {
              // Latest run of this sub arriving at or before `by` (runs are FIFO within a sub).
              let lo = run >= 0 ? run : first;
              let hi = end;
              while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                if (arrT[runTimeStart[mid]! + pos]! <= by) lo = mid + 1;
                else hi = mid;
              }
              const r = lo - 1;
              // The same run alighted earlier along the pattern rides less for the same departure.
              if (r >= first && (run < 0 || r >= run)) {
                run = r;
                runTimes = runTimeStart[r]!;
                alightPos = pos;
              }
            }
          }
        }
      }
      // Footpaths into each improved stop (or a stay), after alighting and with the slack.
      for (const p of improved) {
        const d = vehDep[cur + p]!;
        if (d !== bestDep[cur + p]) continue;
        for (let i = rev.start[p]!; i < rev.start[p + 1]!; i++) {
          const f = rev.edge[i]!;
          const q = rev.from[i]!;
          const walk =
            tt.footKind[f] === FOOT_WALK
              ? Math.ceil(tt.footValue[f]! / walkSpeed)
              : tt.footValue[f]!;
          const t = d - walk - transferSlack;
          if (t > bestAlight[cur + q]! && t > bestTarget[k]!) {
            raise(bestAlight, q, k, maxRounds, n, t);
            alightBy[cur + q] = t;
            alightTo[cur + q] = p;
            if (!marked[q]) {
              marked[q] = 1;
              markedList.push(q);
            }
          }
        }
      }
    }
    for (const s of markedList) marked[s] = 0;
    return improvedRounds.sort((a, b) => a - b);
  }

  /** The itinerary of round k of the last `arrive`, from the origin to the destination. */
  itinerary(
    net: Network,
    round: number,
    from: PlacePoint,
    to: PlacePoint,
    egress: Map<number, StopWalk>,
    walkSpeed: number,
  ): Itinerary {
    const { view, access } = this.input;
    const n = this.n;
    const legs: Leg[] = [];
    let stop = this.targetStop[round]!;
    let k = round;
    const w = access.get(stop)!;
    for (;;) {
      const at = k * n + stop;
      const leg = transitLeg(
        net,
        view,
        this.vehPattern[at]!,
        this.vehRun[at]!,
        this.vehBoardPos[at]!,
        this.vehAlightPos[at]!,
      );
      if (legs.length === 0) legs.push(...accessLegs(net, from, stop, w, leg.departure));
      legs.push(leg);
      const alighted = leg.to.stop!;
      const next = this.alightTo[(k - 1) * n + alighted]!;
      if (k === 1 || next < 0) {
        const e = egress.get(alighted)!;
        if (e.meters > 0 || to.stop === undefined) {
          legs.push({
            mode: 'WALK',
            from: stopPlace(net, alighted),
            to,
            departure: leg.arrival,
            arrival: leg.arrival + e.seconds,
            distanceMeters: e.meters,
          });
        }
        break;
      }
      if (next !== alighted) {
        const walk = footWalk(net, alighted, next, walkSpeed);
        legs.push({
          mode: 'WALK',
          from: stopPlace(net, alighted),
          to: stopPlace(net, next),
          departure: leg.arrival,
          arrival: leg.arrival + walk.seconds,
          distanceMeters: walk.meters,
        });
      }
      stop = next;
      k--;
    }
    return itineraryOf(legs, access);
  }
}

/** Raises the "at most j vehicles" bests of stop s to `t` for every round j ≥ k. */
function raise(best: Int32Array, s: number, k: number, maxRounds: number, n: number, t: number) {
  for (let j = k; j <= maxRounds; j++) {
    const at = j * n + s;
    if (best[at]! >= t) break;
    best[at] = t;
  }
}

/** Arrival deadlines `[from, to]` (Unix seconds) to search backwards. */
export interface DeadlineRange {
  from: UnixSeconds;
  to: UnixSeconds;
  /** Nothing leaves the origin before this. */
  departureLimit: UnixSeconds;
}

/**
 * Mirrored range RAPTOR over `range`: one backward search per deadline at which a run's arrival
 * at an egress stop (plus the walk) reaches the destination, from the earliest to the latest,
 * labels kept across them. The earliest deadline is searched in full (so what arrives before the
 * range is found too). Returns the profile's itineraries (latest departures per deadline and
 * number of vehicles), in no particular order.
 */
export function reverseRangeSearch(
  net: Network,
  q: {
    from: PlacePoint;
    to: PlacePoint;
    maxTransfers: number;
    transferSlack: number;
    walkSpeed: number;
  },
  ends: {
    access: Map<number, StopWalk>;
    egress: Map<number, StopWalk>;
    patternAllowed?: Uint8Array;
  },
  view: DayView,
  range: DeadlineRange,
): Itinerary[] {
  const walks = [...ends.egress.values()];
  const search = new ReverseRaptor({
    tt: net.tt,
    view,
    access: ends.access,
    departureLimit: range.departureLimit - view.base,
    maxRounds: q.maxTransfers + 1,
    transferSlack: q.transferSlack,
    walkSpeed: q.walkSpeed,
    patternAllowed: ends.patternAllowed,
  });
  const out: Itinerary[] = [];
  const seen = new Set<string>();
  const searchAt = (t: UnixSeconds, scan: Set<number> | undefined) => {
    const points = walks.map((w) => ({
      stop: w.stop,
      time: t - w.seconds - view.base,
      scan: scan === undefined || scan.has(w.stop),
    }));
    for (const round of search.arrive(points)) {
      const it = search.itinerary(net, round, q.from, q.to, ends.egress, q.walkSpeed);
      if (seen.has(it.signature)) continue;
      seen.add(it.signature);
      out.push(it);
    }
  };
  searchAt(range.from, undefined);
  for (const [t, stops] of alightingDeadlines(net, view, walks, range, ends.patternAllowed))
    if (t > range.from) searchAt(t, stops);
  return out;
}

/** Every deadline in `range` met just in time by a run arriving at an egress stop, earliest first. */
function alightingDeadlines(
  net: Network,
  view: DayView,
  walks: StopWalk[],
  range: DeadlineRange,
  patternAllowed: Uint8Array | undefined,
): [UnixSeconds, Set<number>][] {
  const tt = net.tt;
  const { patternSubStart, subRunStart, runTimeStart, arrival } = view;
  const byTime = new Map<UnixSeconds, Set<number>>();
  for (const w of walks) {
    const lo = range.from - w.seconds - view.base;
    const hi = range.to - w.seconds - view.base;
    for (let i = tt.stopPatternStart[w.stop]!; i < tt.stopPatternStart[w.stop + 1]!; i++) {
      const p = tt.stopPatternList[i]!;
      if (patternAllowed && patternAllowed[p] === 0) continue;
      const pos = tt.stopPatternPos[i]!;
      if (tt.patternCanAlight[tt.patternStopStart[p]! + pos] !== 1) continue;
      for (let sub = patternSubStart[p]!; sub < patternSubStart[p + 1]!; sub++) {
        let a = subRunStart[sub]!;
        let b = subRunStart[sub + 1]!;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (arrival[runTimeStart[mid]! + pos]! < lo) a = mid + 1;
          else b = mid;
        }
        for (let r = a; r < subRunStart[sub + 1]!; r++) {
          const t = arrival[runTimeStart[r]! + pos]!;
          if (t > hi) break;
          const deadline = view.base + t + w.seconds;
          let stops = byTime.get(deadline);
          if (!stops) byTime.set(deadline, (stops = new Set()));
          stops.add(w.stop);
        }
      }
    }
  }
  return [...byTime.entries()].sort((x, y) => x[0] - y[0]);
}
