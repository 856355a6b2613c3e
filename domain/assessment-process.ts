/**
 * The penilaian of one unit as a pure state machine, from penilaian mandiri to the TPN results and the predikat:
 * `mandiri → review (layer by layer, with tindak lanjut rounds back to the unit) → final → usulan → diusulkan → tpn →
 * selesai`, or `tidak_diusulkan`. The assessment workflow validates every update with `decideAssessment` and applies
 * the state it returns, as the task workflow does with `decideTask`. Refusal reasons are shown to people: Bahasa
 * Indonesia. Answers themselves are not here (they are written by the API while the phase allows, see
 * `answerWindow`); scores come from `scoreAssessment`. Pure: safe inside Temporal's workflow sandbox.
 */
import { addCalendarDays, isIsoDate, type IsoDate, type LocalTime, type WorkingCalendar } from './calendar';
import type { ReminderPolicy } from './reminder-policy';
import type { Predicate } from './lke/types';
import type { Actor } from './task';

export const assessmentPhases = [
  'mandiri', // the unit's team answers every question with evidence
  'review', // a TPI layer reviews (see `currentLayer`)
  'tindak_lanjut', // questions sent back to the unit with a deadline
  'final', // the last layer finished; final score computed
  'usulan', // eligible: waiting for pimpinan approval and the proposal record
  'diusulkan', // proposal recorded (sent to KemenPAN-RB)
  'tpn', // TPN stages being recorded
  'selesai', // predikat recorded (or none), assessment closed
  'tidak_diusulkan', // not eligible or not approved: closed without proposal
] as const;
export type AssessmentPhase = (typeof assessmentPhases)[number];

export const assessmentPhaseLabels: Readonly<Record<AssessmentPhase, string>> = {
  mandiri: 'Penilaian mandiri',
  review: 'Evaluasi TPI',
  tindak_lanjut: 'Tindak lanjut hasil evaluasi TPI',
  final: 'Nilai akhir TPI',
  usulan: 'Menunggu usulan',
  diusulkan: 'Diusulkan ke KemenPAN-RB',
  tpn: 'Evaluasi TPN',
  selesai: 'Selesai',
  tidak_diusulkan: 'Tidak diusulkan',
};

/** Phases after which nothing changes any more. */
export const closedPhases: readonly AssessmentPhase[] = ['selesai', 'tidak_diusulkan'];
export const isClosedPhase = (phase: AssessmentPhase): boolean => closedPhases.includes(phase);

/** The unit's own layer comes first; then the review layers in order (configurable per cycle; this is the default). */
export const unitLayer = 'unit';
export const defaultReviewLayers = ['tpi_anggota', 'tpi_ketua', 'pengendali_teknis'] as const;
/** Layer codes are keys in the read model (`answers.<layer>.<question>`): lower case, digits and `_` only. */
export const layerCodePattern = /^[a-z][a-z0-9_]{0,31}$/;
export const maxReviewLayers = 6;

const layerLabels: Readonly<Record<string, string>> = {
  unit: 'Penilaian mandiri unit',
  tpi_anggota: 'TPI anggota',
  tpi_ketua: 'TPI ketua',
  pengendali_teknis: 'Pengendali teknis',
};
export const layerLabel = (layer: string): string => layerLabels[layer] ?? layer.replaceAll('_', ' ');

/** What is wrong with a cycle's review layers (empty when they are fine). */
export function reviewLayerIssues(layers: readonly string[]): string[] {
  const issues: string[] = [];
  if (layers.length === 0) issues.push('paling sedikit satu lapis penilai TPI');
  if (layers.length > maxReviewLayers) issues.push(`paling banyak ${maxReviewLayers} lapis penilai`);
  layers.forEach((layer, index) => {
    if (!layerCodePattern.test(layer)) issues.push(`lapis ${index + 1}: hanya huruf kecil, angka dan _`);
    if (layer === unitLayer) issues.push(`lapis ${index + 1}: "${unitLayer}" adalah lapis unit sendiri`);
    if (layers.indexOf(layer) !== index) issues.push(`lapis ${layer} disebut lebih dari sekali`);
  });
  return issues;
}

