import {
  ApplicationFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../activities';
import type { AssessmentNotification, AssessmentNotificationKind, FinalScore } from '../activities/assessment';
import type { AuditEntry } from '../activities/audit';
import {
  dayAfterDeadline,
  decideAssessment,
  defaultReviewLayers,
  followUpTaskKey,
  isClosedPhase,
  layerLabel,
  newAssessmentProcess,
  openFollowUp,
  proposalTaskDue,
  proposalTaskKey,
  systemActor,
  type AssessmentCommand,
  type AssessmentDecision,
  type AssessmentEvent,
  type FollowUp,
  type TpnStage,
} from '../domain/assessment-process';
import type { TaskTemplate } from '../domain/catalogue';
import { formatScore } from '../domain/lke';
import { defaultReminderPolicy } from '../domain/reminder-policy';
import type { RoleCode } from '../domain/roles';
import { emailActivity, persistenceActivity } from './activity-options';
import {
  approveProposalUpdate,
  assessmentStateQuery,
  completeLayerUpdate,
  recordPredikatUpdate,
  recordProposalUpdate,
  recordTpnUpdate,
  steerTaskSignal,
  submitAssessmentUpdate,
  taskWorkflowId,
  type AssessmentView,
  type AssessmentWorkflowInput,
  type TaskPerson,
  type TaskWorkflowInput,
} from './definitions';
import { scheduleOf } from './schedule';
import { taskWorkflow } from './task.workflow';

const persistence =
  proxyActivities<
    Pick<Activities, 'saveAssessment' | 'markLkeTemplateUsed' | 'assessmentSubmissionGaps' | 'scoreFinalAssessment'>
  >(persistenceActivity);
const email = proxyActivities<Pick<Activities, 'notifyAssessment'>>(emailActivity);

/** Who hears of a change, and what extra the email shows. */
interface Notice {
  kind: AssessmentNotificationKind;
  recipients: TaskPerson[];
  score?: FinalScore;
  tpnStage?: TpnStage;
}

/** A side effect of an accepted change, done in seq order by the main loop: persist (with its audit event), then mail. */
interface Effect {
  seq: number;
  event?: AuditEntry;
  notice?: Notice;
}

/**
 * The penilaian of one unit: penilaian mandiri (the unit's team answers the LKE with evidence, through the API) →
 * submit → each TPI layer reviews and forwards, or sends questions back for tindak lanjut (a child task that reminds
 * and escalates toward its deadline; the layer resumes when the TPI approves the unit's revision) → the final score
 * of the last layer's answers → if eligible, pimpinan approval and the proposal record before the deadline (Bagian
 * Organisasi gets a reminder task; past the deadline the unit is closed as not proposed) → the TPN stages → the
 * predikat (recorded by penghargaan through `recordPredikat`). People act through validated updates; the rules are
 * `decideAssessment`'s. Every accepted change is persisted to the read model with its audit event before the update
 * answers.
 */
export async function assessmentWorkflow(input: AssessmentWorkflowInput): Promise<AssessmentView> {
  const { clock, calendar, now, nowIso, handOn } = scheduleOf(input.schedule);
  const { unit, cycleId, lkeTemplateId: templateId } = input;
  const people = (...roles: RoleCode[]): TaskPerson[] => roles.flatMap((role) => input.people[role] ?? []);
  let state = newAssessmentProcess({
    reviewLayers: input.reviewLayers ?? [...defaultReviewLayers],
    proposalDeadline: input.proposalDeadline,
  });
  let seq = 0;
  let persistedSeq = 0;
  const effects: Effect[] = [];
  /** Commands from the workflow's own children (a tindak lanjut task ended), decided by the main loop. */
  const internal: AssessmentCommand[] = [];
  const time = () => ({ at: nowIso(), today: calendar.localDay(now()) });

  const view = (): AssessmentView => ({
    ...state,
    assessmentId: workflowInfo().workflowId,
    cycleId,
    unitCode: unit.code,
    templateId,
    asOf: nowIso(),
  });
  setHandler(assessmentStateQuery, view);

  const auditOf = (event: AssessmentEvent): AuditEntry => ({
    type: event.type,
    by: event.by,
    at: event.at,
    from: event.from,
    to: event.to,
    ...(event.layer || event.note
      ? { note: [event.layer ? layerLabel(event.layer) : '', event.note ?? ''].filter(Boolean).join(': ') }
      : {}),
  });

  /** Applies an accepted decision and queues its effects; returns the seq the caller may wait for. */
  const apply = (decision: Extract<AssessmentDecision, { ok: true }>, extra: Partial<Notice> = {}): number => {
    state = decision.state;
    const notice = noticeFor(decision.event, extra);
    effects.push({ seq: ++seq, event: auditOf(decision.event), ...(notice ? { notice } : {}) });
    return seq;
  };

  /** Who is told of a change: the TPI when the LKE waits for a layer; the unit and Bagian Organisasi of outcomes. */
  function noticeFor(event: AssessmentEvent, extra: Partial<Notice>): Notice | undefined {
    const outcome = people('pimpinan', 'ketua_tim', 'admin_organisasi');
    switch (event.type) {
      case 'submit':
      case 'close_follow_up':
        return { kind: 'penilaian-reviu', recipients: people('penilai') };
      case 'complete_layer':
        return event.to === 'review' ? { kind: 'penilaian-reviu', recipients: people('penilai') } : undefined;
      case 'finalize':
        return { kind: 'penilaian-hasil', recipients: outcome, ...extra };
      case 'approve_proposal':
        return { kind: 'penilaian-usulan-disetujui', recipients: people('admin_organisasi') };
      case 'deadline_passed':
        return { kind: 'penilaian-tidak-diusulkan', recipients: outcome };
      case 'record_tpn':
        return { kind: 'penilaian-tpn', recipients: outcome, ...extra };
      default:
        return undefined;
    }
  }

  /** Registers an update whose validator and handler both decide with the domain rules (state may move between). */
  function onUpdate<A extends { actor: TaskPerson }>(
    update: UpdateDefinition<AssessmentView, [A]>,
    toCommand: (arg: A) => AssessmentCommand,
    options: { check?: (arg: A) => Promise<string | undefined>; extra?: (arg: A) => Partial<Notice> } = {},
  ): void {
    const decide = (arg: A) => decideAssessment(state, toCommand(arg), time());
    setHandler(
      update,
      async (arg) => {
        // A check that needs the stored answers runs first; the decision is then taken on the state as it is now.
        const problem = options.check ? await options.check(arg) : undefined;
        if (problem) throw ApplicationFailure.nonRetryable(problem, 'AssessmentCommandRefused');
        const decision = decide(arg);
        if (!decision.ok) throw ApplicationFailure.nonRetryable(decision.reason, 'AssessmentCommandRefused');
        const mySeq = apply(decision, options.extra?.(arg));
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

  const ref = { cycleId, unitCode: unit.code, templateId };
  onUpdate(submitAssessmentUpdate, (a) => ({ type: 'submit', actor: a.actor, note: a.note }), {
    check: async () => {
      const gaps = await persistence.assessmentSubmissionGaps(ref);
      return gaps.text ? `Penilaian mandiri belum lengkap: ${gaps.text}` : undefined;
    },
  });
  onUpdate(completeLayerUpdate, (a) => ({ type: 'complete_layer', ...a }));
  onUpdate(approveProposalUpdate, (a) => ({ type: 'approve_proposal', actor: a.actor, note: a.note }));
  onUpdate(recordProposalUpdate, (a) => ({ type: 'record_proposal', ...a }));
  onUpdate(recordTpnUpdate, (a) => ({ type: 'record_tpn', ...a }), { extra: (a) => ({ tpnStage: a.stage }) });
  onUpdate(recordPredikatUpdate, (a) => ({ type: 'record_predikat', ...a }));

  // Emails go out in their own lane, in order, so a slow mail server never holds up an update's answer.
  const mails: AssessmentNotification[] = [];
  let finished = false;
  const mailLane = (async () => {
    for (;;) {
      await condition(() => mails.length > 0 || finished);
      const mail = mails.shift();
      if (!mail) return;
      await email.notifyAssessment(mail);
    }
  })();

  const persistEffects = async () => {
    for (let effect = effects.shift(); effect; effect = effects.shift()) {
      await persistence.saveAssessment({
        snapshot: {
          cycleId,
          ...(input.cycleName ? { cycleName: input.cycleName } : {}),
          unit,
          templateId,
          templateVersion,
          process: state,
          seq: effect.seq,
        },
        event: effect.event,
      });
      persistedSeq = effect.seq;
      if (effect.notice && effect.notice.recipients.length > 0) {
        mails.push({
          kind: effect.notice.kind,
          cycleId,
          cycleName: input.cycleName ?? '',
          unit,
          seq: effect.seq,
          recipients: effect.notice.recipients,
          process: state,
          ...(input.schedule?.zone ? { zone: input.schedule.zone } : {}),
          ...(effect.notice.score ? { score: effect.notice.score } : {}),
          ...(effect.notice.tpnStage ? { tpnStage: effect.notice.tpnStage } : {}),
        });
      }
    }
  };

  const taskInput = (
    template: TaskTemplate,
    due: string,
    assignees: TaskPerson[],
    reviewers: TaskPerson[],
    escalationContacts: TaskWorkflowInput['escalationContacts'],
  ): TaskWorkflowInput => ({
    cycleId,
    unit,
    template,
    due,
    assignees,
    reviewers,
    escalationContacts,
    schedule: handOn(),
  });

  /** The tindak lanjut round as a task for the ketua tim, reviewed by the TPI: it reminds and escalates like any. */
  const startFollowUpTask = async (followUp: FollowUp) => {
    const template: TaskTemplate = {
      key: followUpTaskKey(followUp.round),
      title: `Tindak lanjut evaluasi TPI putaran ${followUp.round}`,
      description:
        `${layerLabel(followUp.layer)} mengembalikan ${followUp.questionIds.length} pertanyaan LKE untuk diperbaiki: ` +
        `${followUp.questionIds.join(', ')}. Catatan TPI: ${followUp.note ?? '-'}. Perbaiki jawaban dan data ` +
        'dukungnya pada halaman penilaian, lalu kirim tugas ini untuk direviu TPI.',
      stage: 'penilaian',
      assigneeRole: 'ketua_tim',
      reviewerRole: 'penilai',
      evidence: { required: false, documents: [] },
      required: true,
      due: { kind: 'at_stage_due' },
    };
    const taskId = taskWorkflowId(cycleId, unit.code, template.key);
    state = {
      ...state,
      followUps: state.followUps.map((f) => (f.round === followUp.round ? { ...f, taskId } : f)),
    };
    const child = await startChild(taskWorkflow, {
      workflowId: taskId,
      args: [
        taskInput(template, followUp.due, people('ketua_tim'), people('penilai'), {
          ketua_tim: people('ketua_tim'),
          pimpinan: people('pimpinan'),
          admin_organisasi: people('admin_organisasi'),
        }),
      ],
    });
    effects.push({ seq: ++seq });
    // The layer resumes when the TPI approves the revision; a cancelled task gives the layer back too.
    child.result().then(
      (final) =>
        internal.push({
          type: 'close_follow_up',
          actor: systemActor,
          round: followUp.round,
          outcome: final.status === 'approved' ? 'approved' : 'cancelled',
        }),
      () => internal.push({ type: 'close_follow_up', actor: systemActor, round: followUp.round, outcome: 'cancelled' }),
    );
  };

  /** Bagian Organisasi's reminder task toward the proposal deadline; the proposal itself is recorded on the assessment. */
  let proposalTask: { id: string; closed: boolean } | undefined;
  const startProposalTask = async () => {
    const policy = input.schedule?.policy ?? defaultReminderPolicy;
    const template: TaskTemplate = {
      key: proposalTaskKey,
      title: `Usulan ${unit.name} ke KemenPAN-RB`,
      description:
        `${unit.name} memenuhi syarat untuk diusulkan dengan predikat ${state.eligiblePredicate ?? '-'}. Setelah ` +
        'pimpinan unit menyetujui, kirim usulan melalui PMPZI (surat pengantar, SPTJM, LKE hasil evaluasi TPI) dan ' +
        `catat pengirimannya pada halaman penilaian unit paling lambat ${state.proposal.deadline}. Tugas ini ` +
        'berakhir sendiri ketika usulan tercatat atau batas waktunya lewat.',
      stage: 'penilaian',
      assigneeRole: 'admin_organisasi',
      reviewerRole: 'pimpinan',
      evidence: { required: false, documents: [] },
      required: false,
      due: { kind: 'at_stage_due' },
    };
    const id = taskWorkflowId(cycleId, unit.code, template.key);
    const due = proposalTaskDue(state.proposal.deadline, policy, calendar).toISOString();
    await startChild(taskWorkflow, {
      workflowId: id,
      // Escalation skips the ketua tim (not theirs to do): the policy's first step goes up to the pimpinan.
      args: [
        taskInput(template, due, people('admin_organisasi'), people('pimpinan'), {
          pimpinan: people('pimpinan'),
          admin_organisasi: people('admin_organisasi'),
        }),
      ],
      // The proposal is recorded here, not on the task: the task only reminds, and is cancelled once done.
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    proposalTask = { id, closed: false };
    state = { ...state, proposal: { ...state.proposal, taskId: id } };
    effects.push({ seq: ++seq });
  };
  const closeProposalTask = async (reason: string) => {
    if (!proposalTask || proposalTask.closed) return;
    proposalTask.closed = true;
    await getExternalWorkflowHandle(proposalTask.id)
      .signal(steerTaskSignal, { type: 'cancel', actor: systemActor, reason })
      // A task that ended meanwhile has nothing left to stop.
      .catch(() => undefined);
  };

  // Start: the template is marked as used and its version kept; the unit's team is told to begin.
  const templateVersion = (await persistence.markLkeTemplateUsed({ templateId, cycleId })).version;
  effects.push({
    seq: ++seq,
    event: { type: 'started', by: systemActor.personId, at: nowIso(), to: state.phase, note: templateId },
    notice: { kind: 'penilaian-dimulai', recipients: people('ketua_tim', 'anggota_tim', 'pimpinan') },
  });

  const deadlineEnds = () => calendar.atLocalTime(dayAfterDeadline(state.proposal.deadline), '00:00');
  for (;;) {
    await persistEffects();
    if (state.phase !== 'usulan' && proposalTask && !proposalTask.closed) {
      await closeProposalTask(
        state.phase === 'diusulkan'
          ? `Usulan tercatat (dikirim ${state.proposal.submittedAt ?? '-'})`
          : 'Batas waktu usulan terlewati',
      );
    }
    if (isClosedPhase(state.phase)) break;

    if (state.phase === 'final') {
      const score = await persistence.scoreFinalAssessment({
        ...ref,
        layers: state.layers,
        assessmentDate: time().today,
      });
      const decision = decideAssessment(
        state,
        {
          type: 'finalize',
          actor: systemActor,
          eligiblePredicate: score.predicate ?? null,
          ...(score.predicate ? {} : { note: notEligibleNote(score) }),
        },
        time(),
      );
      if (decision.ok) apply(decision, { score });
      continue;
    }
    const open = openFollowUp(state);
    if (state.phase === 'tindak_lanjut' && open && !open.taskId) {
      await startFollowUpTask(open);
      continue;
    }
    if (state.phase === 'usulan' && !proposalTask) {
      await startProposalTask();
      continue;
    }

    const phase = state.phase;
    const woken = () => effects.length > 0 || internal.length > 0 || state.phase !== phase;
    if (phase === 'usulan') {
      const wait = clock.delayUntil(deadlineEnds(), Date.now());
      const interrupted = wait > 0 ? await condition(woken, wait) : false;
      if (!interrupted && state.phase === 'usulan') {
        const decision = decideAssessment(state, { type: 'deadline_passed', actor: systemActor }, time());
        if (decision.ok) apply(decision);
      }
    } else {
      await condition(woken);
    }
    for (let command = internal.shift(); command; command = internal.shift()) {
      const decision = decideAssessment(state, command, time());
      if (decision.ok) apply(decision);
    }
  }

  finished = true;
  await mailLane;
  await condition(allHandlersFinished);
  return view();
}

/** Why a final score is not enough, shortest first: the failed WBK conditions. */
function notEligibleNote(score: FinalScore): string {
  const wbk = score.failures.filter((failure) => failure.startsWith('WBK: ')).map((failure) => failure.slice(5));
  const shown = wbk.slice(0, 3).join('; ');
  return `Nilai akhir TPI ${formatScore(score.total)} belum memenuhi syarat WBK: ${shown}${wbk.length > 3 ? '; …' : ''}`;
}
