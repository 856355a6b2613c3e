/**
 * What a launch would do, computed before it happens (the launch wizard's confirmation): every stage's window and
 * its tasks with their working-day due dates on the instansi's calendar, and how many tasks and first emails the
 * launch makes. Pure: the same rules the unit workflow applies (`taskDueInstant`), so the preview cannot disagree.
 */
import type { WorkingCalendar } from './calendar';
import { tasksForStage, type TaskCatalogue } from './catalogue';
import type { RoleCode } from './roles';
import { stageCodes, type CycleTimeline, type StageCode, type StageWindow } from './stages';
import { taskDueInstant } from './task-due';

export interface PreviewTask {
  key: string;
  title: string;
  required: boolean;
  assigneeRole: RoleCode;
  /** ISO instant. */
  due: string;
}

export interface StagePreview {
  stage: StageCode;
  window: StageWindow;
  tasks: PreviewTask[];
}

export interface LaunchPreview {
  stages: StagePreview[];
  /** Tasks per unit over the whole cycle, and for all units. */
  tasksPerUnit: number;
  /** Tasks for recommendations carried from an earlier cycle, over all units (not in `stages`: they differ by unit). */
  carriedTasks: number;
  totalTasks: number;
  /** Emails at launch: the launcher's, and per unit the stage-opened email and the assignments of the first stage. */
  firstEmails: number;
}

export function previewLaunch(input: {
  catalogue: TaskCatalogue;
  timeline: CycleTimeline;
  calendar: WorkingCalendar;
  unitCount: number;
  carriedTasks?: number;
}): LaunchPreview {
  const stages = stageCodes.map((stage) => ({
    stage,
    window: input.timeline[stage],
    tasks: tasksForStage(input.catalogue, stage).map((template) => ({
      key: template.key,
      title: template.title,
      required: template.required,
      assigneeRole: template.assigneeRole,
      due: taskDueInstant(template.due, input.timeline[stage], input.calendar).toISOString(),
    })),
  }));
  const tasksPerUnit = stages.reduce((sum, stage) => sum + stage.tasks.length, 0);
  // At launch a unit's head hears of the first stage and of each of its tasks assigned to the pimpinan; team roles
  // have nobody to write to until the team exists.
  const firstStage = stages[0]!;
  const headAssignments = firstStage.tasks.filter((task) => task.assigneeRole === 'pimpinan').length;
  return {
    stages,
    tasksPerUnit,
    carriedTasks: input.carriedTasks ?? 0,
    totalTasks: tasksPerUnit * input.unitCount + (input.carriedTasks ?? 0),
    firstEmails: 1 + input.unitCount * (1 + headAssignments),
  };
}
