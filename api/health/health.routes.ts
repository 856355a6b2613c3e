import { Router } from 'express';
import { sendProblem } from '../error.middleware';
import { HttpProblem } from '../problem';
import { checkReadiness, type ReadinessCheck } from './readiness';

/** /healthz: the process is alive. /readyz: it can do its job (every dependency answers). */
export function healthRoutes(checks: Record<string, ReadinessCheck>): Router {
  return Router()
    .get('/healthz', (_req, res) => {
      res.json({ status: 'ok' });
    })
    .get('/readyz', async (req, res) => {
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
    });
}
