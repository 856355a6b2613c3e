/**
 * The human task (tugas) as a pure state machine: `open → claimed → submitted → approved`, or
 * `submitted → revision_requested → submitted …`, and `cancelled`. The task workflow validates every update with
 * `decideTask` (so a refused command is rejected before it is recorded) and applies the state it returns, so the
 * rules live here once, testable without a server. Refusal reasons are shown to people: Bahasa Indonesia.
 */
import type { RoleCode } from './roles';
import { validateTeam, type TeamSubmission } from './team';

export const taskStatuses = ['open', 'claimed', 'submitted', 'revision_requested', 'approved', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskStatusLabels: Readonly<Record<TaskStatus, string>> = {
  open: 'Belum diambil',
  claimed: 'Sedang dikerjakan',
  submitted: 'Menunggu reviu',
  revision_requested: 'Perlu perbaikan',
  approved: 'Disetujui',
  cancelled: 'Dibatalkan',
};

const terminalStatuses: readonly TaskStatus[] = ['approved', 'cancelled'];
export const isTerminal = (status: TaskStatus): boolean => terminalStatuses.includes(status);

/** Who acts, with the roles they hold in the task's unit (grants are scoped per unit). */
export interface Actor {
  personId: string;
  roles: readonly RoleCode[];
}

/** One uploaded or linked piece of data dukung, for one required document. */
export interface EvidenceRef {
  document: string;
  /** A link or a stored file id. */
  ref: string;
}

export interface TaskState {
  status: TaskStatus;
  assigneeRole: RoleCode;
  reviewerRole: RoleCode;
  /** People the task is assigned to; empty means anyone holding `assigneeRole` in the unit. */
  assignees: string[];
  claimedBy?: string;
  evidenceRequired: boolean;
  requiredDocuments: string[];
  /** ISO instant. */
  due: string;
  evidence: EvidenceRef[];
  lastSubmittedBy?: string;
  /** Whether a submission must carry the unit's Tim Kerja (the team task of pembentukan tim). */
  collectsTeam: boolean;
  /** The team proposed with the last submission; it takes effect when the task is approved. */
  team?: TeamSubmission;
  /** Every accepted command, oldest first: the task's audit trail. */
  history: TaskEvent[];
}

export type TaskCommand =
  | { type: 'claim'; actor: Actor }
  | { type: 'submit'; actor: Actor; evidence: EvidenceRef[]; note?: string; team?: TeamSubmission }
  | { type: 'review'; actor: Actor; decision: 'approve' | 'request_revision'; note?: string }
  | { type: 'reassign'; actor: Actor; to: string; reason?: string }
  | { type: 'extend_due'; actor: Actor; due: string; reason: string }
  | { type: 'cancel'; actor: Actor; reason: string };

export interface TaskEvent {
  type: TaskCommand['type'];
  by: string;
  at: string;
  from: TaskStatus;
  to: TaskStatus;
  note?: string;
}

export type TaskDecision = { ok: true; state: TaskState; event: TaskEvent } | { ok: false; reason: string };

/** Roles that steer a unit's tasks: move them between people and dates. */
const steeringRoles: readonly RoleCode[] = ['ketua_tim', 'admin_organisasi'];

export function newTaskState(init: {
  assigneeRole: RoleCode;
  reviewerRole: RoleCode;
  assignees?: string[];
  evidenceRequired: boolean;
  requiredDocuments: readonly string[];
  due: string;
  collectsTeam?: boolean;
}): TaskState {
  return {
    status: 'open',
    assigneeRole: init.assigneeRole,
    reviewerRole: init.reviewerRole,
    assignees: [...(init.assignees ?? [])],
    evidenceRequired: init.evidenceRequired,
    requiredDocuments: [...init.requiredDocuments],
    due: init.due,
    collectsTeam: init.collectsTeam ?? false,
    evidence: [],
    history: [],
  };
}

/** Decides a command against the current state at instant `at` (ISO); never mutates `state`. */
export function decideTask(state: TaskState, command: TaskCommand, at: string): TaskDecision {
  if (isTerminal(state.status)) {
    return refuse(`Tugas sudah ${state.status === 'approved' ? 'disetujui' : 'dibatalkan'}; tidak dapat diubah lagi`);
  }
  const { actor } = command;
  switch (command.type) {
    case 'claim': {
      if (state.status !== 'open') return refuse('Tugas sudah diambil oleh orang lain');
      if (!isEligibleAssignee(state, actor)) return refuse('Anda bukan penanggung jawab tugas ini');
      return accept(state, command, at, 'claimed', { claimedBy: actor.personId });
    }
    case 'submit': {
      if (state.status === 'submitted') return refuse('Tugas sudah dikirim dan menunggu reviu');
      if (!isSubmitter(state, actor)) return refuse('Hanya penanggung jawab tugas yang dapat mengirim');
      const missing = missingDocuments(state, command.evidence);
      if (missing.length > 0) return refuse(`Data dukung belum lengkap: ${missing.join(', ')}`);
      if (state.collectsTeam) {
        const issues = validateTeam(command.team as TeamSubmission);
        if (issues.length > 0) {
          const shown = issues
            .slice(0, 3)
            .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
          return refuse(`Susunan tim belum valid: ${shown.join('; ')}${issues.length > 3 ? '; …' : ''}`);
        }
      }
      return accept(state, command, at, 'submitted', {
        ...(state.collectsTeam ? { team: command.team } : {}),
        claimedBy: actor.personId,
        evidence: command.evidence.map((e) => ({ ...e })),
        lastSubmittedBy: actor.personId,
      });
    }
    case 'review': {
      if (state.status !== 'submitted') return refuse('Tugas belum dikirim untuk direviu');
      if (!actor.roles.includes(state.reviewerRole)) return refuse('Anda tidak berwenang mereviu tugas ini');
      // Four eyes: whoever submitted cannot approve their own work, even when they also hold the reviewer role.
      if (actor.personId === state.lastSubmittedBy) return refuse('Pengirim tidak dapat mereviu kirimannya sendiri');
      if (command.decision === 'request_revision' && !command.note?.trim()) {
        return refuse('Permintaan perbaikan wajib disertai catatan');
      }
      return accept(state, command, at, command.decision === 'approve' ? 'approved' : 'revision_requested');
    }
    case 'reassign': {
      if (!actor.roles.some((role) => steeringRoles.includes(role))) {
        return refuse('Hanya ketua tim atau Bagian Organisasi yang dapat mengalihkan tugas');
      }
      if (!command.to.trim()) return refuse('Penerima pengalihan wajib diisi');
      // A claim belongs to a person: moving the task releases it, unless the work is already waiting for review.
      const status = state.status === 'claimed' ? 'open' : state.status;
      return accept(state, command, at, status, { assignees: [command.to], claimedBy: undefined });
    }
    case 'extend_due': {
      if (!actor.roles.some((role) => steeringRoles.includes(role))) {
        return refuse('Hanya ketua tim atau Bagian Organisasi yang dapat memperpanjang tenggat');
      }
      if (!command.reason.trim()) return refuse('Alasan perpanjangan wajib diisi');
      if (Number.isNaN(Date.parse(command.due))) return refuse('Tenggat baru tidak valid');
      if (Date.parse(command.due) <= Date.parse(state.due))
        return refuse('Tenggat baru harus setelah tenggat saat ini');
      return accept(state, command, at, state.status, { due: command.due });
    }
    case 'cancel': {
      if (!actor.roles.includes('admin_organisasi'))
        return refuse('Hanya Bagian Organisasi yang dapat membatalkan tugas');
      if (!command.reason.trim()) return refuse('Alasan pembatalan wajib diisi');
      return accept(state, command, at, 'cancelled');
    }
  }
}

/** Overdue: still open to work and past its due instant. */
export function isOverdue(state: Pick<TaskState, 'status' | 'due'>, now: string): boolean {
  return !isTerminal(state.status) && Date.parse(now) > Date.parse(state.due);
}

/** Required documents with no evidence among `evidence`; none when evidence is not required. */
export function missingDocuments(
  state: Pick<TaskState, 'evidenceRequired' | 'requiredDocuments'>,
  evidence: readonly EvidenceRef[],
): string[] {
  if (!state.evidenceRequired) return [];
  const provided = new Set(evidence.filter((e) => e.ref.trim() !== '').map((e) => e.document));
  return state.requiredDocuments.filter((document) => !provided.has(document));
}

/**
 * Whether the actor is the one who submits the task (status aside): whoever claimed it, or, while nobody has, an
 * eligible assignee. The API asks it too, so only that person uploads the task's files.
 */
export function isSubmitter(state: Pick<TaskState, 'claimedBy' | 'assignees' | 'assigneeRole'>, actor: Actor): boolean {
  return state.claimedBy !== undefined ? state.claimedBy === actor.personId : isEligibleAssignee(state, actor);
}

function isEligibleAssignee(state: Pick<TaskState, 'assignees' | 'assigneeRole'>, actor: Actor): boolean {
  return state.assignees.length > 0
    ? state.assignees.includes(actor.personId)
    : actor.roles.includes(state.assigneeRole);
}

function refuse(reason: string): TaskDecision {
  return { ok: false, reason };
}

function accept(
  state: TaskState,
  command: TaskCommand,
  at: string,
  to: TaskStatus,
  changes: Partial<TaskState> = {},
): TaskDecision {
  const note = 'note' in command ? command.note : 'reason' in command ? command.reason : undefined;
  const event: TaskEvent = {
    type: command.type,
    by: command.actor.personId,
    at,
    from: state.status,
    to,
    ...(note ? { note } : {}),
  };
  return { ok: true, event, state: { ...state, ...changes, status: to, history: [...state.history, event] } };
}
