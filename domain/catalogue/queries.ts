/** Lookups the lifecycle needs from a catalogue. */
import type { StageCode } from '../stages';
import type { TaskCatalogue, TaskTemplate } from './types';

/** The templates of one stage, in catalogue order. */
export function tasksForStage(catalogue: TaskCatalogue, stage: StageCode): readonly TaskTemplate[] {
  return catalogue.templates.filter((template) => template.stage === stage);
}

/** The templates a unit must have approved before it may leave the stage. */
export function requiredTasksForStage(catalogue: TaskCatalogue, stage: StageCode): readonly TaskTemplate[] {
  return tasksForStage(catalogue, stage).filter((template) => template.required);
}

export function findTemplate(catalogue: TaskCatalogue, key: string): TaskTemplate | undefined {
  return catalogue.templates.find((template) => template.key === key);
}
