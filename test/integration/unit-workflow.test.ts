import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { stageCodes } from '../../domain/stages';
import {
  taskWorkflowId,
  unitWorkflowId,
  unitWorkflowType,
  type UnitView,
  type UnitWorkflowInput,
} from '../../workflows/definitions';
import { oneTaskPerStage, openTimeline, teamOf } from '../fixtures/lifecycle';
import { completeTask } from '../support/drive-task';
import { recordHistoryIfAsked } from '../support/record-history';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';

const stack = useTestStack();

describe('unit workflow on real Temporal and MongoDB', () => {
  it('starts each stage’s tasks only when the previous stage’s required tasks are approved, through all six stages', async () => {
    const cycleId = `2026-${randomUUID().slice(0, 8)}`;
    const unit = { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' };
    const team = teamOf(unit.code);
    const input: UnitWorkflowInput = { cycleId, unit, catalogue: oneTaskPerStage, timeline: openTimeline, team };
    const unitHandle = await stack().client.workflow.start<(i: UnitWorkflowInput) => Promise<UnitView>>(
      unitWorkflowType,
      { workflowId: unitWorkflowId(cycleId, unit.code), taskQueue: stack().config.temporal.taskQueue, args: [input] },
    );

    for (const template of oneTaskPerStage.templates) {
      await completeTask(stack(), { cycleId, unitCode: unit.code }, template, team);
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

  it('does not start the next stage’s task while the current one waits', async () => {
    const cycleId = `2026-${randomUUID().slice(0, 8)}`;
    const unit = { code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan PTSP' };
    const input: UnitWorkflowInput = {
      cycleId,
      unit,
      catalogue: oneTaskPerStage,
      timeline: openTimeline,
      team: teamOf(unit.code),
    };
    const unitHandle = await stack().client.workflow.start(unitWorkflowType, {
      workflowId: unitWorkflowId(cycleId, unit.code),
      taskQueue: stack().config.temporal.taskQueue,
      args: [input],
    });
    const [first, second] = oneTaskPerStage.templates;
    const firstTask = stack().client.workflow.getHandle(taskWorkflowId(cycleId, unit.code, first!.key));
    await eventually(() => firstTask.describe(), { what: 'the first task' });
    await expect(
      stack()
        .client.workflow.getHandle(taskWorkflowId(cycleId, unit.code, second!.key))
        .describe(),
    ).rejects.toBeInstanceOf(WorkflowNotFoundError);
    await unitHandle.terminate('test finished');
  });
});
