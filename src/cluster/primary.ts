import cluster, { type Worker } from 'node:cluster';
import { mkdirSync } from 'node:fs';
import { AggregatorRegistry } from 'prom-client';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';
import { RiderTokens } from '../auth/riderTokens.js';
import type { Config } from '../config.js';
import { appDbPath, openAppDb } from '../db/client.js';
import { createLogger } from '../logger.js';
import { isClusterMessage, type ClusterMessage } from './worker.js';

/** A worker that dies sooner than this after its start counts as crash-looping: restarts back off. */
const STABLE_AFTER_MS = 10_000;
/** Longest wait between restarts of a crash-looping worker. */
const MAX_BACKOFF_MS = 30_000;
/** Workers still running this long after SIGTERM are killed. */
const SHUTDOWN_GRACE_MS = 15_000;

/**
 * `maas serve` with `WORKERS > 1`: this process only supervises. It migrates the database and
 * creates the server key once, then forks the workers (node:cluster), which share the listening
 * port; worker 0 starts first (it imports the sample on a first start) and the others once it is
 * ready. The primary also holds what must be one per server: the rate-limit counters
 * (rate-limiter-flexible's cluster master, so a client's limit does not multiply by WORKERS) and
 * the aggregation of /metrics over all workers (prom-client). Realtime needs nothing here: every
 * worker reads it from the realtime log in app.sqlite. A worker that dies is replaced; SIGTERM or
 * SIGINT stops the workers gracefully, then the primary.
 */
export function runPrimary(config: Config): void {
  const logger = createLogger(config.logLevel).child({ role: 'primary' });
  mkdirSync(config.dataDir, { recursive: true });
  openAppDb(appDbPath(config.dataDir)).$client.close();
  RiderTokens.fromDataDir(config.dataDir);
  new RateLimiterClusterMaster();
  const aggregator = new AggregatorRegistry();
  // Structured clone over IPC (buffers stay buffers).
  cluster.setupPrimary({ serialization: 'advanced' });

  const workers = new Map<number, Worker>();
  const backoff = new Map<number, number>();
  let stopping = false;
  let othersStarted = false;

  const fork = (index: number) => {
    const startedAt = Date.now();
    const worker = cluster.fork({ MAAS_WORKER_INDEX: String(index) });
    workers.set(index, worker);
    worker.on('message', (message: unknown) => {
      if (!isClusterMessage(message)) return;
      if (message.maas === 'ready' && !othersStarted) {
        othersStarted = true;
        for (let i = 1; i < config.workers; i++) fork(i);
      }
      if (message.maas === 'metrics?') {
        const reply = (answer: ClusterMessage) => {
          if (worker.isConnected()) worker.send(answer);
        };
        aggregator.clusterMetrics().then(
          (text) => reply({ maas: 'metrics', id: message.id, text }),
          (error: unknown) => reply({ maas: 'metrics', id: message.id, error: String(error) }),
        );
      }
    });
    worker.on('exit', (code, signal) => {
      if (workers.get(index) === worker) workers.delete(index);
      if (stopping) {
        if (workers.size === 0) process.exit(0);
        return;
      }
      const quick = Date.now() - startedAt < STABLE_AFTER_MS;
      const delay = quick ? Math.min(MAX_BACKOFF_MS, (backoff.get(index) ?? 500) * 2) : 0;
      backoff.set(index, quick ? delay : 500);
      logger.error(
        { worker: index, code, signal, restartInMs: delay },
        'worker exited; starting a new one',
      );
      setTimeout(() => {
        if (!stopping) fork(index);
      }, delay);
    });
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping the workers');
    if (workers.size === 0) process.exit(0);
    for (const worker of workers.values()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of workers.values()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  logger.info({ workers: config.workers, pid: process.pid }, 'starting workers');
  fork(0);
}
