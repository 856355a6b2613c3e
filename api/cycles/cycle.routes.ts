import { Router } from 'express';
import { validate } from '../validate';
import { cycleController } from './cycle.controller';
import {
  addUnitSchema,
  advanceCycleSchema,
  advanceUnitSchema,
  cancelCycleSchema,
  cycleIdParams,
  extendStageSchema,
  launchCycleSchema,
  withdrawUnitSchema,
} from './cycle.schemas';
import type { CycleService } from './cycle.service';

export function cycleRoutes(service: CycleService): Router {
  const controller = cycleController(service);
  return Router()
    .post('/', validate(launchCycleSchema), controller.launch)
    .get('/:id', validate(cycleIdParams), controller.get)
    .get('/:id/tasks', validate(cycleIdParams), controller.tasks)
    .post('/:id/advance', validate(advanceCycleSchema), controller.advance)
    .post('/:id/stages/:stage/extend', validate(extendStageSchema), controller.extendStage)
    .post('/:id/units', validate(addUnitSchema), controller.addUnit)
    .post('/:id/units/:code/advance', validate(advanceUnitSchema), controller.advanceUnit)
    .post('/:id/units/:code/withdraw', validate(withdrawUnitSchema), controller.withdrawUnit)
    .post('/:id/cancel', validate(cancelCycleSchema), controller.cancel);
}
