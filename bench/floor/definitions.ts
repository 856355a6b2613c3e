/**
 * The floor's workflow types and messages, shared by the bench (client side) and its floor workflows: the bare
 * engine doing the least work comparable to each product figure, on the same Temporal server and database.
 */
import { defineSignal, defineUpdate } from '@temporalio/workflow';

export const floorInsertWorkflowType = 'floorInsertWorkflow';
export const floorSleepWorkflowType = 'floorSleepWorkflow';
export const floorUpdateWorkflowType = 'floorUpdateWorkflow';

/** One floor workflow's document: `run` tells one measurement's documents from another's. */
export interface FloorInput {
  run: string;
  n: number;
}

/** Answers at once: the round trip of an update through Temporal and a worker, with nothing else done. */
export const pingUpdate = defineUpdate<number>('ping');
export const finishSignal = defineSignal('finish');

/** The collection the floor's activity inserts into. */
export const floorCollection = 'bench_floor';
