import type { Request, Response } from 'express';
import type { ApiContext } from '../context';
import type { SteeringAction } from './cycle.service';
import type { LaunchCycleBody, SteerCycleBody } from './cycle.schemas';

/** Path parameters, validated and trimmed by the route's schema before the handler runs. */
const param = (req: Request, name: string): string => String(req.params[name]);

/** HTTP only: status codes and headers; the service decides everything else. */
export function cycleController(context: Pick<ApiContext, 'cycles'>) {
  const service = {
    launch: (...args: Parameters<ApiContext['cycles']['launch']>) => context.cycles.launch(...args),
    preview: (...args: Parameters<ApiContext['cycles']['preview']>) => context.cycles.preview(...args),
    get: (...args: Parameters<ApiContext['cycles']['get']>) => context.cycles.get(...args),
    tasks: (...args: Parameters<ApiContext['cycles']['tasks']>) => context.cycles.tasks(...args),
    steer: (...args: Parameters<ApiContext['cycles']['steer']>) => context.cycles.steer(...args),
  };
  /** One handler per steering route: picks the action from the request, answers with the cycle's new state. */
  const steer = (action: (req: Request) => SteeringAction) => async (req: Request, res: Response) => {
    res.json(await service.steer(param(req, 'id'), action(req), req.body as SteerCycleBody));
  };
  return {
    async launch(req: Request, res: Response) {
      const cycle = await service.launch(req.body as LaunchCycleBody);
      res
        .status(202)
        .location(`/api/v1/cycles/${encodeURIComponent(cycle.id)}`)
        .json(cycle);
    },
    preview(req: Request, res: Response) {
      res.json(service.preview(req.body as LaunchCycleBody));
    },
    async get(req: Request, res: Response) {
      res.json(await service.get(param(req, 'id')));
    },
    async tasks(req: Request, res: Response) {
      res.json({ items: await service.tasks(param(req, 'id')) });
    },
    advance: steer((req) => ({ kind: 'advance', stage: req.body.stage })),
    extendStage: steer((req) => ({ kind: 'extend-stage', stage: param(req, 'stage'), due: req.body.due })),
    addUnit: steer((req) => ({ kind: 'add-unit', unit: req.body.unit })),
    advanceUnit: steer((req) => ({ kind: 'advance-unit', unitCode: param(req, 'code'), stage: req.body.stage })),
    withdrawUnit: steer((req) => ({ kind: 'withdraw-unit', unitCode: param(req, 'code') })),
    cancel: steer(() => ({ kind: 'cancel' })),
  };
}
