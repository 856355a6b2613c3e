import express from 'express';
import request from 'supertest';
import { createMetrics } from '../../api/metrics';

describe('createMetrics', () => {
  it('labels HTTP latency by route template, never by the raw URL', async () => {
    const metrics = createMetrics();
    const app = express();
    app.use(metrics.httpMiddleware());
    app.use(
      '/api/v1/cycles',
      express.Router().get('/:id', (_req, res) => void res.json({})),
    );
    await request(app).get('/api/v1/cycles/2026-aaaa').expect(200);
    await request(app).get('/api/v1/cycles/2026-bbbb').expect(200);
    await request(app).get('/tidak-ada').expect(404);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'zi_http_request_duration_seconds_count{method="GET",route="/api/v1/cycles/{id}",status="200"} 2',
    );
    expect(text).toContain('zi_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"} 1');
    expect(text).not.toContain('2026-aaaa');
  });

  it('times Temporal calls by outcome and passes results and errors through', async () => {
    const metrics = createMetrics();
    await expect(metrics.timeWorkflowCall('start', async () => 'ok')).resolves.toBe('ok');
    await expect(metrics.timeWorkflowCall('update', async () => Promise.reject(new Error('ditolak')))).rejects.toThrow(
      'ditolak',
    );
    const text = await metrics.registry.metrics();
    expect(text).toContain('zi_workflow_call_duration_seconds_count{call="start",outcome="ok"} 1');
    expect(text).toContain('zi_workflow_call_duration_seconds_count{call="update",outcome="error"} 1');
  });

  it('reads the gauges at scrape time, and reports none while their source fails', async () => {
    let counts: Record<string, number> | Error = { open: 3, approved: 1 };
    const metrics = createMetrics({
      taskCounts: async () => {
        if (counts instanceof Error) throw counts;
        return counts;
      },
    });
    expect(await metrics.registry.metrics()).toContain('zi_tasks{status="open"} 3');
    counts = { open: 2, approved: 2 };
    expect(await metrics.registry.metrics()).toContain('zi_tasks{status="approved"} 2');
    counts = new Error('MongoDB tidak dapat dihubungi');
    expect(await metrics.registry.metrics()).not.toMatch(/^zi_tasks\{/m);
  });
});
