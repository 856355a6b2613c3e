import type { Request, Response } from 'express';
import type { CycleService } from './cycle.service';
import type { LaunchCycleBody } from './cycle.schemas';

/** HTTP only: status codes and headers; the service decides everything else. */
export function cycleController(service: CycleService) {
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
  };
}