/** The default proposal deadline: 31 May of the cycle year (the regulation's date unless a circular moves it). */
export const defaultProposalDeadline = (year: number): IsoDate => `${String(year).padStart(4, '0')}-05-31`;

export const tpnStages = ['pra_evaluasi', 'desk', 'lapangan'] as const;
export type TpnStage = (typeof tpnStages)[number];
export const tpnStageLabels: Readonly<Record<TpnStage, string>> = {
  pra_evaluasi: 'Pra-evaluasi',
  desk: 'Desk evaluasi',
  lapangan: 'Evaluasi lapangan',
};
export const tpnResults = ['lulus', 'lulus_dengan_catatan', 'tidak_lulus'] as const;
export type TpnResult = (typeof tpnResults)[number];
export const tpnResultLabels: Readonly<Record<TpnResult, string>> = {
  lulus: 'Lulus',
  lulus_dengan_catatan: 'Lulus dengan catatan',
  tidak_lulus: 'Tidak lulus',
};

export interface TpnRecord {
  result: TpnResult;
  /** `YYYY-MM-DD`. */
  date: IsoDate;
  note?: string;
  by: string;
}

/** One round of tindak lanjut: questions a layer sent back to the unit, with a deadline. */
export interface FollowUp {
  round: number;
  /** The review layer that asked, and resumes when the round closes. */
  layer: string;
  questionIds: string[];
  /** ISO instant. */
  due: string;
  note?: string;
  requestedBy: string;
  requestedAt: string;
  /** The task workflow that reminds and escalates toward `due`. */
  taskId?: string;
  closedAt?: string;
  /** approved: the TPI approved the unit's revision (the task); cancelled: the task was cancelled. */
  outcome?: 'approved' | 'cancelled';
}

export interface ProposalRecord {
  /** `YYYY-MM-DD`: proposals recorded after this day are refused, and the unit is closed as not proposed. */
  deadline: IsoDate;
  approvedBy?: string;
  approvedAt?: string;
  approvalNote?: string;
  /** The day the proposal went to KemenPAN-RB (PMPZI), `YYYY-MM-DD`. */
  submittedAt?: IsoDate;
  documents?: { coverLetter: string; sptjm: string; reviewedLke: string };
  recordedBy?: string;
  recordedAt?: string;
  /** The reminder task for Bagian Organisasi. */
  taskId?: string;
}

export interface PredikatRecord {
  predicate: Predicate | null;
  /** `YYYY-MM-DD`. */
  date: IsoDate;
  by: string;
  note?: string;
}

/** One accepted change, oldest first: the assessment's own trail (also written to the audit trail). */
export interface AssessmentEvent {
  type: AssessmentCommand['type'];
  by: string;
  at: string;
  from: AssessmentPhase;
  to: AssessmentPhase;
  layer?: string;
  note?: string;
}

export interface AssessmentProcess {
  phase: AssessmentPhase;
  /** `unit`, then the review layers. */
  layers: string[];
  /** The layer working now (`unit` during mandiri and tindak lanjut). */
  currentLayer: string;
  followUps: FollowUp[];
  /** Set when the final score is in: the predicate the unit may be proposed for, or null. */
  eligiblePredicate?: Predicate | null;
  proposal: ProposalRecord;
  tpn: Partial<Record<TpnStage, TpnRecord>>;
  predikat?: PredikatRecord;
  /** Why the assessment closed the way it did (not eligible, deadline passed, TPN not passed). */
  outcomeNote?: string;
  history: AssessmentEvent[];
}

export type LayerDecision = 'forward' | 'tindak_lanjut';

export type AssessmentCommand =
  | { type: 'submit'; actor: Actor; note?: string }
  | {
      type: 'complete_layer';
      actor: Actor;
      layer: string;
      decision: LayerDecision;
      questionIds?: string[];
      /** ISO instant of the tindak lanjut deadline. */
      due?: string;
      note?: string;
    }
  | { type: 'close_follow_up'; actor: Actor; round: number; outcome: 'approved' | 'cancelled' }
  | { type: 'finalize'; actor: Actor; eligiblePredicate: Predicate | null; note?: string }
  | { type: 'approve_proposal'; actor: Actor; note?: string }
  | {
      type: 'record_proposal';
      actor: Actor;
      submittedAt: IsoDate;
      documents: { coverLetter: string; sptjm: string; reviewedLke: string };
    }
  | { type: 'deadline_passed'; actor: Actor }
  | { type: 'record_tpn'; actor: Actor; stage: TpnStage; result: TpnResult; date: IsoDate; note?: string }
  | { type: 'record_predikat'; actor: Actor; predicate: Predicate | null; date: IsoDate; note?: string };

