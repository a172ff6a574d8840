import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from 'prom-client';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';
import { RiderTokens } from '../auth/index.js';
import type { Config } from '../config.js';
import { appDbPath, openAppDb } from '../db/index.js';
import { createLogger } from '../logger.js';
import { isClusterMessage, type ClusterMessage } from './worker.js';

/** A worker that dies sooner than this after its start counts as crash-looping: restarts back off. */
const STABLE_AFTER_MS = 10_000;
/** Longest wait between restarts of a crash-looping worker. */
const MAX_BACKOFF_MS = 30_000;
/** A worker's metrics not in after this long are left out of an aggregated /metrics answer. */
const METRICS_WAIT_MS = 2000;
/** Workers still running this long after SIGTERM are killed. */
const SHUTDOWN_GRACE_MS = 15_000;

/**
 * `maas serve` with `WORKERS > 1`: this process only supervises. It migrates the database and
 * creates the server key once, then forks the workers (node:cluster), which share the listening
 * port; worker 0 starts first (it imports the sample on a first start) and the others once it is
 * ready. The primary also holds what must be one per server: the rate-limit counters
 * (rate-limiter-flexible's cluster master, so a client's limit does not multiply by WORKERS) and
 * the aggregation of /metrics over the ready workers (prom-client). Realtime needs nothing here: every
 * worker reads it from the realtime log in app.sqlite. A worker that dies is replaced; SIGTERM or
 * SIGINT stops the workers gracefully, then the primary.
 */
export function runPrimary(config: Config): void {
  const logger = createLogger(config.logLevel).child({ role: 'primary' });
  mkdirSync(config.dataDir, { recursive: true });
  openAppDb(appDbPath(config.dataDir)).$client.close();
  RiderTokens.fromDataDir(config.dataDir);
  new RateLimiterClusterMaster();
  const ready = new Set<Worker>();
  const localMetrics = new Map<
    string,
    (metrics: MetricObjectWithValues<MetricValue<string>>[]) => void
  >();

  /** Every ready worker's metrics, aggregated (prom-client); a worker still starting, or not answering in time, is left out. */
  const aggregatedMetrics = async (): Promise<string> => {
    const answers = await Promise.all(
      [...ready].map(
        (worker) =>
          new Promise<MetricObjectWithValues<MetricValue<string>>[] | undefined>((resolve) => {
            const id = randomUUID();
            const timer = setTimeout(() => {
              localMetrics.delete(id);
              resolve(undefined);
            }, METRICS_WAIT_MS);
            localMetrics.set(id, (metrics) => {
              clearTimeout(timer);
              localMetrics.delete(id);
              resolve(metrics);
            });
            worker.send({ maas: 'local-metrics?', id } satisfies ClusterMessage);
          }),
      ),
    );
    return AggregatorRegistry.aggregate(answers.filter((a) => a !== undefined)).metrics();
  };
  // IPC messages (rate-limit calls, metric snapshots) as structured clones rather than JSON text.
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
      if (message.maas === 'ready') ready.add(worker);
      if (message.maas === 'local-metrics') localMetrics.get(message.id)?.(message.metrics);
      if (message.maas === 'ready' && !othersStarted) {
        othersStarted = true;
        for (let i = 1; i < config.workers; i++) fork(i);
      }
      if (message.maas === 'metrics?') {
        const reply = (answer: ClusterMessage) => {
          if (worker.isConnected()) worker.send(answer);
        };
        aggregatedMetrics().then(
          (text) => reply({ maas: 'metrics', id: message.id, text }),
          (error: unknown) => reply({ maas: 'metrics', id: message.id, error: String(error) }),
        );
      }
    });
    worker.on('exit', (code, signal) => {
      ready.delete(worker);
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
