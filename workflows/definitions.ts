/**
 * What the API and the worker both need to know about the workflows: names, ids, argument and message types.
 * The API imports this module only, never the workflow implementations.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { TaskCatalogue, TaskTemplate } from '../domain/catalogue';
import type { CycleDefinition, CycleStatus, UnitRef } from '../domain/cycle';
import type { Holiday, IndonesianZone } from '../domain/calendar';
import type { ClockCompression } from '../domain/clock';
import type { ReminderPolicy } from '../domain/reminder-policy';
import type { RoleCode } from '../domain/roles';
import type { CycleTimeline, StageCode } from '../domain/stages';
import type { Actor, EvidenceRef, TaskState, TaskStatus } from '../domain/task';

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

// ---- Task (tugas): one rencana-aksi task of one unit in one cycle ----

export const taskWorkflowType = 'taskWorkflow';

/** `tugas:<cycleId>:<unitCode>:<templateKey>`: one task per template and unit, never started twice. */
export const taskWorkflowId = (cycleId: string, unitCode: string, templateKey: string): string =>
  `tugas:${cycleId}:${unitCode}:${templateKey}`;

/** A person as the task needs them: to decide (roles in the unit) and to write to. */
export interface TaskPerson extends Actor {
  name: string;
  email: string;
}

export interface TaskWorkflowInput {
  cycleId: string;
  unit: UnitRef;
  template: TaskTemplate;
  /** ISO instant the task is due, resolved from the template's due rule by the caller. */
  due: string;
  /** People the task is assigned to (emailed on assignment); empty: anyone with the assignee role. */
  assignees: TaskPerson[];
  /** People holding the reviewer role, told when work waits for them. */
  reviewers: TaskPerson[];
  /** Who hears of a slipping task, by role (ketua_tim, pimpinan, admin_organisasi under the default policy). */
  escalationContacts?: Partial<Record<RoleCode, TaskPerson[]>>;
  /** The cycle's calendar and reminder policy; defaults: WIB, the shipped holidays, the default policy. */
  schedule?: TaskSchedule;
}

export interface TaskSchedule {
  zone?: IndonesianZone;
  holidays?: Holiday[];
  policy?: ReminderPolicy;
  /** A compressed clock for rehearsals and tests; real time when absent. */
  clock?: ClockCompression;
}

export interface TaskView extends TaskState {
  /** 0 until the first escalation; then the level of the last one sent. */
  escalationLevel: number;
  overdue: boolean;
  taskId: string;
  cycleId: string;
  unitCode: string;
  templateKey: string;
  title: string;
}

export interface ClaimTask {
  actor: TaskPerson;
}
export interface SubmitTask {
  actor: TaskPerson;
  evidence: EvidenceRef[];
  note?: string;
}
export interface ReviewTask {
  actor: TaskPerson;
  decision: 'approve' | 'request_revision';
  note?: string;
}
export interface ReassignTask {
  actor: TaskPerson;
  to: TaskPerson;
  reason?: string;
}
export interface ExtendTaskDue {
  actor: TaskPerson;
  due: string;
  reason: string;
}
export interface CancelTask {
  actor: TaskPerson;
  reason: string;
}

/** Updates answer the caller with the new state, or reject with the reason (Bahasa Indonesia) before recording. */
export const claimTaskUpdate = defineUpdate<TaskView, [ClaimTask]>('claimTask');
export const submitTaskUpdate = defineUpdate<TaskView, [SubmitTask]>('submitTask');
export const reviewTaskUpdate = defineUpdate<TaskView, [ReviewTask]>('reviewTask');
export const reassignTaskUpdate = defineUpdate<TaskView, [ReassignTask]>('reassignTask');
export const extendTaskDueUpdate = defineUpdate<TaskView, [ExtendTaskDue]>('extendTaskDue');
export const cancelTaskUpdate = defineUpdate<TaskView, [CancelTask]>('cancelTask');
export const taskStateQuery = defineQuery<TaskView>('taskState');

// ---- Unit: one unit kerja's way through the six stages of one cycle ----

export const unitWorkflowType = 'unitWorkflow';

export const unitWorkflowId = (cycleId: string, unitCode: string): string => `unit:${cycleId}:${unitCode}`;

export interface UnitWorkflowInput {
  cycleId: string;
  unit: UnitRef;
  /** The exact catalogue the cycle was launched with (overrides applied). */
  catalogue: TaskCatalogue;
  timeline: CycleTimeline;
  /** People of the unit (and Bagian Organisasi) by role: assignees, reviewers and escalation contacts of its tasks. */
  team: Partial<Record<RoleCode, TaskPerson[]>>;
  schedule?: TaskSchedule;
}

export interface UnitView {
  cycleId: string;
  unitCode: string;
  /** The stage the unit works in, or `selesai` after the last one. */
  stage: StageCode | 'selesai';
  completedStages: StageCode[];
  /** Template key → the task's status, for every task started so far. */
  tasks: Record<string, TaskStatus>;
}

export const unitStateQuery = defineQuery<UnitView>('unitState');
