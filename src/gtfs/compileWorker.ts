// Worker thread: reads feed databases and compiles the timetable off the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { compileTimetable, type CompileOptions } from '../transit/index.js';
import type { Timetable } from '../transit/index.js';
import { decodeStreetGraph, StreetNetwork } from '../streets/index.js';
import { readFeedSource } from './readFeedSource.js';

/** What the parent sends. */
export interface CompileJob {
  feeds: { file: string; feedId: string; importedAtMs: number }[];
  /** Without `walkDistances`: the street graphs travel as their bytes (`streetGraphs`). */
  options: Omit<CompileOptions, 'walkDistances'>;
  /** Encoded street graphs to walk footpaths on (DESIGN.md §10); none: straight lines. */
  streetGraphs: Uint8Array[];
}

/** The timetable as posted: spatial indices travel as their raw buffers. */
export type PostedTimetable = Omit<Timetable, 'servedStopIndex' | 'allStopIndex'> & {
  servedStopIndex: ArrayBuffer;
  allStopIndex: ArrayBuffer;
};

function buffersOf(value: object): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown) => {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
    else if (v instanceof ArrayBuffer) out.add(v);
    else if (Array.isArray(v)) for (const item of v) if (ArrayBuffer.isView(item)) visit(item);
  };
  for (const v of Object.values(value)) visit(v);
  return [...out];
}

const job = workerData as CompileJob;
try {
  const sources = job.feeds.map((f) => readFeedSource(f.file, f.feedId, f.importedAtMs));
  const walkDistances =
    job.streetGraphs.length > 0
      ? new StreetNetwork(job.streetGraphs.map((bytes) => decodeStreetGraph(bytes)))
      : undefined;
  const tt = compileTimetable(sources, { ...job.options, walkDistances });
  const posted: PostedTimetable = {
    ...tt,
    servedStopIndex: tt.servedStopIndex.data as ArrayBuffer,
    allStopIndex: tt.allStopIndex.data as ArrayBuffer,
  };
  parentPort!.postMessage({ ok: true, tt: posted }, buffersOf(posted));
} catch (error) {
  parentPort!.postMessage({
    ok: false,
    message: error instanceof Error ? error.message : String(error),
  });
}
