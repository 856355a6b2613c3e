/**
 * What the API and the worker both need to know about the workflows: names, ids, argument and message types.
 * The API imports this module only, never the workflow implementations.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { TaskCatalogue, TaskTemplate } from '../domain/catalogue';
import type { CycleDefinition, CycleStatus, CycleUnit, Person, UnitRef } from '../domain/cycle';
import type { Holiday, IndonesianZone } from '../domain/calendar';
import type { ClockCompression } from '../domain/clock';
import type { ReminderPolicy } from '../domain/reminder-policy';
import type { RoleCode } from '../domain/roles';
import type { MonevCadence } from '../domain/monev';
import type { CycleTimeline, StageCode, StageWindow } from '../domain/stages';
import type { TeamSubmission } from '../domain/team';
import type { Participant } from '../domain/people';
import type { EvidenceRef, TaskState, TaskStatus } from '../domain/task';
import type { AssessmentProcess, LayerDecision, TpnResult, TpnStage } from '../domain/assessment-process';
import type { Predicate } from '../domain/lke/types';
import type { PemantauanPlan } from '../domain/awards';

/** Default task queue; config's TEMPORAL_TASK_QUEUE overrides it. */
export const defaultTaskQueue = 'zi-orchestrator';

export const cycleWorkflowType = 'cycleWorkflow';

/** The business id is the workflow id, so a cycle can never be started twice. */
export const cycleWorkflowId = (cycleId: string): string => `siklus:${cycleId}`;

/** Everything a cycle runs on, fixed at launch (timeline and units may change later through admin messages). */
export interface CycleWorkflowInput extends CycleDefinition {
  timeline: CycleTimeline;
  /** The exact catalogue of the cycle: the default one with the launch's overrides applied. */
  catalogue: TaskCatalogue;
  /** Zone, holidays and reminder policy of the instansi (and a compressed clock for rehearsals). */
  schedule: TaskSchedule;
  /** TPI (Inspektorat) people: penilai of every unit. */
  assessors: Person[];
  /** @default monthly */
  monev?: MonevCadence;
  /** The penilaian's LKE template, proposal deadline and review layers; filled at launch (absent in older cycles). */
  penilaian?: PenilaianSettings;
  /** Per unit code: tasks for the recommendations it carries from an earlier cycle, added to its own catalogue. */
  carriedRecommendations?: Record<string, TaskTemplate[]>;
}

export type CycleUnitStatus = 'active' | 'withdrawn' | 'finished';

export interface CycleStageView {
  window: StageWindow;
  status: 'scheduled' | 'open' | 'closed';
  /** Units still working on the stage when its window closed. */
  lateUnits: string[];
}

export interface CycleWorkflowState {
  cycleId: string;
  status: CycleStatus;
  stages: Record<StageCode, CycleStageView>;
  units: (CycleUnit & { status: CycleUnitStatus; stage: StageCode | 'selesai' })[];
}

export const cycleStateQuery = defineQuery<CycleWorkflowState>('cycleState');

/** From a unit to its cycle: where it stands now (sent on every stage change). */
export const unitReportSignal =
  defineSignal<[{ unitCode: string; stage: StageCode | 'selesai'; status: CycleUnitStatus }]>('unitReport');

/** Who steers a cycle: Bagian Organisasi (validated by the cycle, which holds no accounts yet). */
export type Steering = { actor: TaskPerson; reason: string };

export interface AdvanceCycle extends Steering {
  /** The stage to open now instead of on its date; it must be the next one not yet open. */
  stage: StageCode;
}
export interface AdvanceUnit extends Steering {
  unitCode: string;
  /** The stage the unit is to leave; its unfinished tasks are cancelled. Guards against a double click. */
  stage: StageCode;
}
export interface ExtendStageDue extends Steering {
  stage: StageCode;
  /** New due date, `YYYY-MM-DD`, later than the current one. */
  due: string;
}
export interface AddUnit extends Omit<Steering, 'reason'> {
  unit: CycleUnit;
}
export interface WithdrawUnit extends Steering {
  unitCode: string;
}
export type CancelCycle = Steering;

