import { ParentClosePolicy, proxyActivities, setHandler, sleep, startChild } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { createWorkingCalendar } from '../domain/calendar';
import { tasksForStage, type TaskTemplate } from '../domain/catalogue';
import { createLifecycleClock } from '../domain/clock';
import { stageCodes, type StageCode } from '../domain/stages';
import { taskDueInstant } from '../domain/task-due';
import { persistenceActivity } from './activity-options';
import {
  taskWorkflowId,
  unitStateQuery,
  type TaskWorkflowInput,
  type UnitView,
  type UnitWorkflowInput,
} from './definitions';
import { taskWorkflow } from './task.workflow';

const persistence = proxyActivities<Pick<Activities, 'saveUnitProgress'>>(persistenceActivity);

/**
 * One unit kerja through the six stages: as each stage opens (its window in the cycle timeline, on the instansi's
 * calendar) the unit's tasks of that stage start as child task workflows with their due dates; the unit moves on
 * when every required task of the stage is approved (or cancelled). Optional tasks are abandoned, not killed, when
 * the unit finishes: they keep running until someone completes or cancels them.
 */
export async function unitWorkflow(input: UnitWorkflowInput): Promise<UnitView> {
  const clock = createLifecycleClock(Date.now(), input.schedule?.clock);
  const calendar = createWorkingCalendar({ zone: input.schedule?.zone ?? 'WIB', holidays: input.schedule?.holidays });
  const { team } = input;
  const state: UnitView = {
    cycleId: input.cycleId,
    unitCode: input.unit.code,
    stage: stageCodes[0],
    completedStages: [],
    tasks: {},
  };
  let seq = 0;
  setHandler(unitStateQuery, () => state);
  const save = () =>
    persistence.saveUnitProgress({
      cycleId: input.cycleId,
      unitCode: input.unit.code,
      unitName: input.unit.name,
      stage: state.stage,
      completedStages: [...state.completedStages],
      tasks: { ...state.tasks },
      seq: ++seq,
    });

  const taskInput = (template: TaskTemplate, stage: StageCode): TaskWorkflowInput => ({
    cycleId: input.cycleId,
    unit: input.unit,
    template,
    due: taskDueInstant(template.due, input.timeline[stage], calendar).toISOString(),
    assignees: team[template.assigneeRole] ?? [],
    reviewers: team[template.reviewerRole] ?? [],
    escalationContacts: {
      ketua_tim: team.ketua_tim ?? [],
      pimpinan: team.pimpinan ?? [],
      admin_organisasi: team.admin_organisasi ?? [],
    },
    // A child starts its own clock: hand it the time the unit's clock shows now, so compressed time runs on.
    schedule: input.schedule?.clock
      ? { ...input.schedule, clock: { ...input.schedule.clock, origin: clock.now(Date.now()).toISOString() } }
      : input.schedule,
  });

  for (const stage of stageCodes) {
    state.stage = stage;
    const opensAt = calendar.atLocalTime(input.timeline[stage].opens, '00:00');
    const wait = clock.delayUntil(opensAt, Date.now());
    if (wait > 0) await sleep(wait);

    const templates = tasksForStage(input.catalogue, stage);
    const children = await Promise.all(
      templates.map((template) =>
        startChild(taskWorkflow, {
          workflowId: taskWorkflowId(input.cycleId, input.unit.code, template.key),
          args: [taskInput(template, stage)],
          parentClosePolicy: template.required ? ParentClosePolicy.TERMINATE : ParentClosePolicy.ABANDON,
        }),
      ),
    );
    for (const template of templates) state.tasks[template.key] = 'open';
    await save();

    const outcomes = children.map((child, index) =>
      child.result().then((final) => {
        state.tasks[templates[index]!.key] = final.status;
      }),
    );
    await Promise.all(outcomes.filter((_, index) => templates[index]!.required));
    state.completedStages.push(stage);
    await save();
  }
  state.stage = 'selesai';
  await save();
  return state;
}
