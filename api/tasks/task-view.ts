import type { CommentDocument } from '../../activities/models/comment.model';
import type { TaskDocument } from '../../activities/models/task.model';
import { isOverdue, taskStatusLabels, type TaskEvent } from '../../domain/task';
import type { TaskView } from '../../workflows/definitions';

/** One row of the inbox, from the read model. */
export function taskSummary(task: TaskDocument, now: Date, onBehalfOf?: string) {
  const due = task.due ? task.due.toISOString() : null;
  return {
    id: task._id,
    cycleId: task.cycleId,
    unitCode: task.unitCode,
    templateKey: task.templateKey,
    title: task.title,
    stage: task.stage,
    ...(task.area ? { area: task.area } : {}),
    status: task.status,
    statusLabel: taskStatusLabels[task.status],
    assigneeRole: task.assigneeRole,
    reviewerRole: task.reviewerRole,
    assignees: task.assignees,
    ...(task.claimedBy ? { claimedBy: task.claimedBy } : {}),
    due,
    // Computed now: the stored flag is only as fresh as the task's last write.
    overdue: due !== null && isOverdue({ status: task.status, due }, now.toISOString()),
    escalationLevel: task.escalationLevel,
    evidence: task.evidence.map(({ document, ref }) => ({ document, ref })),
    updatedAt: task.updatedAt?.toISOString(),
    /** In a substitute's inbox: whose task this is. */
    ...(onBehalfOf ? { onBehalfOf } : {}),
  };
}

/**
 * A task in full: the read model (where it sits: cycle, stage, area) with the workflow's own state, which is the
 * truth for everything it decides (status, people, due date, evidence, team, history).
 */
export function taskDetail(task: TaskDocument, view: TaskView | undefined, now: Date, history?: TaskEvent[]) {
  const summary = { ...taskSummary(task, now), ...(task.description ? { description: task.description } : {}) };
  if (!view) return { ...summary, history: history ?? [] };
  return {
    ...summary,
    status: view.status,
    statusLabel: taskStatusLabels[view.status],
    assignees: view.assignees,
    claimedBy: view.claimedBy,
    lastSubmittedBy: view.lastSubmittedBy,
    due: view.due,
    overdue: view.overdue,
    escalationLevel: view.escalationLevel,
    evidenceRequired: view.evidenceRequired,
    requiredDocuments: view.requiredDocuments,
    evidence: view.evidence,
    ...(view.team ? { team: view.team } : {}),
    history: view.history,
  };
}

export function commentView(comment: CommentDocument) {
  return {
    id: comment._id,
    taskId: comment.taskId,
    by: comment.by,
    byName: comment.byName,
    text: comment.text,
    createdAt: comment.createdAt.toISOString(),
  };
}