export type AssessmentDecision =
  { ok: true; state: AssessmentProcess; event: AssessmentEvent } | { ok: false; reason: string };

/** When a command is decided: the instant (ISO) and the instansi's calendar day it falls on. */
export interface DecisionTime {
  at: string;
  today: IsoDate;
}

/** The system acting on its own (deadlines, scores, task outcomes): never a person's role. */
export const systemActor: Actor & { name: string; email: string } = {
  personId: 'sistem',
  roles: ['admin_organisasi'],
  name: 'Sistem ZI',
  email: 'sistem@zi.local',
};

export const maxFollowUpRounds = 20;

export function newAssessmentProcess(init: { reviewLayers: readonly string[]; proposalDeadline: IsoDate }) {
  const issues = reviewLayerIssues(init.reviewLayers);
  if (issues.length > 0) throw new RangeError(`review layers: ${issues.join('; ')}`);
  if (!isIsoDate(init.proposalDeadline)) throw new RangeError(`proposal deadline: ${init.proposalDeadline}`);
  const state: AssessmentProcess = {
    phase: 'mandiri',
    layers: [unitLayer, ...init.reviewLayers],
    currentLayer: unitLayer,
    followUps: [],
    proposal: { deadline: init.proposalDeadline },
    tpn: {},
    history: [],
  };
  return state;
}

/** The open tindak lanjut round, if any. */
export const openFollowUp = (state: Pick<AssessmentProcess, 'followUps'>): FollowUp | undefined =>
  state.followUps.find((followUp) => followUp.closedAt === undefined);

/** The task key of a tindak lanjut round (`tugas:<cycle>:<unit>:tindak_lanjut_tpi_<round>`). */
export const followUpTaskKey = (round: number): string => `tindak_lanjut_tpi_${round}`;
/** The key of the reminder task for Bagian Organisasi while the proposal is due. */
export const proposalTaskKey = 'usulan_penilaian_lke';

/** The TPN stage to record next, or undefined when TPN is over (every stage passed, or one not passed). */
export function nextTpnStage(state: Pick<AssessmentProcess, 'tpn'>): TpnStage | undefined {
  for (const stage of tpnStages) {
    const record = state.tpn[stage];
    if (!record) return stage;
    if (record.result === 'tidak_lulus') return undefined;
  }
  return undefined;
}

/** TPN passed every stage: the unit waits for the predikat. */
export const awaitsPredikat = (state: Pick<AssessmentProcess, 'phase' | 'tpn'>): boolean =>
  state.phase === 'tpn' && state.tpn.lapangan !== undefined && state.tpn.lapangan.result !== 'tidak_lulus';

/**
 * Which layer's answers the API may write now, and for which questions: the unit during mandiri (every question)
 * and tindak lanjut (only the questions sent back), the current review layer during review; nobody otherwise.
 */
export function answerWindow(
  state: Pick<AssessmentProcess, 'phase' | 'currentLayer' | 'followUps'>,
): { layer: string; questionIds: 'all' | string[] } | undefined {
  switch (state.phase) {
    case 'mandiri':
      return { layer: unitLayer, questionIds: 'all' };
    case 'tindak_lanjut': {
      const open = openFollowUp(state);
      return open ? { layer: unitLayer, questionIds: open.questionIds } : undefined;
    }
    case 'review':
      return { layer: state.currentLayer, questionIds: 'all' };
    default:
      return undefined;
  }
}

/** The day a proposal deadline ends: proposals are accepted through the whole deadline day. */
export const dayAfterDeadline = (deadline: IsoDate): IsoDate => addCalendarDays(deadline, 1);