export const advanceCycleUpdate = defineUpdate<CycleWorkflowState, [AdvanceCycle]>('advanceCycle');
export const advanceUnitUpdate = defineUpdate<CycleWorkflowState, [AdvanceUnit]>('advanceUnit');
export const extendStageDueUpdate = defineUpdate<CycleWorkflowState, [ExtendStageDue]>('extendStageDue');
export const addUnitUpdate = defineUpdate<CycleWorkflowState, [AddUnit]>('addUnit');
export const withdrawUnitUpdate = defineUpdate<CycleWorkflowState, [WithdrawUnit]>('withdrawUnit');
export const cancelCycleUpdate = defineUpdate<CycleWorkflowState, [CancelCycle]>('cancelCycle');

// ---- Task (tugas): one rencana-aksi task of one unit in one cycle ----

export const taskWorkflowType = 'taskWorkflow';

/** `tugas:<cycleId>:<unitCode>:<templateKey>`: one task per template and unit, never started twice. */
export const taskWorkflowId = (cycleId: string, unitCode: string, templateKey: string): string =>
  `tugas:${cycleId}:${unitCode}:${templateKey}`;

/** A person as the task needs them: to decide (roles in the unit) and to write to. */
export type TaskPerson = Participant;

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
  /**
   * The unit that started the task writes its first record and sends its assignment email (workflows/task-opening.ts),
   * for all the tasks it opens at once; the task starts at its second step. Absent: the task does both itself.
   */
  announcedByUnit?: boolean;
}

