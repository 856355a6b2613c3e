import { randomBytes } from 'node:crypto';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { CycleModel } from '../../activities/models/cycle.model';
import type { TaskModel } from '../../activities/models/task.model';
import { cycleStatusLabels, type CycleStatus } from '../../domain/cycle';
import { createWorkingCalendar } from '../../domain/calendar';
import { previewLaunch, type LaunchPreview } from '../../domain/launch-preview';
import { participantOf } from '../../domain/people';
import {
  addUnitUpdate,
  advanceCycleUpdate,
  advanceUnitUpdate,
  cancelCycleUpdate,
  cycleWorkflowId,
  cycleWorkflowType,
  extendStageDueUpdate,
  withdrawUnitUpdate,
  type CycleStageView,
  type CycleWorkflowInput,
  type CycleWorkflowState,
} from '../../workflows/definitions';
import type { WorkflowCall } from '../metrics';
import { conflict, HttpProblem, notFound } from '../problem';
import { cycleLaunchInput } from './cycle-launch';
import type { LaunchCycleBody, SteerCycleBody } from './cycle.schemas';

export interface CycleView {
  id: string;
  workflowId: string;
  name: string;
  year: number;
  status: CycleStatus;
  units: { code: string; name: string; status?: string; stage?: string }[];
  launchedBy: { name: string; email: string };
  stages?: Record<string, CycleStageView>;
  catalogueVersion?: string;
  createdAt?: string;
  updatedAt?: string;
}

/** What Bagian Organisasi can do to a running cycle; each is one validated update of the cycle workflow. */
export type SteeringAction =
  | { kind: 'advance'; stage: string }
  | { kind: 'advance-unit'; unitCode: string; stage: string }
  | { kind: 'extend-stage'; stage: string; due: string }
  | { kind: 'add-unit'; unit: CycleWorkflowInput['units'][number] }
  | { kind: 'withdraw-unit'; unitCode: string }
  | { kind: 'cancel' };

/** Business rules of cycles; talks to Temporal (process) and MongoDB (read model). */
export class CycleService {
  constructor(
    private readonly deps: {
      temporal: Client;
      taskQueue: string;
      Cycle: CycleModel;
      Task: TaskModel;
      /** Compressed clocks are for rehearsals and tests, never for a real instansi's year. */
      allowCompressedClock: boolean;
      /** Times each call to Temporal (metrics); untimed when absent. */
      timeWorkflowCall?: <T>(call: WorkflowCall, run: () => Promise<T>) => Promise<T>;
      newId?: (year: number) => string;
    },
  ) {}

  async launch(body: LaunchCycleBody): Promise<CycleView> {
    if (body.clock && !this.deps.allowCompressedClock) {
      throw new HttpProblem(400, 'Permintaan tidak valid', 'body.clock: jam dipercepat hanya untuk gladi dan uji', {
        errors: [{ field: 'body.clock', message: 'jam dipercepat hanya untuk gladi dan uji' }],
      });
    }
    const id = (this.deps.newId ?? newCycleId)(body.year);
    const input = cycleLaunchInput(id, body);
    await this.timed('start', () =>
      this.deps.temporal.workflow.start(cycleWorkflowType, {
        workflowId: cycleWorkflowId(id),
        taskQueue: this.deps.taskQueue,
        args: [input],
        // The memo lets a read before the first write to MongoDB still show the cycle.
        memo: { cycle: { id, name: input.name, year: input.year, units: input.units, launchedBy: input.launchedBy } },
      }),
    );
    return { ...summary(input), workflowId: cycleWorkflowId(id), status: 'launching' };
  }

  /** What launching this request would do (dry run): stage windows, tasks with due dates, counts. Starts nothing. */
  preview(body: LaunchCycleBody): LaunchPreview {
    const input = cycleLaunchInput('pratinjau', body);
    return previewLaunch({
      catalogue: input.catalogue,
      timeline: input.timeline,
      calendar: createWorkingCalendar({ zone: input.schedule.zone ?? 'WIB', holidays: input.schedule.holidays }),
      unitCount: input.units.length,
    });
  }

