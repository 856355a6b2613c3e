import { Router } from 'express';
import { validate } from '../validate';
import { cycleController } from './cycle.controller';
import { cycleIdParams, launchCycleSchema } from './cycle.schemas';
import type { CycleService } from './cycle.service';

export function cycleRoutes(service: CycleService): Router {
  const controller = cycleController(service);
  return Router()
    .post('/', validate(launchCycleSchema), controller.launch)
    .get('/:id', validate(cycleIdParams), controller.get);
}
