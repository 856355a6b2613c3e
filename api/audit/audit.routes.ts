import type { Request, Response } from 'express';
import { principalOf } from '../auth/authenticate';
import type { ApiContext } from '../context';
import type { Operation } from '../operation';
import { auditPageBody, auditQuerySchema, type AuditQuery } from './audit.schemas';
import { AuditService } from './audit.service';

/** Audit events per cycle, unit or task. Mounted at /api/v1/audit. */
export function auditOperations(context: ApiContext): Operation[] {
  // Built per request: the app is also built without servers (OpenAPI, unit tests), when the context is empty.
  const service = () =>
    new AuditService({
      AuditEvent: context.models.AuditEvent,
      Cycle: context.models.Cycle,
      Task: context.models.Task,
      UnitKerja: context.models.UnitKerja,
    });
  return [
    {
      method: 'get',
      path: '/',
      summary:
        'Jejak audit, terlama lebih dahulu, untuk tepat satu dari: siklus (`cycle`), unit (`unit`), tugas (`task`) ' +
        'atau orang (`person`, hanya Bagian Organisasi). Pembaca per unit hanya melihat kejadian unitnya',
      schema: auditQuerySchema,
      responses: {
        200: { description: 'Satu halaman kejadian', body: auditPageBody },
        403: { description: 'Peran Anda tidak mengizinkan membaca jejak audit ini' },
        404: { description: 'Siklus, unit atau tugas tidak ditemukan atau di luar lingkup Anda' },
      },
      handler: async (req: Request, res: Response) => {
        res.json(await service().list(principalOf(req), req.query as AuditQuery));
      },
    },
  ];
}
