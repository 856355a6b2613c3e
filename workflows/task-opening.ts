import { teamTaskKey } from '../domain/team';
import { isOverdue, newTaskState, type TaskEvent, type TaskState } from '../domain/task';
import type { TaskNotification, TaskNotificationKind, TaskOpening, TaskRecord } from '../activities';
import type { PlannedNotification } from '../domain/reminder-policy';
import type { TaskPerson, TaskView, TaskWorkflowInput } from './definitions';

/**
 * What a task writes and sends, built in one place for the task workflow and for the unit that opens a stage's tasks
 * on their behalf (see `taskOpening`), so the two can never write a different first record or assignment email.
 */

/** A task's state when it starts: open, with the template's roles and evidence rules. */
export function openingStateOf(input: TaskWorkflowInput): TaskState {
  const { template } = input;
  return newTaskState({
    assigneeRole: template.assigneeRole,
    reviewerRole: template.reviewerRole,
    assignees: input.assignees.map((person) => person.personId),
    evidenceRequired: template.evidence.required,
    requiredDocuments: template.evidence.documents,
    due: input.due,
    collectsTeam: template.key === teamTaskKey,
  });
}

export function taskViewOf(
  input: TaskWorkflowInput,
  taskId: string,
  state: TaskState,
  escalationLevel: number,
  nowIso: string,
): TaskView {
  return {
    ...state,
    escalationLevel,
    overdue: isOverdue(state, nowIso),
    taskId,
    cycleId: input.cycleId,
    unitCode: input.unit.code,
    templateKey: input.template.key,
    title: input.template.title,
  };
}

/** The read-model write of one step (seq) of a task, with the audit event that led to it. */
export function taskRecordOf(input: TaskWorkflowInput, view: TaskView, seq: number, event?: TaskEvent): TaskRecord {
  const { template } = input;
  return { view, seq, stage: template.stage, area: template.area, description: template.description, event };
}

export interface TaskNotice {
  kind: TaskNotificationKind;
  recipients: TaskPerson[];
  actor?: TaskPerson;
  note?: string;
  deadline?: PlannedNotification;
}

/** The email of one step (seq) of a task, as the task's state stood then. */
export function taskNotificationOf(
  input: TaskWorkflowInput,
  view: TaskView,
  seq: number,
  notice: TaskNotice,
  nowIso: string,
): TaskNotification {
  const { template } = input;
  return {
    ...notice,
    seq,
    task: { ...view, unitName: input.unit.name, description: template.description, stage: template.stage },
    zone: input.schedule?.zone,
    digestRecipients: input.schedule?.digestRecipients,
    at: nowIso,
  };
}

/** The seq of a task's first step: its record as it opens, and its assignment email. */
export const openingSeq = 1;

export function assignmentNoticeOf(input: TaskWorkflowInput): TaskNotice {
  return { kind: 'task-assigned', recipients: input.assignees };
}

/**
 * The task's first step, its record as it opens and the assignment email when it names people: what a unit writes
 * and sends for a task it opens with `announcedByUnit`: one activity for all of a stage's tasks
 * instead of each task's own write and email activity (a launch of 200 units opens 1,400 tasks at once).
 */
export function taskOpening(input: TaskWorkflowInput, taskId: string, nowIso: string): TaskOpening {
  const view = taskViewOf(input, taskId, openingStateOf(input), 0, nowIso);
  const notice = assignmentNoticeOf(input);
  return {
    record: taskRecordOf(input, view, openingSeq),
    ...(notice.recipients.length > 0
      ? { notification: taskNotificationOf(input, view, openingSeq, notice, nowIso) }
      : {}),
  };
}
