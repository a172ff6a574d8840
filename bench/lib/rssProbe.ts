/**
 * Child-process entry of `measureCompiledRss`: compiles the given node-gtfs files as the server
 * does (readFeedSource + compileTimetable → Network), then builds one day view, and reports the
 * process memory after a full GC at each step. A fresh process keeps the benchmark's own
 * allocations (minotor, samples, HTTP client) out of the figure.
 */
import { readFeedSource } from '../../src/gtfs/readFeedSource.js';
import { compileTimetable } from '../../src/transit/compile.js';
import { Network } from '../../src/transit/network.js';
import type { ProbeFeed, ProbeMemory, ProbeRequest, ProbeResult } from './memory.js';

function snapshot(): ProbeMemory {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const mb = (bytes: number) => bytes / 2 ** 20;
  return {
    rssMB: mb(m.rss),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: mb(m.heapUsed),
    arrayBuffersMB: mb(m.arrayBuffers),
  };
}

function run(request: ProbeRequest): ProbeResult {
  const baseline = snapshot();
  const sources = request.feeds.map((f: ProbeFeed) =>
    readFeedSource(f.sqlitePath, f.feedId, f.importedAtMs),
  );
  const net = new Network(compileTimetable(sources, request.compile));
  sources.length = 0; // the server keeps only the compiled timetable
  const afterCompile = snapshot();
  net.view(request.day);
  const afterDayView = snapshot();
  return {
    baseline,
    afterCompile,
    afterDayView,
    stopCount: net.tt.stopCount,
    gcExposed: typeof globalThis.gc === 'function',
  };
}

const request = JSON.parse(process.argv[2] ?? '{}') as ProbeRequest;
process.send?.(run(request), () => process.exit(0));
