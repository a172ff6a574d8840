import { Worker } from 'node:worker_threads';
import KDBush from 'kdbush';
import type { CompileOptions } from '../transit/index.js';
import type { Timetable } from '../transit/index.js';
import type { CompileJob, PostedTimetable } from './compileWorker.js';

// A JS entry that registers tsx inside the thread (Node 20 workers ignore --import loader hooks).
const WORKER = new URL('./compileWorker.boot.js', import.meta.url);

/**
 * Reads and compiles feeds in a worker thread, so a feed swap does not pause the server for the
 * seconds a compile takes; typed arrays are transferred back, not copied.
 */
export function compileInWorker(
  feeds: CompileJob['feeds'],
  options: CompileOptions,
  streetGraphs: Uint8Array[] = [],
): Promise<Timetable> {
  // The in-memory street network does not cross threads; its graphs go as bytes.
  const plain = { ...options, walkDistances: undefined };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { feeds, options: plain, streetGraphs } satisfies CompileJob,
    });
    let settled = false;
    worker.once(
      'message',
      (msg: { ok: true; tt: PostedTimetable } | { ok: false; message: string }) => {
        settled = true;
        void worker.terminate();
        if (!msg.ok) {
          reject(new Error(`timetable compile failed: ${msg.message}`));
          return;
        }
        resolve({
          ...msg.tt,
          servedStopIndex: KDBush.from(msg.tt.servedStopIndex),
          allStopIndex: KDBush.from(msg.tt.allStopIndex),
        });
      },
    );
    worker.once('error', (error) => {
      if (!settled) reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`timetable compile worker exited with code ${code}`));
    });
  });
}