  async get(id: string): Promise<CycleView> {
    const stored = await this.deps.Cycle.findById(id).lean();
    if (stored) {
      return {
        id: stored._id,
        workflowId: cycleWorkflowId(stored._id),
        name: stored.name,
        year: stored.year,
        status: stored.status,
        units: stored.units.map(({ code, name, status, stage }) => ({ code, name, status, stage })),
        launchedBy: { name: stored.launchedBy.name, email: stored.launchedBy.email },
        stages: stored.stages,
        catalogueVersion: stored.catalogueVersion,
        createdAt: stored.createdAt?.toISOString(),
        updatedAt: stored.updatedAt?.toISOString(),
      };
    }
    // Just launched: the workflow exists but has not written its first state yet.
    return this.fromWorkflow(id);
  }

  /** The cycle's tasks from the read model, soonest due first: what the README's tour and dashboards show. */
  async tasks(id: string) {
    await this.get(id);
    const tasks = await this.deps.Task.find({ cycleId: id }).sort({ due: 1, _id: 1 }).limit(5000).lean();
    return tasks.map(({ _id, seq: _seq, ...task }) => ({ id: _id, ...task }));
  }

  /** Applies one steering action through the workflow's validated update; a refusal becomes 422 with its reason. */
  async steer(id: string, action: SteeringAction, body: SteerCycleBody): Promise<CycleWorkflowState> {
    const handle = this.deps.temporal.workflow.getHandle(cycleWorkflowId(id));
    const actor = participantOf(body.by, 'admin_organisasi');
    const reason = body.reason ?? '';
    const run = <A>(update: UpdateDefinition<CycleWorkflowState, [A]>, arg: A) =>
      this.timed('update', () => handle.executeUpdate(update, { args: [arg] }));
    try {
      switch (action.kind) {
        case 'advance':
          return await run(advanceCycleUpdate, { actor, reason, stage: action.stage as never });
        case 'advance-unit':
          return await run(advanceUnitUpdate, {
            actor,
            reason,
            unitCode: action.unitCode,
            stage: action.stage as never,
          });
        case 'extend-stage':
          return await run(extendStageDueUpdate, { actor, reason, stage: action.stage as never, due: action.due });
        case 'add-unit':
          return await run(addUnitUpdate, { actor, unit: action.unit });
        case 'withdraw-unit':
          return await run(withdrawUnitUpdate, { actor, reason, unitCode: action.unitCode });
        case 'cancel':
          return await run(cancelCycleUpdate, { actor, reason });
      }
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      // Temporal says "not found" for a workflow that has ended, too: the read model tells which it is.
      const stored = await this.deps.Cycle.findById(id, { status: 1 }).lean();
      if (stored) throw conflict(`Siklus ${id} sudah berakhir (${cycleStatusLabels[stored.status]})`);
      throw notFound(`Siklus ${id}`);
    }
  }

  private timed<T>(call: WorkflowCall, run: () => Promise<T>): Promise<T> {
    return this.deps.timeWorkflowCall ? this.deps.timeWorkflowCall(call, run) : run();
  }

  private async fromWorkflow(id: string): Promise<CycleView> {
    try {
      const description = await this.deps.temporal.workflow.getHandle(cycleWorkflowId(id)).describe();
      const memo = description.memo?.cycle as Pick<CycleWorkflowInput, 'id' | 'name' | 'year' | 'units' | 'launchedBy'>;
      if (description.type !== cycleWorkflowType || !memo) throw notFound(`Siklus ${id}`);
      return { ...summary(memo), workflowId: cycleWorkflowId(id), status: 'launching' };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(`Siklus ${id}`);
      throw error;
    }
  }
}

const summary = (input: Pick<CycleWorkflowInput, 'id' | 'name' | 'year' | 'units' | 'launchedBy'>) => ({
  id: input.id,
  name: input.name,
  year: input.year,
  units: input.units.map(({ code, name }) => ({ code, name })),
  launchedBy: input.launchedBy,
});

/** Readable and unguessable enough: `2026-3f9c2a71`. */
export function newCycleId(year: number): string {
  return `${year}-${randomBytes(4).toString('hex')}`;
}
