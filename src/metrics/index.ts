import { createHash, timingSafeEqual } from 'node:crypto';
import { createCounter, createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Handler } from 'hono';
import cluster from 'node:cluster';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import { answerMetricRequests, clusterMetrics } from '../cluster/index.js';
import { clientErrorOf } from '../errors.js';
import type { Services } from '../services.js';
import { registerGauges } from './gauges.js';
import { operationLabeller } from './operationLabels.js';

/** Histogram buckets for request and plan latency, seconds. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2, 5];

/** The metrics of one app: its own registry (several apps may live in one test process) and the yoga plugins feeding it. */
export interface Metrics {
  registry: Registry;
  /** Yoga plugins: request counts and durations per operation, errors, plan latency and time budget. */
  plugins: Plugin[];
}

interface LabelParams {
  document?: DocumentNode;
  operationName?: string;
}

/** Creates the registry, the scrape-time gauges and the GraphQL plugins (prom-client, @graphql-yoga/plugin-prometheus) for the schema of `typeDefs` (SDL). */
export function createMetrics(services: Services, typeDefs: string): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // In a cluster, the primary asks every worker for its metrics and aggregates them.
  answerMetricRequests(registry);
  registerGauges(registry, services);
  const labelsOf = operationLabeller(typeDefs);
  const labels = (p: LabelParams) => labelsOf(p.document, p.operationName);

  const prometheus = usePrometheus({
    registry,
    endpoint: false,
    metrics: {
      graphql_envelop_deprecated_field: false,
      graphql_envelop_request: false,
      graphql_envelop_request_duration: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_schema_change: false,
      graphql_envelop_execute_resolver: false,
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: {
          name: 'maas_graphql_request_duration_seconds',
          help: 'GraphQL requests over HTTP by operation and root field: duration, seconds (the _count is the request count).',
          labelNames: ['operationName', 'operationType', 'rootField', 'statusCode'],
          buckets: LATENCY_BUCKETS,
        },
        fillLabelsFn: (p: LabelParams & { response: Response }) => ({
          ...labels(p),
          statusCode: p.response.status,
        }),
      }),
      graphql_envelop_phase_execute: createHistogram({
        registry,
        histogram: {
          name: 'maas_plan_duration_seconds',
          help: 'Execution time of operations that plan a trip (root field plan), seconds.',
          labelNames: ['operationName'],
          buckets: LATENCY_BUCKETS,
        },
        fillLabelsFn: (p: LabelParams) => ({ operationName: labels(p).operationName }),
        shouldObserve: (p: LabelParams) => labels(p).rootField.split(',').includes('plan'),
      }),
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: 'maas_graphql_errors_total',
          help: 'GraphQL errors by root field, phase and extensions.code.',
          labelNames: ['rootField', 'phase', 'code'],
        },
        fillLabelsFn: (p: LabelParams & { errorPhase?: string; error?: unknown }) => ({
          rootField: labels(p).rootField,
          phase: p.errorPhase ?? 'unknown',
          code: errorCode(p.error),
        }),
      }),
    },
  });
  return { registry, plugins: [prometheus, planBudget(services, registry, labels)] };
}

/** `extensions.code` of an error, else the code of the domain error it wraps (metrics see errors before masking), else `none`. */
function errorCode(error: unknown): string {
  const e = error as { extensions?: { code?: unknown }; originalError?: unknown } | undefined;
  if (typeof e?.extensions?.code === 'string') return e.extensions.code;
  return clientErrorOf(e?.originalError ?? error)?.code ?? 'none';
}

/**
 * Counts and logs `plan` operations that ran past PLAN_TIME_BUDGET_MS. The planner runs
 * synchronously, so the budget cannot stop a search from here; this makes overruns visible.
 */
function planBudget(
  services: Services,
  registry: Registry,
  labels: (p: LabelParams) => { rootField: string },
): Plugin {
  const budgetMs = services.config.planTimeBudgetMs;
  const over = new Counter({
    name: 'maas_plan_over_budget_total',
    help: 'plan operations that took longer than PLAN_TIME_BUDGET_MS.',
    registers: [registry],
  });
  return {
    onExecute({ args }) {
      const document = args.document as DocumentNode;
      const operationName = (args.operationName as string | null | undefined) ?? undefined;
      if (!labels({ document, operationName }).rootField.split(',').includes('plan')) {
        return undefined;
      }
      const started = performance.now();
      return {
        onExecuteDone() {
          const ms = performance.now() - started;
          if (ms <= budgetMs) return;
          over.inc();
          services.logger.warn(
            // The request id ties this to the request log; trip coordinates stay out of the logs.
            {
              ms: Math.round(ms),
              budgetMs,
              requestId: (args.contextValue as { requestId?: string }).requestId,
            },
            'plan over its time budget',
          );
        },
      };
    },
  };
}

/** Constant-time comparison of two strings (through their SHA-256, so lengths need not match). */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** `GET /metrics` in Prometheus text format; with a token, only for `Authorization: Bearer <token>`. */
export function metricsHandler(metrics: Metrics, token: string | undefined): Handler {
  return async (c) => {
    if (
      token !== undefined &&
      !sameSecret(c.req.header('authorization') ?? '', `Bearer ${token}`)
    ) {
      return c.json(
        {
          error: {
            code: 'UNAUTHENTICATED',
            message: 'metrics need Authorization: Bearer <METRICS_TOKEN>',
          },
        },
        401,
      );
    }
    // In a cluster, every worker's metrics, aggregated by the primary.
    const text = cluster.isWorker ? await clusterMetrics() : await metrics.registry.metrics();
    return c.body(text, 200, {
      'Content-Type': metrics.registry.contentType,
    });
  };
}