const roleLabel = {
  ketua_tim: 'ketua tim',
  penilai: 'TPI (penilai)',
  pimpinan: 'pimpinan unit',
  admin_organisasi: 'Bagian Organisasi',
} as const;
const needs = (actor: Actor, role: keyof typeof roleLabel): string | undefined =>
  actor.roles.includes(role) ? undefined : `Hanya ${roleLabel[role]} yang dapat melakukan ini`;

/** Decides a command against the state at `time`; never mutates `state`. */
export function decideAssessment(
  state: AssessmentProcess,
  command: AssessmentCommand,
  time: DecisionTime,
): AssessmentDecision {
  if (isClosedPhase(state.phase)) return refuse('Penilaian sudah selesai; tidak dapat diubah lagi');
  const { actor } = command;
  switch (command.type) {
    case 'submit': {
      if (state.phase !== 'mandiri') return refuse('Penilaian mandiri sudah dikirim');
      const denied = needs(actor, 'ketua_tim');
      if (denied) return refuse(denied);
      const first = state.layers[1]!;
      return accept(state, command, time, 'review', { currentLayer: first }, first);
    }
    case 'complete_layer':
      return completeLayer(state, command, time);
    case 'close_follow_up': {
      const open = openFollowUp(state);
      if (state.phase !== 'tindak_lanjut' || !open || open.round !== command.round) {
        return refuse(`Tindak lanjut putaran ${command.round} tidak sedang berjalan`);
      }
      const followUps = state.followUps.map((followUp) =>
        followUp.round === open.round ? { ...followUp, closedAt: time.at, outcome: command.outcome } : followUp,
      );
      return accept(state, command, time, 'review', { currentLayer: open.layer, followUps }, open.layer);
    }
    case 'finalize': {
      if (state.phase !== 'final') return refuse('Nilai akhir belum dapat ditetapkan');
      const eligible = command.eligiblePredicate;
      return accept(state, command, time, eligible ? 'usulan' : 'tidak_diusulkan', {
        eligiblePredicate: eligible,
        ...(eligible ? {} : { outcomeNote: command.note ?? 'Nilai akhir TPI belum memenuhi syarat predikat WBK' }),
      });
    }
    case 'approve_proposal': {
      if (state.phase !== 'usulan') return refuse('Unit tidak sedang menunggu persetujuan usulan');
      const denied = needs(actor, 'pimpinan');
      if (denied) return refuse(denied);
      if (state.proposal.approvedBy) return refuse('Usulan sudah disetujui pimpinan unit');
      return accept(state, command, time, 'usulan', {
        proposal: {
          ...state.proposal,
          approvedBy: actor.personId,
          approvedAt: time.at,
          ...(command.note ? { approvalNote: command.note } : {}),
        },
      });
    }
    case 'record_proposal': {
      if (state.phase !== 'usulan') return refuse('Unit tidak sedang menunggu pencatatan usulan');
      const denied = needs(actor, 'admin_organisasi');
      if (denied) return refuse(denied);
      if (!state.proposal.approvedBy) return refuse('Usulan belum disetujui pimpinan unit');
      const { deadline } = state.proposal;
      if (time.today > deadline) return refuse(`Batas waktu usulan ${deadline} sudah lewat`);
      if (!isIsoDate(command.submittedAt)) return refuse('Tanggal pengiriman usulan tidak valid');
      if (command.submittedAt > deadline) {
        return refuse(`Tanggal pengiriman ${command.submittedAt} melewati batas waktu usulan ${deadline}`);
      }
      if (command.submittedAt > time.today) return refuse('Tanggal pengiriman usulan tidak boleh di masa depan');
      const { coverLetter, sptjm, reviewedLke } = command.documents;
      if (![coverLetter, sptjm, reviewedLke].every((document) => document.trim() !== '')) {
        return refuse('Surat pengantar, SPTJM dan LKE hasil evaluasi TPI wajib dilampirkan');
      }
      return accept(state, command, time, 'diusulkan', {
        proposal: {
          ...state.proposal,
          submittedAt: command.submittedAt,
          documents: { coverLetter, sptjm, reviewedLke },
          recordedBy: actor.personId,
          recordedAt: time.at,
        },
      });
    }
    case 'deadline_passed': {
      if (state.phase !== 'usulan') return refuse('Unit tidak sedang menunggu usulan');
      const why = state.proposal.approvedBy ? '' : '; usulan juga belum disetujui pimpinan unit';
      return accept(state, command, time, 'tidak_diusulkan', {
        outcomeNote: `Batas waktu usulan ${state.proposal.deadline} terlewati tanpa usulan tercatat${why}`,
      });
    }
    case 'record_tpn':
      return recordTpn(state, command, time);
    case 'record_predikat': {
      const denied = needs(actor, 'admin_organisasi');
      if (denied) return refuse(denied);
      if (!awaitsPredikat(state)) return refuse('Predikat dicatat setelah hasil evaluasi lapangan TPN dicatat lulus');
      if (!isIsoDate(command.date)) return refuse('Tanggal penetapan predikat tidak valid');
      if (command.date < state.tpn.lapangan!.date) {
        return refuse(`Tanggal penetapan predikat tidak boleh sebelum evaluasi lapangan (${state.tpn.lapangan!.date})`);
      }
      if (command.predicate === 'WBBM' && state.eligiblePredicate !== 'WBBM') {
        return refuse(`Unit diusulkan untuk ${state.eligiblePredicate ?? 'WBK'}; predikat WBBM tidak dapat dicatat`);
      }
      return accept(state, command, time, 'selesai', {
        predikat: {
          predicate: command.predicate,
          date: command.date,
          by: actor.personId,
          ...(command.note ? { note: command.note } : {}),
        },
      });
    }
  }
}

