import type { Request, Response } from 'express';
import { principalOf } from '../auth/authenticate';
import type { ApiContext } from '../context';
import type { Operation } from '../operation';
import {
  createSubstitutionSchema,
  listSubstitutionsSchema,
  substitutionParams,
  substitutionResponse,
  type CreateSubstitutionBody,
} from './substitute.schemas';
import { SubstitutionService } from './substitute.service';

/** Substitutes while away: a person names who acts on their tasks for a date range. Mounted at /api/v1/substitutes. */
export function substituteOperations(context: ApiContext): Operation[] {
  // Built per request: the app is also built without dependencies (OpenAPI document, unit tests).
  const service = () => new SubstitutionService(context);
  return [
    {
      method: 'post',
      path: '/',
      summary: 'Menunjuk pengganti selama berhalangan (untuk diri sendiri; Bagian Organisasi juga untuk orang lain)',
      schema: createSubstitutionSchema,
      responses: {
        201: { description: 'Pengganti tercatat', body: substitutionResponse },
        403: { description: 'Menunjuk pengganti untuk orang lain hanya Bagian Organisasi' },
        409: { description: 'Rentang tanggal bertumpang tindih dengan pengganti lain' },
        422: { description: 'Pengganti belum punya akun aktif atau tidak berperan di unit yang sama' },
      },
      async handler(req: Request, res: Response) {
        const created = await service().create(principalOf(req), req.body as CreateSubstitutionBody);
        res.status(201).location(`/api/v1/substitutes/${created.id}`).json(created);
      },
    },
    {
      method: 'get',
      path: '/',
      summary: 'Pengganti saya dan yang menunjuk saya sebagai pengganti',
      schema: listSubstitutionsSchema,
      responses: { 200: { description: 'Daftar pengganti, tanggal awal terdekat lebih dahulu' } },
      async handler(req: Request, res: Response) {
        const { personId } = req.query as { personId?: string };
        res.json({ items: await service().list(principalOf(req), personId) });
      },
    },
    {
      method: 'delete',
      path: '/:id',
      summary: 'Menghapus pengganti (orang yang berhalangan atau Bagian Organisasi)',
      schema: substitutionParams,
      responses: { 204: { description: 'Dihapus' }, 404: { description: 'Pengganti tidak ditemukan' } },
      async handler(req: Request, res: Response) {
        await service().remove(principalOf(req), String(req.params.id));
        res.status(204).end();
      },
    },
  ];
}
