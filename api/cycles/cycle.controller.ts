import type { Request, Response } from 'express';
import { principalOf } from '../auth/authenticate';
import type { ApiContext } from '../context';
import type { SteeringAction } from './cycle.service';
import type { LaunchCycleBody, ListCyclesQuery, SteerCycleBody } from './cycle.schemas';

/** Path parameters, validated and trimmed by the route's schema before the handler runs. */
const param = (req: Request, name: string): string => String(req.params[name]);

/** HTTP only: status codes and headers; the service decides everything else, including who may. */
export function cycleController(context: Pick<ApiContext, 'cycles'>) {
  /** One handler per steering route: picks the action from the request, answers with the cycle's new state. */
  const steer = (action: (req: Request) => SteeringAction) => async (req: Request, res: Response) => {
    res.json(await context.cycles.steer(param(req, 'id'), action(req), req.body as SteerCycleBody, principalOf(req)));
  };
  return {
    async launch(req: Request, res: Response) {
      const cycle = await context.cycles.launch(req.body as LaunchCycleBody, principalOf(req));
      res
        .status(202)
        .location(`/api/v1/cycles/${encodeURIComponent(cycle.id)}`)
        .json(cycle);
    },
    async preview(req: Request, res: Response) {
      res.json(await context.cycles.preview(req.body as LaunchCycleBody, principalOf(req)));
    },
    async list(req: Request, res: Response) {
      res.json({ items: await context.cycles.list(principalOf(req), req.query as ListCyclesQuery) });
    },
    async get(req: Request, res: Response) {
      res.json(await context.cycles.get(param(req, 'id'), principalOf(req)));
    },
    async monev(req: Request, res: Response) {
      res.json({ items: await context.cycles.monev(param(req, 'id'), principalOf(req)) });
    },
    async tasks(req: Request, res: Response) {
      res.json({ items: await context.cycles.tasks(param(req, 'id'), principalOf(req)) });
    },
    advance: steer((req) => ({ kind: 'advance', stage: req.body.stage })),
    extendStage: steer((req) => ({ kind: 'extend-stage', stage: param(req, 'stage'), due: req.body.due })),
    addUnit: steer((req) => ({ kind: 'add-unit', unit: req.body.unit })),
    advanceUnit: steer((req) => ({ kind: 'advance-unit', unitCode: param(req, 'code'), stage: req.body.stage })),
    withdrawUnit: steer((req) => ({ kind: 'withdraw-unit', unitCode: param(req, 'code') })),
    cancel: steer(() => ({ kind: 'cancel' })),
  };
}