function completeLayer(
  state: AssessmentProcess,
  command: Extract<AssessmentCommand, { type: 'complete_layer' }>,
  time: DecisionTime,
): AssessmentDecision {
  if (state.phase !== 'review') return refuse('Penilaian tidak sedang dievaluasi TPI');
  if (command.layer !== state.currentLayer) {
    return refuse(
      `Lapis yang sedang menilai adalah ${layerLabel(state.currentLayer)}, bukan ${layerLabel(command.layer)}`,
    );
  }
  const denied = needs(command.actor, 'penilai');
  if (denied) return refuse(denied);
  if (command.decision === 'forward') {
    const next = state.layers[state.layers.indexOf(command.layer) + 1];
    return next
      ? accept(state, command, time, 'review', { currentLayer: next }, command.layer)
      : accept(state, command, time, 'final', {}, command.layer);
  }
  const questionIds = command.questionIds ?? [];
  if (questionIds.length === 0) return refuse('Pilih pertanyaan yang perlu ditindaklanjuti unit');
  if (new Set(questionIds).size !== questionIds.length) return refuse('Pertanyaan tindak lanjut tidak boleh berulang');
  if (!command.note?.trim()) return refuse('Catatan tindak lanjut wajib diisi');
  if (!command.due || Number.isNaN(Date.parse(command.due))) return refuse('Tenggat tindak lanjut tidak valid');
  if (Date.parse(command.due) <= Date.parse(time.at)) return refuse('Tenggat tindak lanjut harus setelah saat ini');
  const round = state.followUps.length + 1;
  if (round > maxFollowUpRounds) return refuse(`Tindak lanjut paling banyak ${maxFollowUpRounds} putaran`);
  const followUp: FollowUp = {
    round,
    layer: command.layer,
    questionIds: [...questionIds],
    due: command.due,
    note: command.note.trim(),
    requestedBy: command.actor.personId,
    requestedAt: time.at,
  };
  return accept(
    state,
    command,
    time,
    'tindak_lanjut',
    { currentLayer: unitLayer, followUps: [...state.followUps, followUp] },
    command.layer,
  );
}

