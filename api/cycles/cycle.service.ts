import { randomBytes } from 'node:crypto';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { CycleModel } from '../../activities/models/cycle.model';
import type { CycleStatus } from '../../domain/cycle';
import { cycleWorkflowId, cycleWorkflowType, type CycleWorkflowInput } from '../../workflows/definitions';
import { notFound } from '../problem';
import type { LaunchCycleBody } from './cycle.schemas';

export interface CycleView {
  id: string;
  workflowId: string;
  name: string;
  year: number;
  status: CycleStatus;
  units: { code: string; name: string }[];
  launchedBy: { name: string; email: string };
  createdAt?: string;
  updatedAt?: string;
}

/** Business rules of cycles; talks to Temporal (process) and MongoDB (read model). */
export class CycleService {
  constructor(
    private readonly deps: { temporal: Client; taskQueue: string; Cycle: CycleModel; newId?: (year: number) => string },
  ) {}

  async launch(body: LaunchCycleBody): Promise<CycleView> {
    const id = (this.deps.newId ?? newCycleId)(body.year);
    const input: CycleWorkflowInput = { id, ...body };
    await this.deps.temporal.workflow.start(cycleWorkflowType, {
      workflowId: cycleWorkflowId(id),
      taskQueue: this.deps.taskQueue,
      args: [input],
      // The memo lets a read before the first write to MongoDB still show the cycle.
      memo: { cycle: input },
    });
    return { ...input, workflowId: cycleWorkflowId(id), status: 'launching' };
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
        units: stored.units.map(({ code, name }) => ({ code, name })),
        launchedBy: { name: stored.launchedBy.name, email: stored.launchedBy.email },
        createdAt: stored.createdAt?.toISOString(),
        updatedAt: stored.updatedAt?.toISOString(),
      };
    }
    // Just launched: the workflow exists but has not written its first state yet.
    return this.fromWorkflow(id);
  }

  private async fromWorkflow(id: string): Promise<CycleView> {
    try {
      const description = await this.deps.temporal.workflow.getHandle(cycleWorkflowId(id)).describe();
      const input = description.memo?.cycle as CycleWorkflowInput | undefined;
      if (description.type !== cycleWorkflowType || !input) throw notFound(`Siklus ${id}`);
      return { ...input, workflowId: cycleWorkflowId(id), status: 'launching' };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(`Siklus ${id}`);
      throw error;
    }
  }
}

/** Readable and unguessable enough: `2026-3f9c2a71`. */
export function newCycleId(year: number): string {
  return `${year}-${randomBytes(4).toString('hex')}`;
}
