import type { CycleDefinition, CycleStatus } from '../domain/cycle';
import { stageLabels } from '../domain/stages';
import type { PlannedNotification } from '../domain/reminder-policy';
import { taskStatusLabels, type TaskEvent } from '../domain/task';
import type { TaskPerson, TaskView } from '../workflows/definitions';
import type { Models } from './models';
import type { UnitProgressDocument } from './models/unit-progress.model';
import { upsertNewer } from './models/upsert-newer';
import type { Mailer } from './mailer';
import { createNotifier, type NotificationOutcome } from './notifications';
import type { EmailRenderer } from './templates';

export interface ActivityDeps {
  models: Models;
  mailer: Mailer;
  render: EmailRenderer;
  /** Base URL for links in emails. */
  publicUrl: string;
}

export interface CycleSnapshot extends CycleDefinition {
  status: CycleStatus;
  /** Increases with every state change of the cycle; older writes lose. */
  seq: number;
}

/**
 * Builds the activities with their dependencies; the worker wires real ones, and workflows type their
 * proxies from this function's return type. Every activity is idempotent, because Temporal retries them.
 */
export function createActivities(deps: ActivityDeps) {
  const { Cycle } = deps.models;
  const sendNotification = createNotifier({
    Notification: deps.models.Notification,
    mailer: deps.mailer,
    render: deps.render,
  });

  const { Task, AuditEvent } = deps.models;

  return {
    /** Upserts the cycle's read model unless a newer state (higher seq) is already stored. */
    async saveCycle(snapshot: CycleSnapshot): Promise<'saved' | 'stale'> {
      const { id, ...fields } = snapshot;
      return upsertNewer(Cycle, id, snapshot.seq, { $set: fields });
    },

    /** Upserts one unit's progress in a cycle unless a newer state is stored. */
    async saveUnitProgress(progress: UnitProgressSnapshot): Promise<'saved' | 'stale'> {
      const { cycleId, unitCode } = progress;
      return upsertNewer(deps.models.UnitProgress, `${cycleId}:${unitCode}`, progress.seq, { $set: progress });
    },

    /**
     * Upserts the task's read model (unless a newer seq is stored) and records the event that led to it.
     * Both writes are keyed deterministically, so a retry changes nothing.
     */
    async recordTask(input: { view: TaskView; seq: number; stage: string; area?: string; event?: TaskEvent }) {
      const { view, seq, event } = input;
      if (event) {
        await AuditEvent.updateOne(
          { _id: `${view.taskId}#${seq}` },
          {
            $setOnInsert: {
              entity: 'task',
              entityId: view.taskId,
              cycleId: view.cycleId,
              unitCode: view.unitCode,
              type: event.type,
              by: event.by,
              at: new Date(event.at),
              from: event.from,
              to: event.to,
              ...(event.note ? { note: event.note } : {}),
            },
          },
          { upsert: true },
        );
      }
      const fields = {
        cycleId: view.cycleId,
        unitCode: view.unitCode,
        templateKey: view.templateKey,
        title: view.title,
        stage: input.stage,
        ...(input.area ? { area: input.area } : {}),
        status: view.status,
        assigneeRole: view.assigneeRole,
        reviewerRole: view.reviewerRole,
        assignees: view.assignees,
        due: new Date(view.due),
        evidence: view.evidence,
        escalationLevel: view.escalationLevel,
        overdue: view.overdue,
        seq,
      };
      return upsertNewer(
        Task,
        view.taskId,
        seq,
        view.claimedBy
          ? { $set: { ...fields, claimedBy: view.claimedBy } }
          : { $set: fields, $unset: { claimedBy: 1 } },
      );
    },

    /** One email per recipient, each deduped by task, seq, kind and person. */
    async notifyTask(notification: TaskNotification): Promise<NotificationOutcome[]> {
      const { task } = notification;
      const outcomes: NotificationOutcome[] = [];
      for (const recipient of notification.recipients) {
        outcomes.push(
          await sendNotification({
            dedupeKey: `${notification.kind}:${task.taskId}#${notification.seq}:${recipient.personId}`,
            template: notification.kind,
            to: recipient.email,
            data: {
              recipient,
              actor: notification.actor ?? null,
              note: notification.note ?? '',
              deadline: notification.deadline ?? null,
              task: {
                ...task,
                stageLabel: stageLabels[task.stage as keyof typeof stageLabels] ?? task.stage,
                dueText: dueFormat.format(new Date(task.due)),
                statusLabel: taskStatusLabels[task.status],
                documents: task.evidenceRequired ? task.requiredDocuments : [],
              },
              link: `${deps.publicUrl}/tugas/${encodeURIComponent(task.taskId)}`,
            },
          }),
        );
      }
      return outcomes;
    },

    async notifyCycleLaunched(cycle: CycleDefinition): Promise<NotificationOutcome> {
      return sendNotification({
        dedupeKey: `cycle-launched:${cycle.id}`,
        template: 'cycle-launched',
        to: cycle.launchedBy.email,
        data: {
          recipient: cycle.launchedBy,
          cycle,
          link: `${deps.publicUrl}/api/v1/cycles/${encodeURIComponent(cycle.id)}`,
        },
      });
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;

/** A unit's progress as the unit workflow reports it; the document adds only its id and timestamps. */
export type UnitProgressSnapshot = Omit<UnitProgressDocument, '_id' | 'createdAt' | 'updatedAt'>;

export type TaskNotificationKind =
  | 'task-assigned'
  | 'task-submitted'
  | 'task-revision-requested'
  | 'task-approved'
  | 'task-reminder'
  | 'task-escalation';

export interface TaskNotification {
  kind: TaskNotificationKind;
  task: TaskView & { unitName: string; description: string; stage: string };
  /** The task's seq when this happened: part of the dedupe key, so a second revision round is a new email. */
  seq: number;
  recipients: TaskPerson[];
  actor?: TaskPerson;
  note?: string;
  /** For reminders and escalations: which step of the policy this is. */
  deadline?: PlannedNotification;
}

/** Dates in emails are read by people in the instansi's zone (WIB by default until units carry their own). */
const dueFormat = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  dateStyle: 'full',
  timeStyle: 'short',
});
