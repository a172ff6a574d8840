import type { DayView } from '../transit/dayView.js';
import { FOOT_WALK, type Timetable } from '../transit/timetable.js';

/** Time value meaning "not reached". */
export const UNREACHED = 0x3fffffff;

/** Where the search starts: a stop and the view time (seconds from `view.base`) one can board there. */
export interface AccessPoint {
  stop: number;
  time: number;
  /**
   * False when the stop's patterns need no scan for this departure (a range search knows which
   * stops have a run leaving at it); the label is still lowered. Default true.
   */
  scan?: boolean;
}

/** Inputs of a forward RAPTOR search (one departure, or a range of them). */
export interface RaptorInput {
  tt: Timetable;
  view: DayView;
  /** Walk seconds from each egress stop to the destination (stop → seconds). */
  egress: Map<number, number>;
  /** Maximum number of vehicle legs (maxTransfers + 1). */
  maxRounds: number;
  /** Seconds added to every change of vehicle. */
  transferSlack: number;
  /** Walking speed for generated footpaths, m/s. */
  walkSpeed: number;
  /** Per pattern: 1 when usable (transit mode filter); undefined allows all. */
  patternAllowed?: Uint8Array;
  /** Do not report target arrivals at or after this view time (pruning). */
  arrivalLimit?: number;
}

/**
 * Labels of a search: per round, vehicle arrivals and boarding readiness, with parents. In a
 * range search they hold the last departure searched (read them before the next `depart`).
 */
export interface RaptorResult {
  rounds: number;
  stopCount: number;
  /** `vehArr[k * stopCount + s]`: arrival at s on the k-th vehicle (k ≥ 1). */
  vehArr: Int32Array;
  /** `board[k * stopCount + s]`: earliest boarding time at s after k vehicles (k = 0: access). */
  board: Int32Array;
  /** Parent of a vehicle arrival: the view run, boarding and alighting positions. */
  vehRun: Int32Array;
  vehPattern: Int32Array;
  vehBoardPos: Int32Array;
  vehAlightPos: Int32Array;
  /** Parent of a boarding label: the stop whose vehicle arrival led to it by a footpath (-1 access). */
  boardFrom: Int32Array;
  /** Best target arrival per round (UNREACHED when none improved), and its egress stop. */
  targetArr: Int32Array;
  targetStop: Int32Array;
}

/**
 * RAPTOR (Delling, Pajor, Werneck 2012) over one day view: round k scans the patterns through
 * the stops improved in round k-1, then relaxes footpaths (one per change, with slack).
 *
 * Range RAPTOR (rRAPTOR): call `depart` for departures from the latest to the earliest. Labels
 * are kept across departures, per round (best with at most k vehicles), so a later departure's
 * labels prune an earlier one's: each call reports only the rounds whose target arrival is
 * strictly earlier than every later departure's with as many vehicles or fewer. Together the
 * calls give the Pareto profile over (departure, arrival, transfers).
 */
export class Raptor implements RaptorResult {
  readonly rounds: number;
  readonly stopCount: number;
  readonly vehArr: Int32Array;
  readonly board: Int32Array;
  readonly vehRun: Int32Array;
  readonly vehPattern: Int32Array;
  readonly vehBoardPos: Int32Array;
  readonly vehAlightPos: Int32Array;
  readonly boardFrom: Int32Array;
  readonly targetArr: Int32Array;
  readonly targetStop: Int32Array;
  /** Best vehicle arrival / boarding at a stop with at most k vehicles (`k * n + s`), all departures so far. */
  private readonly bestVeh: Int32Array;
  private readonly bestBoard: Int32Array;
  /** Best target arrival with at most k vehicles, all departures so far. */
  private readonly bestTarget: Int32Array;
  private readonly marked: Uint8Array;
  private readonly patternStartPos: Int32Array;

  constructor(private readonly input: RaptorInput) {
    const { tt, maxRounds } = input;
    const n = tt.stopCount;
    const size = n * (maxRounds + 1);
    this.rounds = maxRounds;
    this.stopCount = n;
    this.vehArr = new Int32Array(size).fill(UNREACHED);
    this.board = new Int32Array(size).fill(UNREACHED);
    this.vehRun = new Int32Array(size);
    this.vehPattern = new Int32Array(size);
    this.vehBoardPos = new Int32Array(size);
    this.vehAlightPos = new Int32Array(size);
    this.boardFrom = new Int32Array(size).fill(-1);
    this.bestVeh = new Int32Array(size).fill(UNREACHED);
    this.bestBoard = new Int32Array(size).fill(UNREACHED);
    this.bestTarget = new Int32Array(maxRounds + 1).fill(input.arrivalLimit ?? UNREACHED);
    this.targetArr = new Int32Array(maxRounds + 1).fill(UNREACHED);
    this.targetStop = new Int32Array(maxRounds + 1).fill(-1);
    this.marked = new Uint8Array(n);
    this.patternStartPos = new Int32Array(tt.patternCount).fill(-1);
  }

