import type { CycleStatus } from '../domain/cycle';
import type { IndonesianZone } from '../domain/calendar';
import { laggingUnits } from '../domain/monev';
import type { StageCode, StageWindow } from '../domain/stages';
import { stageLabels } from '../domain/stages';
import type { PlannedNotification } from '../domain/reminder-policy';
import { taskStatuses, taskStatusLabels, type TaskEvent } from '../domain/task';
import type { CycleWorkflowInput, CycleWorkflowState, TaskPerson, TaskView } from '../workflows/definitions';
import { createAssessmentActivities } from './assessment';
import { appendAuditEvent, type AuditEntry } from './audit';
import { createAwardActivities } from './awards';
import { createCycleCatalogueActivities } from './cycle-catalogues';
import { createDigestActivities } from './digest';
import { createLifecycleNotifications, formatInstant, type StageOpenedInput } from './lifecycle-notifications';
import type { Models } from './models';
import type { UnitProgressDocument } from './models/unit-progress.model';
import type { TaskDocument } from './models/task.model';
import { upsertNewer, upsertNewerMany, type NewerWrite } from './models/upsert-newer';
import type { Mailer } from './mailer';
import {
  createBatchNotifier,
  oneAtATime,
  oneError,
  type NotificationOutcome,
  type NotificationRequest,
} from './notifications';
import { createSignInLinks } from './sign-in-links';
import { createTokenEmails, type EmailOutcome, type EmailRequest } from './token-emails';
import type { EmailRenderer } from './templates';

export interface ActivityDeps {
  models: Models;
  mailer: Mailer;
  render: EmailRenderer;
  /** Base URL for links in emails. */
  publicUrl: string;
  /** Seconds a sign-in link in a task email works (once). @default 86400 */
  signInLinkTtlSeconds?: number;
}

/** The cycle's read model as the cycle workflow reports it. */
export interface CycleSnapshot extends Omit<CycleWorkflowState, 'cycleId'> {
  id: string;
  name: string;
  year: number;
  launchedBy: CycleWorkflowInput['launchedBy'];
  catalogueVersion: string;
  zone: IndonesianZone;
  status: CycleStatus;
  /** Increases with every state change of the cycle; older writes lose. */
  seq: number;
}

/**
 * Builds the activities with their dependencies; the worker wires real ones, and workflows type their
 * proxies from this function's return type. Every activity is idempotent, because Temporal retries them.
 */