export interface TaskSchedule {
  zone?: IndonesianZone;
  /** People (emails) who chose one morning digest instead of single reminders. */
  digestRecipients?: string[];
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
  /** Only for the team task (`submit_tim_kerja`): the Tim Kerja the pimpinan proposes. */
  team?: TeamSubmission;
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

/**
 * What a unit workflow tells its tasks (workflows cannot send updates): cancel, or move the due date with the
 * stage. Decided by the same domain rules as the updates; a refused command changes nothing.
 */
export type SteerTask =
  | { type: 'cancel'; actor: TaskPerson; reason: string }
  | { type: 'extend_due'; actor: TaskPerson; due: string; reason: string };
export const steerTaskSignal = defineSignal<[SteerTask]>('steerTask');

// ---- Unit: one unit kerja's way through the six stages of one cycle ----

export const unitWorkflowType = 'unitWorkflow';

export const unitWorkflowId = (cycleId: string, unitCode: string): string => `unit:${cycleId}:${unitCode}`;

export interface UnitWorkflowInput {
  cycleId: string;
  cycleName?: string;
  unit: UnitRef;
  /**
   * The exact catalogue the cycle was launched with (overrides applied). Absent, the unit loads the one its cycle
   * stored (`storeCycleCatalogue`), adding `carriedRecommendations`: carried in every unit's input, the catalogue
   * made the cycle's history grow by 34.8 kB a unit.
   */
  catalogue?: TaskCatalogue;
  /** This unit's tasks for recommendations carried from an earlier cycle, when the catalogue is loaded. */
  carriedRecommendations?: TaskTemplate[];
  timeline: CycleTimeline;
  /**
   * People known at launch by role: the unit's pimpinan, Bagian Organisasi, TPI. Team roles (ketua and anggota
   * tim) come from the approved team task when the catalogue has one.
   */
  team: Partial<Record<RoleCode, TaskPerson[]>>;
  schedule?: TaskSchedule;
  /** How the unit's assessment runs when penilaian opens; absent: the default template, 31 May, the default layers. */
  penilaian?: PenilaianSettings;
}

export type UnitStatus = 'active' | 'withdrawn' | 'finished';

export interface UnitView {
  cycleId: string;
  unitCode: string;
  status: UnitStatus;
  /** The stage the unit works in, or `selesai` after the last one. */
  stage: StageCode | 'selesai';
  completedStages: StageCode[];
  /** Stages whose window closed before the unit finished them. */
  lateStages: StageCode[];
  /** Template key → the task's status, for every task started so far. */
  tasks: Record<string, TaskStatus>;
  /** The approved Tim Kerja, once there is one. */
  team?: TeamSubmission;
}

export const unitStateQuery = defineQuery<UnitView>('unitState');

/** From the cycle: a stage opens now (Bagian Organisasi advanced the cycle). */
export const openStageSignal = defineSignal<[{ stage: StageCode }]>('openStage');
/** From the cycle: a stage's window moved; tasks of the stage follow the new due date. */
export const stageWindowSignal = defineSignal<[{ stage: StageCode; window: StageWindow } & Steering]>('stageWindow');
/** From the cycle: a stage's window closed; a unit still in it is late. */
export const stageClosedSignal = defineSignal<[{ stage: StageCode }]>('stageClosed');
/** From the cycle: leave `stage` now, cancelling its unfinished tasks. */
export const advanceStageSignal = defineSignal<[{ stage: StageCode } & Steering]>('advanceStage');
/** From the cycle: the unit leaves the cycle; every unfinished task is cancelled. */
export const withdrawSignal = defineSignal<[Steering]>('withdraw');
/** From monev: this period's progress report task. */
export const progressReportSignal = defineSignal<[{ key: string; label: string; due: string }]>('progressReport');

// ---- Monev and digest: the cycle's long-lived loops, each in its own workflow that continues as new ----

export const monevWorkflowType = 'monevWorkflow';
export const monevWorkflowId = (cycleId: string): string => `monev:${cycleId}`;

export interface MonevWorkflowInput {
  cycleId: string;
  cycleName: string;
  cadence: MonevCadence;
  catalogue: TaskCatalogue;
  timeline: CycleTimeline;
  /** Codes of the units monev asks; the cycle signals changes. */
  units: string[];
  /** Bagian Organisasi: told of lagging units. */
  recipients: TaskPerson[];
  schedule?: TaskSchedule;
  /** Periods already done by earlier runs (continue-as-new). */
  done?: number;
}

export const monevUnitsSignal = defineSignal<[{ units: string[] }]>('monevUnits');
/** The cycle's timeline changed (a stage was extended): periods and the expected share follow it. */
export const monevTimelineSignal = defineSignal<[{ timeline: CycleTimeline }]>('monevTimeline');

export const digestWorkflowType = 'digestWorkflow';
export const digestWorkflowId = (cycleId: string): string => `digest:${cycleId}`;

export interface DigestWorkflowInput {
  cycleId: string;
  cycleName: string;
  /** People who chose the digest (the cycle's `schedule.digestRecipients`, resolved to names). */
  recipients: TaskPerson[];
  schedule?: TaskSchedule;
  /** The last day a digest went out (continue-as-new carries it). */
  lastDay?: string;
}

// ---- Email: one message the API asks for (invitations, password resets, resends) ----

export const emailWorkflowType = 'emailWorkflow';
/** One workflow per dedupe key: asking twice for the same message starts nothing new. */
export const emailWorkflowId = (dedupeKey: string): string => `email:${dedupeKey}`;

// ---- Pemantauan: TPI monitoring of an awarded unit, one round per run (continue-as-new) ----

export const pemantauanWorkflowType = 'pemantauanWorkflow';

/** One monitoring plan per award (cycle and unit): recording the same predikat twice starts nothing new. */
export const pemantauanWorkflowId = (cycleId: string, unitCode: string): string => `pemantauan:${cycleId}:${unitCode}`;

export interface PemantauanWorkflowInput {
  cycleId: string;
  cycleName: string;
  unit: UnitRef;
  predicate: Predicate;
  /** The award day, `YYYY-MM-DD`: rounds are counted from it. */
  awardedOn: string;
  plan: PemantauanPlan;
  /** Bagian Organisasi (the cycle's launcher): reviews each round and hears when one slips. */
  reviewers: TaskPerson[];
  schedule?: TaskSchedule;
  /** Rounds already started by earlier runs (continue-as-new). */
  done?: number;
}

export interface PemantauanView {
  cycleId: string;
  unitCode: string;
  /** Rounds whose monitoring task has been started. */
  started: number;
  periods: number;
  stopped: boolean;
}

/** The predikat was revoked: open monitoring tasks are cancelled and no further round starts. */
export const stopPemantauanSignal = defineSignal<[Steering]>('stopPemantauan');
export const pemantauanStateQuery = defineQuery<PemantauanView>('pemantauanState');

// ---- Penilaian: one unit's LKE assessment, from penilaian mandiri to the TPN results and the predikat ----

export const assessmentWorkflowType = 'assessmentWorkflow';

/** `penilaian:<cycleId>:<unitCode>`: one assessment per unit and cycle, started by the unit when penilaian opens. */
export const assessmentWorkflowId = (cycleId: string, unitCode: string): string => `penilaian:${cycleId}:${unitCode}`;

/** A cycle's penilaian settings, fixed at launch. */
export interface PenilaianSettings {
  /** The LKE template the units are assessed with (the built-in default unless the launch names another). */
  lkeTemplateId: string;
  /** Last day a proposal to KemenPAN-RB may be recorded, `YYYY-MM-DD`. @default 31 May of the cycle year */
  proposalDeadline: string;
  /** TPI review layers in order. @default tpi_anggota, tpi_ketua, pengendali_teknis */
  reviewLayers?: string[];
}

export interface AssessmentWorkflowInput extends PenilaianSettings {
  cycleId: string;
  cycleName?: string;
  unit: UnitRef;
  /**
   * People by role, for emails and the tasks the assessment starts: ketua and anggota tim, pimpinan, penilai (TPI)
   * and Bagian Organisasi. Who may act is decided by the API from grants, and by the workflow from the actor's roles.
   */
  people: Partial<Record<RoleCode, TaskPerson[]>>;
  schedule?: TaskSchedule;
}

/** The process as the workflow holds it, with the ids that place it. */
export interface AssessmentView extends AssessmentProcess {
  assessmentId: string;
  cycleId: string;
  unitCode: string;
  templateId: string;
  /** The workflow's clock now (compressed in rehearsals and tests), ISO. */
  asOf: string;
}

export interface SubmitAssessment {
  actor: TaskPerson;
  note?: string;
}
export interface CompleteLayer {
  actor: TaskPerson;
  layer: string;
  /** forward: the next layer (or the final score after the last); tindak_lanjut: questions back to the unit. */
  decision: LayerDecision;
  questionIds?: string[];
  /** ISO instant the tindak lanjut is due. */
  due?: string;
  note?: string;
}
export interface ApproveProposal {
  actor: TaskPerson;
  note?: string;
}
export interface RecordProposal {
  actor: TaskPerson;
  /** `YYYY-MM-DD`, on or before the proposal deadline. */
  submittedAt: string;
  /** Evidence refs (https links or `file:<id>` of the assessment's files). */
  documents: { coverLetter: string; sptjm: string; reviewedLke: string };
}
export interface RecordTpn {
  actor: TaskPerson;
  stage: TpnStage;
  result: TpnResult;
  /** `YYYY-MM-DD`. */
  date: string;
  note?: string;
}
/**
 * The predikat KemenPAN-RB set (or none), recorded by Bagian Organisasi once the TPN evaluasi lapangan is recorded as
 * passed; moves the assessment to `selesai`. A unit proposed for WBK cannot be recorded WBBM.
 */
export interface RecordPredikat {
  actor: TaskPerson;
  predicate: Predicate | null;
  /** `YYYY-MM-DD`. */
  date: string;
  note?: string;
}

/** Updates answer with the new state once it is persisted, or reject with the reason before anything is recorded. */
export const submitAssessmentUpdate = defineUpdate<AssessmentView, [SubmitAssessment]>('submitAssessment');
export const completeLayerUpdate = defineUpdate<AssessmentView, [CompleteLayer]>('completeLayer');
export const approveProposalUpdate = defineUpdate<AssessmentView, [ApproveProposal]>('approveProposal');
export const recordProposalUpdate = defineUpdate<AssessmentView, [RecordProposal]>('recordProposal');
export const recordTpnUpdate = defineUpdate<AssessmentView, [RecordTpn]>('recordTpn');
export const recordPredikatUpdate = defineUpdate<AssessmentView, [RecordPredikat]>('recordPredikat');
export const assessmentStateQuery = defineQuery<AssessmentView>('assessmentState');