  /**
   * Searches one departure (no later than any before it): `access` gives the view time one can
   * board at each access stop. Afterwards `targetArr[k]` is set (and the labels hold the way
   * there) for each round k that improved on every departure searched so far; returns those rounds.
   */
  depart(access: readonly AccessPoint[]): number[] {
    const { tt, view, maxRounds, transferSlack, walkSpeed, egress, patternAllowed } = this.input;
    const n = this.stopCount;
    const { vehArr, board, vehRun, vehPattern, vehBoardPos, vehAlightPos, boardFrom } = this;
    const { bestVeh, bestBoard, bestTarget, targetArr, targetStop, marked, patternStartPos } = this;
    targetArr.fill(UNREACHED);
    targetStop.fill(-1);
    const improvedRounds: number[] = [];

    let markedList: number[] = [];
    for (const a of access) {
      if (a.time < bestBoard[a.stop]!) {
        board[a.stop] = a.time;
        boardFrom[a.stop] = -1;
        lower(bestBoard, a.stop, 0, maxRounds, n, a.time);
        if (a.scan !== false && !marked[a.stop]) {
          marked[a.stop] = 1;
          markedList.push(a.stop);
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
      // Collect patterns through marked stops, from their earliest marked position.
      const queue: number[] = [];
      for (const s of markedList) {
        marked[s] = 0;
        for (let i = tt.stopPatternStart[s]!; i < tt.stopPatternStart[s + 1]!; i++) {
          const p = tt.stopPatternList[i]!;
          if (patternAllowed && patternAllowed[p] === 0) continue;
          const pos = tt.stopPatternPos[i]!;
          const was = patternStartPos[p]!;
          if (was < 0) {
            queue.push(p);
            patternStartPos[p] = pos;
          } else if (pos < was) {
            patternStartPos[p] = pos;
          }
        }
      }
      markedList = [];
      const improved: number[] = [];

      for (const p of queue) {
        const startPos = patternStartPos[p]!;
        patternStartPos[p] = -1;
        const base = patternStopStart[p]!;
        const len = patternStopStart[p + 1]! - base;
        const subStart = patternSubStart[p]!;
        const subEnd = patternSubStart[p + 1]!;
        // With several subs (live views split overtaking runs off), the earliest boarding-ready time
        // along the pattern lets a sub whose last run has left the last stop before it be skipped.
        let minReady = UNREACHED;
        if (subEnd - subStart > 1) {
          for (let pos = startPos; pos < len; pos++) {
            const ready = board[prev + patternStops[base + pos]!]!;
            if (ready < minReady && patternCanBoard[base + pos] === 1) minReady = ready;
          }
        }
        for (let sub = subStart; sub < subEnd; sub++) {
          const first = subRunStart[sub]!;
          const end = subRunStart[sub + 1]!;
          if (first === end) continue;
          // Departure times grow along a run: its last stop's is the latest it can be boarded at.
          if (minReady !== UNREACHED && depT[runTimeStart[end - 1]! + len - 1]! < minReady)
            continue;
          // Runs are FIFO in a sub: every boarding here leaves no earlier than its first run at
          // startPos, and nothing arriving at or after the best target is kept.
          if (depT[runTimeStart[first]! + startPos]! >= bestTarget[k]!) continue;
          let run = -1;
          let runTimes = 0;
          let boardPos = -1;
          for (let pos = startPos; pos < len; pos++) {
            const s = patternStops[base + pos]!;
            if (run >= 0 && patternCanAlight[base + pos] === 1) {
              const a = arrT[runTimes + pos]!;
              if (a < bestVeh[cur + s]! && a < bestTarget[k]!) {
                lower(bestVeh, s, k, maxRounds, n, a);
                vehArr[cur + s] = a;
                vehRun[cur + s] = run;
                vehPattern[cur + s] = p;
                vehBoardPos[cur + s] = boardPos;
                vehAlightPos[cur + s] = pos;
                improved.push(s);
                const e = egress.get(s);
                if (e !== undefined && a + e < bestTarget[k]!) {
                  if (targetArr[k] === UNREACHED) improvedRounds.push(k);
                  for (let j = k; j <= maxRounds && bestTarget[j]! > a + e; j++)
                    bestTarget[j] = a + e;
                  targetArr[k] = a + e;
                  targetStop[k] = s;
                }
              }
            }
            const ready = board[prev + s]!;
            if (
              ready !== UNREACHED &&
              patternCanBoard[base + pos] === 1 &&
              (run < 0 || ready <= depT[runTimes + pos]!)
            ) {
              // Earliest run of this sub leaving at or after `ready` (runs are FIFO within a sub).
              let lo = first;
              let hi = run >= 0 ? run : end;
              while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                if (depT[runTimeStart[mid]! + pos]! < ready) lo = mid + 1;
                else hi = mid;
              }
              // The same run boarded later along the pattern rides less for the same arrival.
              if (lo < end && (run < 0 || lo <= run)) {
                run = lo;
                runTimes = runTimeStart[lo]!;
                boardPos = pos;
              }
            }
          }
        }
      }

      // Footpaths: one walk (or a stay) after each vehicle, then the change needs the slack.
      for (const p of improved) {
        const a = vehArr[cur + p]!;
        if (a !== bestVeh[cur + p]) continue; // superseded later in this round
        for (let f = tt.footStart[p]!; f < tt.footStart[p + 1]!; f++) {
          const q = tt.footTo[f]!;
          const walk =
            tt.footKind[f] === FOOT_WALK
              ? Math.ceil(tt.footValue[f]! / walkSpeed)
              : tt.footValue[f]!;
          const t = a + walk + transferSlack;
          if (t < bestBoard[cur + q]! && t < bestTarget[k]!) {
            lower(bestBoard, q, k, maxRounds, n, t);
            board[cur + q] = t;
            boardFrom[cur + q] = p;
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
}

/** Lowers the "at most j vehicles" bests of stop s to `t` for every round j ≥ k. */
function lower(best: Int32Array, s: number, k: number, maxRounds: number, n: number, t: number) {
  for (let j = k; j <= maxRounds; j++) {
    const at = j * n + s;
    if (best[at]! <= t) break;
    best[at] = t;
  }
}

/** One forward RAPTOR search from `access`: the Pareto set over (arrival, transfers). */
export function raptor(input: RaptorInput & { access: AccessPoint[] }): RaptorResult {
  const search = new Raptor(input);
  search.depart(input.access);
  return search;
}
