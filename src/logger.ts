import cluster from 'node:cluster';
import { pino, type Logger } from 'pino';
import { workerIndex } from './cluster/index.js';

/** Creates the structured JSON logger (pino) at the given level; lines of a cluster worker carry its index. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: cluster.isWorker ? { service: 'maas', worker: workerIndex() } : { service: 'maas' },
  });
}

export type { Logger };
