// The worker's workflow bundle entry point: every workflow type the task queue serves.
export { cycleWorkflow } from './cycle.workflow';
export { digestWorkflow } from './digest.workflow';
export { monevWorkflow } from './monev.workflow';
export { taskWorkflow } from './task.workflow';
export { unitWorkflow } from './unit.workflow';
export { emailWorkflow } from './email.workflow';
export { assessmentWorkflow } from './assessment.workflow';
export { pemantauanWorkflow } from './pemantauan.workflow';