export function createActivities(deps: ActivityDeps) {
  const { Cycle, Task, AuditEvent, UnitProgress, MonevReview } = deps.models;
  const sendAll = createBatchNotifier({
    Notification: deps.models.Notification,
    mailer: deps.mailer,
    render: deps.render,
  });
  const send = oneAtATime(sendAll);
  const lifecycle = createLifecycleNotifications({ publicUrl: deps.publicUrl, send });
  const digest = createDigestActivities({ DigestItem: deps.models.DigestItem, send, publicUrl: deps.publicUrl });
  const signInLinks = createSignInLinks({
    Account: deps.models.Account,
    OneTimeToken: deps.models.OneTimeToken,
    publicUrl: deps.publicUrl,
    ttlSeconds: deps.signInLinkTtlSeconds,
  });
  const sendTokenEmail = createTokenEmails({ models: deps.models, send, publicUrl: deps.publicUrl });

  const assessment = createAssessmentActivities({ models: deps.models, send, publicUrl: deps.publicUrl });

  /** The audit event of a task's step, under a key a retry finds again. */
  const appendTaskEvent = ({ view, seq, event }: TaskRecord) =>
    event
      ? appendAuditEvent(
          AuditEvent,
          `${view.taskId}#${seq}`,
          { entity: 'task', entityId: view.taskId, cycleId: view.cycleId, unitCode: view.unitCode },
          event,
        )
      : Promise.resolve();

  /**
   * Upserts the task's read model (unless a newer seq is stored) and records the event that led to it.
   * Both writes are keyed deterministically, so a retry changes nothing.
   */
  const recordTask = async (input: TaskRecord) => {
    await appendTaskEvent(input);
    const { id, seq, update } = taskWrite(input);
    return upsertNewer(Task, id, seq, update);
  };

  /**
   * One email per recipient, each deduped by task, seq, kind and person. A reminder to someone who chose the daily
   * digest is queued for the digest instead, under the same key. Many tasks' emails go out as one batch.
   */
  const notifyTasks = async (notifications: readonly TaskNotification[]): Promise<NotificationOutcome[]> => {
    const requests: NotificationRequest[] = [];
    for (const notification of notifications) {
      const { task } = notification;
      const zone = notification.zone ?? 'WIB';
      const digestFor = new Set((notification.digestRecipients ?? []).map((email) => email.toLowerCase()));
      const link = `${deps.publicUrl}/tugas/${encodeURIComponent(task.taskId)}`;
      const dueText = formatInstant(task.due, zone);
      for (const recipient of notification.recipients) {
        const dedupeKey = `${notification.kind}:${task.taskId}#${notification.seq}:${recipient.personId}`;
        if (notification.kind === 'task-reminder' && digestFor.has(recipient.email.toLowerCase())) {
          await digest.queueDigestItem({
            dedupeKey,
            cycleId: task.cycleId,
            personId: recipient.personId,
            to: recipient.email,
            name: recipient.name,
            kind: notification.kind,
            subject: `${task.title} (${task.unitCode}): tenggat ${dueText}`,
            taskId: task.taskId,
            link,
            queuedAt: notification.at ?? new Date().toISOString(),
          });
          continue;
        }
        const withSignInLink = signInLinkKinds.has(notification.kind);
        requests.push({
          dedupeKey,
          template: notification.kind,
          to: recipient.email,
          data: {
            recipient,
            actor: notification.actor ?? null,
            note: notification.note ?? '',
            deadline: notification.deadline ?? null,
            task: {
              ...task,
              stageLabel: stageLabels[task.stage as StageCode] ?? task.stage,
              dueText,
              statusLabel: taskStatusLabels[task.status],
              documents: task.evidenceRequired ? task.requiredDocuments : [],
            },
            link,
            signInLink: null,
            signInLinkHours: Math.max(1, Math.round(signInLinks.ttlSeconds / 3600)),
          },
          // Minted only for a message that goes out now: a retry of one already sent writes no token.
          ...(withSignInLink
            ? {
                sendOnlyData: async () => ({
                  signInLink:
                    (await signInLinks.linkFor({ personId: recipient.personId, taskId: task.taskId })) ?? null,
                }),
              }
            : {}),
        });
      }
    }
    return sendAll(requests);
  };
  const notifyTask = (notification: TaskNotification) => notifyTasks([notification]);

  /** Upserts one unit's progress in a cycle unless a newer state is stored, and records what changed. */
  const saveUnitProgress = async (input: UnitProgressUpdate): Promise<'saved' | 'stale'> => {
    const { progress, event } = input;
    const { cycleId, unitCode } = progress;
    if (event) {
      await appendAuditEvent(
        AuditEvent,
        `unit:${cycleId}:${unitCode}#${progress.seq}`,
        { entity: 'unit', entityId: `unit:${cycleId}:${unitCode}`, cycleId, unitCode },
        event,
      );
    }
    const { team, ...rest } = progress;
    return upsertNewer(
      UnitProgress,
      `${cycleId}:${unitCode}`,
      progress.seq,
      team ? { $set: { ...rest, team } } : { $set: rest },
    );
  };

  /**
   * The first records of tasks a unit opens (see workflows/task-opening.ts), all before any email, so a link in an
   * email never leads to a task not stored yet. A retry rewrites nothing newer (seq), as the tasks' own writes would not.
   */
  const writeOpenings = async (openings: TaskOpening[]): Promise<void> => {
    const records = openings.map((opening) => opening.record);
    for (const record of records) await appendTaskEvent(record);
    // One round trip for all of them: a 200-unit launch writes 1,400 tasks.
    await upsertNewerMany(Task, records.map(taskWrite));
  };
  const assignmentEmails = (openings: TaskOpening[]) => () =>
    notifyTasks(openings.flatMap(({ notification }) => (notification ? [notification] : [])));

  /**
   * Tries every email even when one fails (the mail server is down: each is then in the log as retrying), then fails
   * the attempt for Temporal to retry the ones left; their dedupe keys keep those already sent from going twice.
   */
  const sendEvery = async (sends: (() => Promise<NotificationOutcome[]>)[]): Promise<number> => {
    let sent = 0;
    const failures: unknown[] = [];
    for (const sendOne of sends) {
      try {
        sent += (await sendOne()).length;
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw oneError(failures, 'groups of emails');
    return sent;
  };

  return {
    ...lifecycle,
    ...digest,
    ...assessment,
    ...createAwardActivities({ models: deps.models }),
    ...createCycleCatalogueActivities(deps.models),

    /** Upserts the cycle's read model unless a newer state (higher seq) is stored, and records what changed. */
    async saveCycle(input: { snapshot: CycleSnapshot; event?: AuditEntry }): Promise<'saved' | 'stale'> {
      const { id, ...fields } = input.snapshot;
      if (input.event) {
        await appendAuditEvent(
          AuditEvent,
          `siklus:${id}#${fields.seq}`,
          { entity: 'cycle', entityId: `siklus:${id}`, cycleId: id },
          input.event,
        );
      }
      return upsertNewer(Cycle, id, fields.seq, { $set: fields });
    },

    saveUnitProgress,
    recordTask,
    notifyTask,

    /** The first record and assignment email of every task a unit opens at once (see workflows/task-opening.ts). */
    async openTasks(openings: TaskOpening[]): Promise<{ recorded: number; emails: number }> {
      await writeOpenings(openings);
      return { recorded: openings.length, emails: (await assignmentEmails(openings)()).length };
    },

    /**
     * Everything a unit does as a stage opens, once its tasks have started, in one activity instead of three (a
     * 200-unit launch opens 200 stages at once, and every activity costs the unit a workflow task): the tasks' first
     * records, the unit's progress with its `stage_opened` event, then the assignment emails and the stage email.
     */
    async openStage(input: StageOpening): Promise<{ recorded: number; emails: number }> {
      await writeOpenings(input.openings);
      await saveUnitProgress(input.progress);
      const emails = await sendEvery([
        assignmentEmails(input.openings),
        () => lifecycle.notifyStageOpened(input.stageOpened),
      ]);
      return { recorded: input.openings.length, emails };
    },

    /**
     * One email the API asked for (see emailWorkflow): sent at most once per dedupe key. An invitation or password
     * reset gets its one-time token minted here (token-emails.ts), never in the workflow's arguments.
     */
    async sendEmail(request: EmailRequest): Promise<EmailOutcome> {
      const { oneTimeLink, ...email } = request;
      return oneTimeLink ? sendTokenEmail({ ...email, oneTimeLink }) : send(email);
    },

    async notifyCycleLaunched(cycle: Pick<CycleWorkflowInput, 'id' | 'name' | 'year' | 'units' | 'launchedBy'>) {
      return send({
        dedupeKey: `cycle-launched:${cycle.id}`,
        template: 'cycle-launched',
        to: cycle.launchedBy.email,
        data: {
          recipient: cycle.launchedBy,
          cycle,
          link: `${deps.publicUrl}/siklus/${encodeURIComponent(cycle.id)}`,
        },
      });
    },

    /** Tells Bagian Organisasi a stage's window closed, with each late unit's count of unfinished tasks. */
    async announceStageClosed(input: {
      cycleId: string;
      cycleName: string;
      stage: StageCode;
      window: StageWindow;
      zone: IndonesianZone;
      lateUnits: { code: string; name: string }[];
      recipients: TaskPerson[];
    }): Promise<NotificationOutcome[]> {
      const unfinished = taskStatuses.filter((status) => status !== 'approved' && status !== 'cancelled');
      const lateUnits = [];
      for (const unit of input.lateUnits) {
        const openTasks = await Task.countDocuments({
          cycleId: input.cycleId,
          unitCode: unit.code,
          stage: input.stage,
          status: { $in: unfinished },
        });
        lateUnits.push({ ...unit, openTasks });
      }
      return lifecycle.notifyStageClosed({ ...input, lateUnits });
    },

    /**
     * Reviews one monev period: each unit's share of approved required tasks against the share the plan expects by
     * now. The first review of a period is kept (a retry re-reads it rather than recounting), so the email and the
     * stored verdict agree. Bagian Organisasi hears of lagging units.
     */
    async reviewMonevPeriod(input: {
      cycleId: string;
      cycleName: string;
      period: { key: string; label: string; due: string };
      expectedShare: number;
      requiredKeys: string[];
      units: string[];
      recipients: TaskPerson[];
    }): Promise<{ lagging: string[] }> {
      const id = `${input.cycleId}:${input.period.key}`;
      let review = await MonevReview.findById(id).lean();
      if (!review) {
        // Two reads for the whole cycle, however many units: their progress, and their approved required tasks.
        const progress = await UnitProgress.find(
          { cycleId: input.cycleId },
          { unitCode: 1, unitName: 1, status: 1 },
        ).lean();
        const approvedTasks = await Task.find(
          { cycleId: input.cycleId, status: 'approved', templateKey: { $in: input.requiredKeys } },
          { unitCode: 1 },
        ).lean();
        const approvedBy = new Map<string, number>();
        for (const task of approvedTasks) approvedBy.set(task.unitCode, (approvedBy.get(task.unitCode) ?? 0) + 1);
        const samples = input.units.flatMap((unitCode) => {
          const unit = progress.find((p) => p.unitCode === unitCode);
          if (unit?.status === 'withdrawn') return [];
          const approved = approvedBy.get(unitCode) ?? 0;
          return [{ unitCode, unitName: unit?.unitName ?? unitCode, planned: input.requiredKeys.length, approved }];
        });
        const lagging = laggingUnits(samples, input.expectedShare);
        await MonevReview.updateOne(
          { _id: id },
          {
            $setOnInsert: {
              cycleId: input.cycleId,
              periodKey: input.period.key,
              label: input.period.label,
              at: new Date(input.period.due),
              expectedShare: input.expectedShare,
              units: samples,
              lagging,
            },
          },
          { upsert: true },
        );
        review = await MonevReview.findById(id).lean();
        if (!review) throw new Error(`monev review ${id} vanished after it was written`);
        await appendAuditEvent(
          AuditEvent,
          `monev:${id}`,
          { entity: 'monev', entityId: `monev:${input.cycleId}`, cycleId: input.cycleId },
          {
            type: 'monev_reviewed',
            by: 'sistem',
            at: input.period.due,
            note: `${input.period.label}: ${review.lagging.length} unit tertinggal`,
          },
        );
      }
      if (review.lagging.length > 0) {
        await lifecycle.notifyMonevLagging({
          cycleId: input.cycleId,
          cycleName: input.cycleName,
          period: { key: input.period.key, label: input.period.label },
          expectedShare: review.expectedShare,
          // People count tasks, not shares: "kurang 3 tugas" from the expected share of the unit's plan.
          lagging: review.lagging.map((unit) => {
            const sample = review.units.find((u) => u.unitCode === unit.unitCode);
            const planned = sample?.planned ?? 0;
            const shortfall = Math.max(1, Math.ceil(unit.expected * planned - 1e-9) - (sample?.approved ?? 0));
            return { ...unit, shortfall };
          }),
          recipients: input.recipients,
        });
      }
      return { lagging: review.lagging.map((unit) => unit.unitCode) };
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;

/** A unit's progress as the unit workflow reports it; the document adds only its id and timestamps. */
export type UnitProgressSnapshot = Omit<UnitProgressDocument, '_id' | 'createdAt' | 'updatedAt'>;

/** Emails that ask the recipient to act on the task carry a single-use sign-in link to it. */
const signInLinkKinds: ReadonlySet<TaskNotificationKind> = new Set([
  'task-assigned',
  'task-reminder',
  'task-escalation',
  'task-revision-requested',
  'task-submitted',
]);

export type TaskNotificationKind =
  | 'task-assigned'
  | 'task-submitted'
  | 'task-revision-requested'
  | 'task-approved'
  | 'task-reminder'
  | 'task-escalation';

/** One step of a task for its read model: the task as it stands after the step (seq), and the event of the step. */
export interface TaskRecord {
  view: TaskView;
  seq: number;
  stage: string;
  area?: string;
  /** Absent from tasks started before descriptions were stored. */
  description?: string;
  event?: TaskEvent;
}

/** A unit's progress as its workflow saves it, with the event that changed it. */
export interface UnitProgressUpdate {
  progress: UnitProgressSnapshot;
  event?: AuditEntry;
}

/** What a unit writes and sends as a stage opens (see `openStage`). */
export interface StageOpening {
  openings: TaskOpening[];
  progress: UnitProgressUpdate;
  stageOpened: StageOpenedInput;
}

/** A task's first step, written and announced by the unit that opened it (workflows/task-opening.ts). */
export interface TaskOpening {
  record: TaskRecord;
  notification?: TaskNotification;
}

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
  /** The instansi's zone, for dates in the email. @default WIB */
  zone?: IndonesianZone;
  /** People (emails) whose reminders go into their daily digest instead. */
  digestRecipients?: string[];
  /** When it happened on the cycle's clock (ISO): a digest item's queue time. */
  at?: string;
}

/** The read-model write of a task's step: the task as its workflow shows it, guarded by seq (see upsertNewer). */
function taskWrite(input: TaskRecord): NewerWrite<TaskDocument> {
  const { view, seq } = input;
  const fields = {
    cycleId: view.cycleId,
    unitCode: view.unitCode,
    templateKey: view.templateKey,
    title: view.title,
    stage: input.stage,
    ...(input.area ? { area: input.area } : {}),
    ...(input.description ? { description: input.description } : {}),
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
  return {
    id: view.taskId,
    seq,
    update: view.claimedBy
      ? { $set: { ...fields, claimedBy: view.claimedBy } }
      : { $set: fields, $unset: { claimedBy: 1 } },
  };
}