function recordTpn(
  state: AssessmentProcess,
  command: Extract<AssessmentCommand, { type: 'record_tpn' }>,
  time: DecisionTime,
): AssessmentDecision {
  if (state.phase !== 'diusulkan' && state.phase !== 'tpn') return refuse('Unit belum diusulkan ke KemenPAN-RB');
  const denied = needs(command.actor, 'admin_organisasi');
  if (denied) return refuse(denied);
  const expected = nextTpnStage(state);
  if (!expected) return refuse('Seluruh tahap evaluasi TPN sudah dicatat');
  if (command.stage !== expected) {
    return state.tpn[command.stage]
      ? refuse(`${tpnStageLabels[command.stage]} sudah dicatat`)
      : refuse(`${tpnStageLabels[expected]} harus dicatat lebih dahulu`);
  }
  if (!isIsoDate(command.date)) return refuse('Tanggal hasil TPN tidak valid');
  if (command.date > time.today) return refuse('Tanggal hasil TPN tidak boleh di masa depan');
  const previous = tpnStages
    .map((stage) => state.tpn[stage])
    .filter((record): record is TpnRecord => record !== undefined)
    .at(-1);
  const earliest = previous?.date ?? state.proposal.submittedAt;
  if (earliest && command.date < earliest) {
    return refuse(`Tanggal ${tpnStageLabels[command.stage]} tidak boleh sebelum ${earliest}`);
  }
  const record: TpnRecord = {
    result: command.result,
    date: command.date,
    by: command.actor.personId,
    ...(command.note?.trim() ? { note: command.note.trim() } : {}),
  };
  const failed = command.result === 'tidak_lulus';
  return accept(state, command, time, failed ? 'selesai' : 'tpn', {
    tpn: { ...state.tpn, [command.stage]: record },
    ...(failed ? { outcomeNote: `${tpnStageLabels[command.stage]} TPN: tidak lulus` } : {}),
  });
}

function refuse(reason: string): AssessmentDecision {
  return { ok: false, reason };
}

function accept(
  state: AssessmentProcess,
  command: AssessmentCommand,
  time: DecisionTime,
  to: AssessmentPhase,
  changes: Partial<AssessmentProcess> = {},
  layer?: string,
): AssessmentDecision {
  const note = eventNote(command);
  const event: AssessmentEvent = {
    type: command.type,
    by: command.actor.personId,
    at: time.at,
    from: state.phase,
    to,
    ...(layer ? { layer } : {}),
    ...(note ? { note } : {}),
  };
  return { ok: true, event, state: { ...state, ...changes, phase: to, history: [...state.history, event] } };
}

/** What the trail says about a change beyond its phases. */
function eventNote(command: AssessmentCommand): string | undefined {
  switch (command.type) {
    case 'complete_layer':
      return command.decision === 'forward'
        ? command.note
        : `tindak lanjut: ${(command.questionIds ?? []).join(', ')}${command.note ? ` — ${command.note}` : ''}`;
    case 'close_follow_up':
      return `putaran ${command.round}: ${command.outcome === 'approved' ? 'disetujui TPI' : 'tugas dibatalkan'}`;
    case 'finalize':
      return `predikat yang dapat diusulkan: ${command.eligiblePredicate ?? 'belum ada'}`;
    case 'record_proposal':
      return `dikirim ${command.submittedAt}`;
    case 'record_tpn':
      return `${tpnStageLabels[command.stage]}: ${tpnResultLabels[command.result]} (${command.date})${
        command.note ? ` — ${command.note}` : ''
      }`;
    case 'record_predikat':
      return `predikat ${command.predicate ?? 'tidak ada'} (${command.date})${command.note ? ` — ${command.note}` : ''}`;
    case 'submit':
    case 'approve_proposal':
      return command.note;
    case 'deadline_passed':
      return undefined;
  }
}

/**
 * When Bagian Organisasi's reminder task for the proposal is due: early enough before the deadline that the policy's
 * escalations (sent after a due date: ketua tim, pimpinan, Bagian Organisasi) all fall on or before the deadline day,
 * so a slipping proposal is escalated while it can still be made. End of the office day, on a working day.
 */
export function proposalTaskDue(
  deadline: IsoDate,
  policy: Pick<ReminderPolicy, 'escalations'>,
  calendar: Pick<WorkingCalendar, 'isWorkingDay' | 'addWorkingDays' | 'atLocalTime'>,
  at: LocalTime = '16:00',
): Date {
  const lead = Math.max(0, ...policy.escalations.map((step) => step.workingDaysAfterDue));
  // A deadline on a day off ends, in practice, on the working day before it.
  const lastWorkingDay = calendar.isWorkingDay(deadline) ? deadline : calendar.addWorkingDays(deadline, -1);
  return calendar.atLocalTime(calendar.addWorkingDays(lastWorkingDay, -lead), at);
}
