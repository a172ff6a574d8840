import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { CompileOptions } from '../../src/transit/compile.js';
import type { DayNumber } from '../../src/transit/time.js';

/** One feed database for the probe. */
export interface ProbeFeed {
  feedId: string;
  sqlitePath: string;
  importedAtMs: number;
}

/** What the probe process compiles. */
export interface ProbeRequest {
  feeds: ProbeFeed[];
  compile: CompileOptions;
  /** Day whose view is built after compiling (the router's working set for one date). */
  day: DayNumber;
}

/** Process memory after a GC, MiB. */
export interface ProbeMemory {
  rssMB: number;
  /** Highest RSS of the process so far (getrusage maxrss), MiB: the peak while reading and compiling. */
  peakRssMB: number;
  heapUsedMB: number;
  arrayBuffersMB: number;
}

/** The probe's answer. */
export interface ProbeResult {
  /** Before reading any feed (node, tsx and the modules loaded). */
  baseline: ProbeMemory;
  afterCompile: ProbeMemory;
  afterDayView: ProbeMemory;
  stopCount: number;
  gcExposed: boolean;
}

const PROBE = new URL('./rssProbe.ts', import.meta.url);
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Compiles `request.feeds` in a fresh Node process (with --expose-gc) and returns its memory figures. */
export function measureCompiledRss(request: ProbeRequest): Promise<ProbeResult> {
  const child = fork(PROBE, [JSON.stringify(request)], {
    execArgv: ['--expose-gc', '--import', TSX_LOADER],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: ProbeResult | undefined;
    child.on('message', (message: ProbeResult) => {
      result = message;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (result) resolve(result);
      else reject(new Error(`RSS probe exited with code ${code ?? '?'} before reporting`));
    });
  });
}
