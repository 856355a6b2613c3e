import type { RequestHandler } from 'express';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { openApiPath } from './openapi';

/** Where the counts behind the gauges come from (the read model); read at scrape time. */
export interface MetricsSources {
  /** Tasks by status. */
  taskCounts?: () => Promise<Record<string, number>>;
  /** Emails by delivery status (sent, retrying, failed, …). */
  emailCounts?: () => Promise<Record<string, number>>;
}

export type WorkflowCall = 'start' | 'update' | 'query';

/**
 * Prometheus metrics of the API: HTTP latency per route, Temporal round trips the API makes, and what the read model
 * holds (tasks by status, emails by delivery status). Served at /metrics.
 */
export function createMetrics(sources: MetricsSources = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'zi_api_' });
  const http = new Histogram({
    name: 'zi_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const workflow = new Histogram({
    name: 'zi_workflow_call_duration_seconds',
    help: 'Round trips from the API to Temporal (workflow start, update, query) by outcome',
    labelNames: ['call', 'outcome'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  gaugeFrom(registry, 'zi_tasks', 'Tasks in the read model by status', sources.taskCounts);
  gaugeFrom(registry, 'zi_emails', 'Emails by delivery status', sources.emailCounts);

  return {
    registry,
    /** Times every request, labelled by its route template (never the raw URL: ids would explode the series). */
    httpMiddleware: (): RequestHandler => (req, res, next) => {
      const stop = http.startTimer();
      res.on('finish', () => {
        const route = req.route?.path ? openApiPath(req.baseUrl, String(req.route.path)) : 'unmatched';
        stop({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    },
    /** Times one call to Temporal, whatever its outcome. */
    async timeWorkflowCall<T>(call: WorkflowCall, run: () => Promise<T>): Promise<T> {
      const stop = workflow.startTimer({ call });
      try {
        const result = await run();
        stop({ outcome: 'ok' });
        return result;
      } catch (error) {
        stop({ outcome: 'error' });
        throw error;
      }
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** A gauge filled at scrape time; when its source fails (database down) it reports nothing rather than stale counts. */
function gaugeFrom(registry: Registry, name: string, help: string, source?: () => Promise<Record<string, number>>) {
  if (!source) return;
  new Gauge({
    name,
    help,
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await source().catch(() => undefined);
      for (const [status, count] of Object.entries(counts ?? {})) this.set({ status }, count);
    },
  });
}
