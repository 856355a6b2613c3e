import type { Request, Response } from 'express';
import type { CycleService, SteeringAction } from './cycle.service';
import type { LaunchCycleBody, SteerCycleBody } from './cycle.schemas';

type Params = Record<string, string>;

/** HTTP only: status codes and headers; the service decides everything else. */
export function cycleController(service: CycleService) {
  /** One handler per steering route: picks the action from the request, answers with the cycle's new state. */
  const steer = (action: (req: Request<Params>) => SteeringAction) => async (req: Request<Params>, res: Response) => {
    res.json(await service.steer(req.params.id!, action(req), req.body as SteerCycleBody));
  };
  return {
    async launch(req: Request, res: Response) {
      const cycle = await service.launch(req.body as LaunchCycleBody);
      res
        .status(202)
        .location(`/api/v1/cycles/${encodeURIComponent(cycle.id)}`)
        .json(cycle);
    },
    async get(req: Request<{ id: string }>, res: Response) {
      res.json(await service.get(req.params.id));
    },
    async tasks(req: Request<{ id: string }>, res: Response) {
      res.json({ items: await service.tasks(req.params.id) });
    },
    advance: steer((req) => ({ kind: 'advance', stage: req.body.stage })),
    extendStage: steer((req) => ({ kind: 'extend-stage', stage: req.params.stage!, due: req.body.due })),
    addUnit: steer((req) => ({ kind: 'add-unit', unit: req.body.unit })),
    advanceUnit: steer((req) => ({ kind: 'advance-unit', unitCode: req.params.code!, stage: req.body.stage })),
    withdrawUnit: steer((req) => ({ kind: 'withdraw-unit', unitCode: req.params.code! })),
    cancel: steer(() => ({ kind: 'cancel' })),
  };
}
