import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { defaultCatalogue, requiredTasksForStage, type TaskCatalogue } from '../../domain/catalogue';
import { roleCodes, type RoleCode } from '../../domain/roles';
import { stageCodes, type CycleTimeline } from '../../domain/stages';
import {
  claimTaskUpdate,
  reviewTaskUpdate,
  submitTaskUpdate,
  taskWorkflowId,
  unitWorkflowId,
  unitWorkflowType,
  type TaskPerson,
  type TaskView,
  type UnitView,
  type UnitWorkflowInput,
} from '../../workflows/definitions';
import { person } from '../fixtures/people';
import { recordHistoryIfAsked } from '../support/record-history';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';

const stack = useTestStack();

/** One required task per stage, from the default catalogue: enough to walk a unit through all six. */
const oneTaskPerStage: TaskCatalogue = {
  version: 'test-one-per-stage',
  templates: stageCodes.map((stage) => requiredTasksForStage(defaultCatalogue, stage)[0]!),
};

const timeline = Object.fromEntries(
  stageCodes.map((stage) => [stage, { opens: '2026-03-02', due: '2026-12-30' }]),
) as unknown as CycleTimeline;

/** Two people per role, so the four-eyes rule can always be met when assignee and reviewer share a role. */
const team = Object.fromEntries(
  roleCodes.map((role) => [role, [person(`${role}-1`, role), person(`${role}-2`, role)]]),
) as Record<RoleCode, TaskPerson[]>;

describe('unit workflow on real Temporal and MongoDB', () => {
  it('starts each stage’s tasks only when the previous stage’s required tasks are approved, through all six stages', async () => {
    const cycleId = `2026-${randomUUID().slice(0, 8)}`;
    const unit = { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' };
    const input: UnitWorkflowInput = { cycleId, unit, catalogue: oneTaskPerStage, timeline, team };
    const unitHandle = await stack().client.workflow.start<(i: UnitWorkflowInput) => Promise<UnitView>>(
      unitWorkflowType,
      { workflowId: unitWorkflowId(cycleId, unit.code), taskQueue: stack().config.temporal.taskQueue, args: [input] },
    );

    for (const [index, template] of oneTaskPerStage.templates.entries()) {
      const taskId = taskWorkflowId(cycleId, unit.code, template.key);
      const task = stack().client.workflow.getHandle<() => Promise<TaskView>>(taskId);
      await eventually(() => task.describe(), { what: `the ${template.stage} task to start` });

      const next = oneTaskPerStage.templates[index + 1];
      if (next) {
        // The next stage's task must not exist before this stage is done.
        await expect(
          stack()
            .client.workflow.getHandle(taskWorkflowId(cycleId, unit.code, next.key))
            .describe(),
        ).rejects.toBeInstanceOf(WorkflowNotFoundError);
      }

      const submitter = team[template.assigneeRole][0]!;
      const reviewer = team[template.reviewerRole].find((p) => p.personId !== submitter.personId)!;
      const evidence = template.evidence.documents.map((document) => ({
        document,
        ref: `https://drive.test/${document}`,
      }));
      await task.executeUpdate(claimTaskUpdate, { args: [{ actor: submitter }] });
      await task.executeUpdate(submitTaskUpdate, { args: [{ actor: submitter, evidence }] });
      await task.executeUpdate(reviewTaskUpdate, { args: [{ actor: reviewer, decision: 'approve' }] });
    }

    const final = await unitHandle.result();
    recordHistoryIfAsked(stack(), 'unit-workflow.six-stages', unitHandle.workflowId);
    expect(final.stage).toBe('selesai');
    expect(final.completedStages).toEqual([...stageCodes]);
    expect(Object.values(final.tasks)).toEqual(stageCodes.map(() => 'approved'));

    const progress = await stack().models.UnitProgress.findById(`${cycleId}:${unit.code}`).lean();
    expect(progress).toMatchObject({ stage: 'selesai', completedStages: [...stageCodes], unitName: unit.name });
    const tasks = await stack().models.Task.find({ cycleId, unitCode: unit.code }).lean();
    expect(tasks).toHaveLength(stageCodes.length);
    expect(tasks.every((t) => t.status === 'approved')).toBe(true);
  });
});
