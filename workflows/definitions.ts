/**
 * What the API and the worker both need to know about the workflows: names, ids, argument and message types.
 * The API imports this module only, never the workflow implementations.
 */
import { defineQuery } from '@temporalio/workflow';
import type { CycleDefinition, CycleStatus } from '../domain/cycle';

/** Default task queue; config's TEMPORAL_TASK_QUEUE overrides it. */
export const defaultTaskQueue = 'zi-orchestrator';

export const cycleWorkflowType = 'cycleWorkflow';

/** The business id is the workflow id, so a cycle can never be started twice. */
export const cycleWorkflowId = (cycleId: string): string => `siklus:${cycleId}`;

export type CycleWorkflowInput = CycleDefinition;

export interface CycleWorkflowState {
  cycleId: string;
  status: CycleStatus;
}

export const cycleStateQuery = defineQuery<CycleWorkflowState>('cycleState');
