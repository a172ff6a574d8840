import type { DayView } from '../transit/dayView.js';
import { FOOT_WALK, type Timetable } from '../transit/timetable.js';

/** Time value meaning "not reached". */
export const UNREACHED = 0x3fffffff;

/** Where the search starts: a stop and the view time (seconds from `view.base`) one can board there. */
export interface AccessPoint {
  stop: number;
  time: number;
}

/** Inputs of one forward RAPTOR search. */
export interface RaptorInput {
  tt: Timetable;
  view: DayView;
  access: AccessPoint[];
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

/** Labels of a finished search: per round, vehicle arrivals and boarding readiness, with parents. */
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
 * the stops improved in round k-1, then relaxes footpaths (one per change, with slack). Labels
 * are pruned by the best arrival seen in any round and by the best target arrival, so each
 * round's target arrival, when present, is strictly earlier than with fewer vehicles: the
 * rounds give the Pareto set over (arrival, transfers).
 */
export function raptor(input: RaptorInput): RaptorResult {
  const { tt, view, maxRounds, transferSlack, walkSpeed, egress, patternAllowed } = input;
  const n = tt.stopCount;
  const size = n * (maxRounds + 1);
  const vehArr = new Int32Array(size).fill(UNREACHED);
  const board = new Int32Array(size).fill(UNREACHED);
  const vehRun = new Int32Array(size);
  const vehPattern = new Int32Array(size);
  const vehBoardPos = new Int32Array(size);
  const vehAlightPos = new Int32Array(size);
  const boardFrom = new Int32Array(size).fill(-1);
  const bestVeh = new Int32Array(n).fill(UNREACHED);
  const bestBoard = new Int32Array(n).fill(UNREACHED);
  const targetArr = new Int32Array(maxRounds + 1).fill(UNREACHED);
  const targetStop = new Int32Array(maxRounds + 1).fill(-1);
  let bestTarget = input.arrivalLimit ?? UNREACHED;

  const marked = new Uint8Array(n);
  let markedList: number[] = [];
  for (const a of input.access) {
    if (a.time < board[a.stop]!) {
      board[a.stop] = a.time;
      bestBoard[a.stop] = a.time;
      boardFrom[a.stop] = -1;
      if (!marked[a.stop]) {
        marked[a.stop] = 1;
        markedList.push(a.stop);
      }
    }
  }

  const patternStartPos = new Int32Array(tt.patternCount).fill(-1);
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
        if (minReady !== UNREACHED && depT[runTimeStart[end - 1]! + len - 1]! < minReady) continue;
        // Runs are FIFO in a sub: every boarding here leaves no earlier than its first run at
        // startPos, and nothing arriving at or after the best target is kept.
        if (depT[runTimeStart[first]! + startPos]! >= bestTarget) continue;
        let run = -1;
        let runTimes = 0;
        let boardPos = -1;
        for (let pos = startPos; pos < len; pos++) {
          const s = patternStops[base + pos]!;
          if (run >= 0 && patternCanAlight[base + pos] === 1) {
            const a = arrT[runTimes + pos]!;
            if (a < bestVeh[s]! && a < bestTarget) {
              bestVeh[s] = a;
              vehArr[cur + s] = a;
              vehRun[cur + s] = run;
              vehPattern[cur + s] = p;
              vehBoardPos[cur + s] = boardPos;
              vehAlightPos[cur + s] = pos;
              improved.push(s);
              const e = egress.get(s);
              if (e !== undefined && a + e < bestTarget) {
                bestTarget = a + e;
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
            if (lo < end && (run < 0 || lo < run)) {
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
      if (a !== bestVeh[p]) continue; // superseded later in this round
      for (let f = tt.footStart[p]!; f < tt.footStart[p + 1]!; f++) {
        const q = tt.footTo[f]!;
        const walk =
          tt.footKind[f] === FOOT_WALK ? Math.ceil(tt.footValue[f]! / walkSpeed) : tt.footValue[f]!;
        const t = a + walk + transferSlack;
        if (t < bestBoard[q]! && t < bestTarget) {
          bestBoard[q] = t;
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

  return {
    rounds: maxRounds,
    stopCount: n,
    vehArr,
    board,
    vehRun,
    vehPattern,
    vehBoardPos,
    vehAlightPos,
    boardFrom,
    targetArr,
    targetStop,
  };
}
