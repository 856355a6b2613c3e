import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { escalationRecipients } from '../domain/escalation-recipients';
import type { UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../activities';
import { defaultReminderPolicy, nextNotification, type PlannedNotification } from '../domain/reminder-policy';
import { decideTask, isTerminal, type TaskCommand, type TaskEvent, type TaskState } from '../domain/task';
import { emailActivity, localPersistenceActivity, persistenceActivity } from './activity-options';
import {
  cancelTaskUpdate,
  claimTaskUpdate,
  extendTaskDueUpdate,
  reassignTaskUpdate,
  reviewTaskUpdate,
  steerTaskSignal,
  submitTaskUpdate,
  taskStateQuery,
  type TaskPerson,
  type TaskView,
  type TaskWorkflowInput,
} from './definitions';
import { scheduleOf } from './schedule';
import {
  assignmentNoticeOf,
  openingSeq,
  openingStateOf,
  taskNotificationOf,
  taskRecordOf,
  taskViewOf,
  type TaskNotice,
} from './task-opening';

const persistence = proxyActivities<Pick<Activities, 'recordTask'>>(persistenceActivity);
const localPersistence = proxyLocalActivities<Pick<Activities, 'recordTask'>>(localPersistenceActivity);
const email = proxyActivities<Pick<Activities, 'notifyTask'>>(emailActivity);

/** A side effect of an accepted change, done in order by the workflow's main loop. */
interface Effect {
  seq: number;
  event?: TaskEvent;
  notify?: TaskNotice;
}

/**
 * One human task (tugas) of one unit: people act through validated updates (claim, submit, review, reassign,
 * extend, cancel); every accepted change is persisted to the read model with the audit event, then announced by
 * email. An update answers once its change is persisted, so a read right after it sees the new state.
 */
export async function taskWorkflow(input: TaskWorkflowInput): Promise<TaskView> {
  const { clock, calendar, now, nowIso } = scheduleOf(input.schedule);
  const policy = input.schedule?.policy ?? defaultReminderPolicy;
  let escalationLevel = 0;
  let state: TaskState = openingStateOf(input);
  let assignees = input.assignees;
  let seq = openingSeq;
  // Opened by its unit, the first step is written and announced already (workflows/task-opening.ts).
  let persistedSeq = input.announcedByUnit ? openingSeq : 0;
  const effects: Effect[] = input.announcedByUnit ? [] : [{ seq, notify: assignmentNoticeOf(input) }];

  const view = (): TaskView => taskViewOf(input, workflowInfo().workflowId, state, escalationLevel, nowIso());
  setHandler(taskStateQuery, view);

  /** Registers an update whose validator and handler both decide with the domain rules (state may move between). */
  function onUpdate<A extends { actor: TaskPerson }>(
    update: UpdateDefinition<TaskView, [A]>,
    toCommand: (arg: A) => TaskCommand,
    announce: (arg: A, before: TaskState) => Effect['notify'],
  ): void {
    const decide = (arg: A) => decideTask(state, toCommand(arg), nowIso());
    setHandler(
      update,
      async (arg) => {
        const decision = decide(arg);
        if (!decision.ok) throw ApplicationFailure.nonRetryable(decision.reason, 'TaskCommandRefused');
        const before = state;
        state = decision.state;
        const mySeq = ++seq;
        effects.push({ seq: mySeq, event: decision.event, notify: announce(arg, before) });
        await condition(() => persistedSeq >= mySeq);
        return view();
      },
      {
        validator: (arg) => {
          const decision = decide(arg);
          if (!decision.ok) throw new Error(decision.reason);
        },
      },
    );
  }

  const submitter = (before: TaskState): TaskPerson[] =>
    assignees.filter((person) => person.personId === before.lastSubmittedBy);

  onUpdate(
    claimTaskUpdate,
    (a) => ({ type: 'claim', actor: a.actor }),
    () => undefined,
  );
  onUpdate(
    submitTaskUpdate,
    (a) => ({ type: 'submit', actor: a.actor, evidence: a.evidence, note: a.note, team: a.team }),
    (a) => ({ kind: 'task-submitted', recipients: input.reviewers, actor: a.actor, note: a.note }),
  );
  onUpdate(
    reviewTaskUpdate,
    (a) => ({ type: 'review', actor: a.actor, decision: a.decision, note: a.note }),
    (a, before) => ({
      kind: a.decision === 'approve' ? 'task-approved' : 'task-revision-requested',
      recipients: submitter(before),
      actor: a.actor,
      note: a.note,
    }),
  );
  onUpdate(
    reassignTaskUpdate,
    (a) => {
      assignees = [a.to];
      return { type: 'reassign', actor: a.actor, to: a.to.personId, reason: a.reason };
    },
    (a) => ({ kind: 'task-assigned', recipients: [a.to], actor: a.actor, note: a.reason }),
  );
  onUpdate(
    extendTaskDueUpdate,
    (a) => ({ type: 'extend_due', actor: a.actor, due: a.due, reason: a.reason }),
    () => undefined,
  );
  onUpdate(
    cancelTaskUpdate,
    (a) => ({ type: 'cancel', actor: a.actor, reason: a.reason }),
    () => undefined,
  );

  // The unit steers its tasks by signal (a workflow cannot send updates): same rules, and a refusal changes nothing.
  setHandler(steerTaskSignal, (command) => {
    const decision = decideTask(state, command, nowIso());
    if (!decision.ok) return;
    state = decision.state;
    effects.push({ seq: ++seq, event: decision.event });
  });

  const deadlineRecipients = (planned: PlannedNotification): TaskPerson[] => {
    if (planned.recipientRole !== 'assignee')
      return escalationRecipients(input.escalationContacts, planned.recipientRole);
    const owner = assignees.filter((person) => person.personId === state.claimedBy);
    return owner.length > 0 ? owner : assignees;
  };

  // Emails go out in their own lane, in order, so a slow mail server never holds up persistence or an update's answer.
  const mails: Parameters<typeof email.notifyTask>[0][] = [];
  let finished = false;
  const mailLane = (async () => {
    for (;;) {
      await condition(() => mails.length > 0 || finished);
      const mail = mails.shift();
      if (!mail) return;
      await email.notifyTask(mail);
    }
  })();

  // Reminders and escalations are planned from the due date each time round, so an extended due date simply
  // replans; `cursor` is the last notification planned, and none is sent twice for the same due date.
  let cursor = now();
  let cursorDue = state.due;
  // Effects are persisted one at a time in seq order, so the read model follows the order of decisions.
  for (;;) {
    if (effects.length === 0 && !isTerminal(state.status)) {
      // A new due date is planned from now: what its plan had before now is not caught up.
      if (cursorDue !== state.due) [cursor, cursorDue] = [now(), state.due];
      const planned = nextNotification({ policy, calendar, due: state.due, now: cursor });
      const dueBefore = state.due;
      const woken = () => effects.length > 0 || isTerminal(state.status) || state.due !== dueBefore;
      const interrupted = planned
        ? await condition(woken, Math.max(1, clock.delayUntil(planned.at, Date.now())))
        : (await condition(woken), true);
      if (!interrupted && planned) {
        cursor = planned.at;
        if (planned.kind === 'escalation') escalationLevel = planned.level;
        effects.push({
          seq: ++seq,
          notify: {
            kind: planned.kind === 'reminder' ? 'task-reminder' : 'task-escalation',
            recipients: deadlineRecipients(planned),
            deadline: planned,
          },
        });
      }
    }
    const effect = effects.shift();
    if (!effect) {
      if (isTerminal(state.status)) break;
      continue;
    }
    // Recorded histories (and tasks open before this change) persisted through activity tasks; new steps do it locally.
    const recordTask = patched('record-task-locally') ? localPersistence.recordTask : persistence.recordTask;
    await recordTask(taskRecordOf(input, view(), effect.seq, effect.event));
    persistedSeq = effect.seq;
    if (effect.notify && effect.notify.recipients.length > 0) {
      mails.push(taskNotificationOf(input, view(), effect.seq, effect.notify, nowIso()));
    }
  }
  finished = true;
  await mailLane;
  await condition(allHandlersFinished);
  return view();
}
