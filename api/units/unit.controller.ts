import type { Request, Response } from 'express';
import { principalOf } from '../auth/authenticate';
import type { ApiContext } from '../context';
import type { CreateUnitBody, ListUnitsQuery, RenameUnitBody, UpdateUnitBody } from './unit.schemas';
import { UnitService } from './unit.service';

const code = (req: Request): string => String(req.params.code);

/** HTTP only: status codes and headers; the service decides who may do what. */
export function unitController(context: Pick<ApiContext, 'models' | 'now'>) {
  // Built per request: the app is also built without servers (OpenAPI, unit tests), when the context is empty.
  const service = () => {
    const { UnitKerja, Account, Cycle, AuditEvent } = context.models;
    return new UnitService({ UnitKerja, Account, Cycle, AuditEvent, now: context.now });
  };
  return {
    async create(req: Request, res: Response) {
      const unit = await service().create(principalOf(req), req.body as CreateUnitBody);
      res
        .status(201)
        .location(`/api/v1/units/${encodeURIComponent(unit.code)}`)
        .json(unit);
    },
    async list(req: Request, res: Response) {
      res.json(await service().list(principalOf(req), req.query as ListUnitsQuery));
    },
    async get(req: Request, res: Response) {
      res.json(await service().get(principalOf(req), code(req)));
    },
    async update(req: Request, res: Response) {
      res.json(await service().update(principalOf(req), code(req), req.body as UpdateUnitBody));
    },
    async rename(req: Request, res: Response) {
      const unit = await service().rename(principalOf(req), code(req), req.body as RenameUnitBody);
      res.location(`/api/v1/units/${encodeURIComponent(unit.code)}`).json(unit);
    },
  };
}
