import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import type { MetricObjectWithValues, MetricValue, Registry } from 'prom-client';

/**
 * The worker side of `WORKERS > 1` (see `primary.ts`): which worker this process is, and the few
 * questions it asks the primary over the cluster IPC channel. Outside a cluster these degrade to
 * the single-process answers, so the rest of the code does not care how it is run.
 */

/** Index of this worker, 0 … WORKERS−1; 0 outside a cluster. */
export function workerIndex(): number {
  return cluster.isWorker ? Number(process.env.MAAS_WORKER_INDEX ?? 0) : 0;
}

/** Whether this process runs the once-per-server jobs (sample import, realtime polling, hold sweeper). */
export function isLeader(): boolean {
  return workerIndex() === 0;
}

/** Messages between the primary and workers that are ours (other libraries share the channel). */
export type ClusterMessage =
  | { maas: 'ready' }
  | { maas: 'metrics?'; id: string }
  | { maas: 'metrics'; id: string; text?: string; error?: string }
  | { maas: 'local-metrics?'; id: string }
  | { maas: 'local-metrics'; id: string; metrics: MetricObjectWithValues<MetricValue<string>>[] };

export function isClusterMessage(message: unknown): message is ClusterMessage {
  return typeof message === 'object' && message !== null && 'maas' in message;
}

/** Tells the primary this worker serves (it starts the next workers then). */
export function signalReady(): void {
  if (cluster.isWorker) process.send?.({ maas: 'ready' } satisfies ClusterMessage);
}

/** In a cluster worker: answers the primary's requests for this worker's metrics (it aggregates them). */
export function answerMetricRequests(registry: Registry): void {
  if (!cluster.isWorker) return;
  process.on('message', (message: unknown) => {
    if (!isClusterMessage(message) || message.maas !== 'local-metrics?') return;
    void registry.getMetricsAsJSON().then((metrics) => {
      process.send?.({ maas: 'local-metrics', id: message.id, metrics } satisfies ClusterMessage);
    });
  });
}

/** The metrics of every worker, aggregated by the primary (prom-client AggregatorRegistry), in Prometheus text. */
export function clusterMetrics(timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const id = randomUUID();
    const onMessage = (message: unknown) => {
      if (!isClusterMessage(message) || message.maas !== 'metrics' || message.id !== id) return;
      done();
      if (message.text !== undefined) resolve(message.text);
      else reject(new Error(message.error ?? 'no metrics'));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error('the primary did not answer with metrics in time'));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      process.off('message', onMessage);
    };
    process.on('message', onMessage);
    process.send?.({ maas: 'metrics?', id } satisfies ClusterMessage);
  });
}
