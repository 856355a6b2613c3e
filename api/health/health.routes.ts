import { sendProblem } from '../error.middleware';
import type { Metrics } from '../metrics';
import type { Operation } from '../operation';
import { HttpProblem } from '../problem';
import { checkReadiness, type ReadinessCheck } from './readiness';

/**
 * /healthz: the process is alive. /readyz: it can do its job (every dependency answers). /metrics: Prometheus.
 * Mounted at the root.
 */
export function healthOperations(checks: Record<string, ReadinessCheck>, metrics: Metrics): Operation[] {
  return [
    {
      method: 'get',
      access: 'public',
      path: '/metrics',
      summary: 'Metrik Prometheus: latensi HTTP, panggilan Temporal, tugas per status, email per status pengiriman',
      responses: { 200: { description: 'Format teks Prometheus' } },
      handler: async (_req, res) => {
        res.set('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
      },
    },
    {
      method: 'get',
      access: 'public',
      path: '/healthz',
      summary: 'Proses hidup',
      responses: { 200: { description: 'ok' } },
      handler: (_req, res) => {
        res.json({ status: 'ok' });
      },
    },
    {
      method: 'get',
      access: 'public',
      path: '/readyz',
      summary: 'Siap bekerja: Temporal dan MongoDB menjawab',
      responses: { 200: { description: 'Siap' } },
      handler: async (req, res) => {
        const report = await checkReadiness(checks);
        if (report.ready) {
          res.json({ status: 'ready', checks: report.checks });
          return;
        }
        const down = Object.entries(report.checks)
          .filter(([, check]) => check.status === 'down')
          .map(([name]) => name);
        sendProblem(
          res,
          new HttpProblem(503, 'Layanan belum siap', `Tidak dapat menghubungi: ${down.join(', ')}`, {
            retryAfterSeconds: 5,
            down,
            checks: report.checks,
          }),
          req.originalUrl,
        );
      },
    },
  ];
}
