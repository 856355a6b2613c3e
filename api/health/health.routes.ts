import { sendProblem } from '../error.middleware';
import type { Operation } from '../operation';
import { HttpProblem } from '../problem';
import { checkReadiness, type ReadinessCheck } from './readiness';

/** /healthz: the process is alive. /readyz: it can do its job (every dependency answers). Mounted at the root. */
export function healthOperations(checks: Record<string, ReadinessCheck>): Operation[] {
  return [
    {
      method: 'get',
      path: '/healthz',
      summary: 'Proses hidup',
      responses: { 200: { description: 'ok' } },
      handler: (_req, res) => {
        res.json({ status: 'ok' });
      },
    },
    {
      method: 'get',
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
