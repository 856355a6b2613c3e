/** The shapes the UI reads from /api/v1 (see /api/openapi.json); only the fields the screens use. */
import type { AnswerProgress } from '../../../domain/assessment-answers';
import type { AssessmentPhase, FollowUp, TpnResult, TpnStage } from '../../../domain/assessment-process';
import type { CycleProgress, ProgressTally } from '../../../domain/cycle-progress';
import type { AssessmentResult, LkeAnswer } from '../../../domain/lke/assessment-types';
import type { LkeTemplate, Predicate } from '../../../domain/lke/types';
import type { RoleCode } from '../../../domain/roles';
import type { StageCode } from '../../../domain/stages';
import type { TaskStatus } from '../../../domain/task';

export type Zone = 'WIB' | 'WITA' | 'WIT';

export interface Grant {
  role: RoleCode;
  unitCode?: string;
}

export interface Me {
  person: { id: string; name: string; email: string };
  grants: Grant[];
  instansiRoles: RoleCode[];
  unitRoles: Record<string, RoleCode[]>;
}

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  me: Me;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface TaskEvent {
  type: string;
  by: string;
  at: string;
  from: TaskStatus;
  to: TaskStatus;
  note?: string;
}

export interface EvidenceRef {
  document: string;
  ref: string;
}

export interface TaskSummary {
  id: string;
  cycleId: string;
  unitCode: string;
  templateKey: string;
  title: string;
  stage: StageCode;
  area?: string;
  status: TaskStatus;
  statusLabel: string;
  assigneeRole: RoleCode;
  reviewerRole: RoleCode;
  assignees: string[];
  claimedBy?: string;
  due: string | null;
  overdue: boolean;
  escalationLevel: number;
  evidence: EvidenceRef[];
  onBehalfOf?: string;
}

export interface EvidenceFile {
  fileId: string;
  ref: string;
  name: string;
  size: number;
  uploadedAt?: string;
  document?: string;
  uploadedBy?: string;
}

export interface TeamMember {
  name: string;
  email: string;
  role: 'ketua_tim' | 'anggota_tim';
}

export interface TeamSubmission {
  members: TeamMember[];
  coordinators: Record<string, string>;
}

export interface TaskComment {
  id: string;
  by: string;
  byName: string;
  text: string;
  createdAt: string;
}

export interface TaskDetail extends TaskSummary {
  /** The template's text; a carried-recommendation task lists its recommendations here, one per line. */
  description?: string;
  lastSubmittedBy?: string;
  evidenceRequired?: boolean;
  requiredDocuments?: string[];
  team?: TeamSubmission;
  history: TaskEvent[];
  comments: TaskComment[];
  files: EvidenceFile[];
}

export interface StageWindow {
  opens: string;
  due: string;
}

export interface CycleStage {
  window: StageWindow;
  status: 'scheduled' | 'open' | 'closed';
  lateUnits: string[];
}

/** Task counts as the API sums them (domain/cycle-progress.ts). */
export type Tally = ProgressTally;
export type { CycleProgress };

export interface Cycle {
  id: string;
  name: string;
  year: number;
  status: 'launching' | 'launched' | 'cancelled' | 'completed';
  units: { code: string; name: string; status?: string; stage?: string }[];
  launchedBy: { name: string; email: string };
  stages?: Record<StageCode, CycleStage>;
  createdAt?: string;
  progress?: CycleProgress;
}

/** A row of GET /cycles/:id/tasks (the read model). */
export interface CycleTask {
  id: string;
  unitCode: string;
  templateKey: string;
  title: string;
  stage: StageCode;
  area?: string;
  status: TaskStatus;
  due?: string | null;
  overdue?: boolean;
  escalationLevel?: number;
}

/** One monev period's verdict (GET /cycles/:id/monev), limited to the units the reader may see. */
export interface MonevReview {
  periodKey: string;
  label: string;
  at: string;
  expectedShare: number;
  units: { unitCode: string; unitName: string; planned: number; approved: number }[];
  lagging: { unitCode: string; unitName: string; share: number; expected: number; shortfall: number }[];
}

export interface PreviewTask {
  key: string;
  title: string;
  required: boolean;
  assigneeRole: RoleCode;
  due: string;
}

export interface LaunchPreview {
  stages: { stage: StageCode; window: StageWindow; tasks: PreviewTask[] }[];
  tasksPerUnit: number;
  totalTasks: number;
  firstEmails: number;
  /** Tasks for recommendations carried from an earlier cycle, over all units (absent or 0 when none). */
  carriedTasks?: number;
}

export interface Unit {
  code: string;
  name: string;
  zone: Zone;
  headEmail?: string;
  parentCode?: string;
}

export interface Person {
  id: string;
  email: string;
  name: string;
  status: 'invited' | 'active' | 'deactivated';
  grants: Grant[];
}

export interface Notification {
  id: string;
  template: string;
  /** The cycle the email belongs to, when it belongs to one. */
  cycleId?: string;
  to: string;
  subject: string;
  status: 'pending' | 'sending' | 'sent' | 'retrying' | 'failed';
  attempts: number;
  lastError?: string;
  possibleDuplicate: boolean;
  sentAt?: string;
  resentAs: string[];
  resendOf?: string;
  createdAt?: string;
}

export interface Substitution {
  id: string;
  personId: string;
  personName: string;
  substitute: { personId: string; name: string };
  from: string;
  to: string;
  active: boolean;
  createdBy: string;
}

// ---- Penilaian and penghargaan ----

export type {
  AssessmentResult,
  LkeAnswer,
  LkeTemplate,
  Predicate,
  AnswerProgress,
  AssessmentPhase,
  TpnResult,
  TpnStage,
};

/** One layer's answer to one question as the read model keeps it. */
export interface StoredAnswer {
  answer: LkeAnswer | null;
  note?: string;
  by: string;
  at: string;
}

/** The API sends the domain's record as is. */
export type AssessmentFollowUp = FollowUp;

export interface AssessmentEvent {
  type: string;
  by: string;
  at: string;
  from: AssessmentPhase;
  to: AssessmentPhase;
  layer?: string;
  note?: string;
}

/** A row of GET /assessments?cycle=…. */
export interface AssessmentSummary {
  id: string;
  cycleId: string;
  unitCode: string;
  unitName: string;
  phase: AssessmentPhase;
  phaseLabel: string;
  currentLayer: string;
  score: number | null;
  eligiblePredicate: Predicate | null;
  failures: string[];
  proposalApproved: boolean;
  proposalDeadline: string | null;
  submittedAt: string | null;
  predikat: Predicate | null;
  outcomeNote: string | null;
  updatedAt?: string;
}

/** GET /assessments/:cycleId/:unitCode. */
export interface AssessmentDetail extends Omit<AssessmentSummary, 'predikat'> {
  cycleName: string | null;
  templateId: string;
  templateVersion: string;
  layers: string[];
  layerLabels: Record<string, string>;
  /** Which layer may write answers now, and to which questions. */
  answerWindow: { layer: string; questionIds: 'all' | string[] } | null;
  progress: AnswerProgress;
  preview: { layer: string; result: AssessmentResult };
  answers: Record<string, Record<string, StoredAnswer> | undefined>;
  evidence: Record<string, Record<string, string[]> | undefined>;
  followUps: AssessmentFollowUp[];
  result: AssessmentResult | null;
  proposal: {
    deadline: string;
    approvedBy?: string;
    approvedAt?: string;
    approvalNote?: string;
    submittedAt?: string;
    documents?: { coverLetter: string; sptjm: string; reviewedLke: string };
    recordedBy?: string;
    recordedAt?: string;
    taskId?: string;
  } | null;
  tpn: Partial<Record<TpnStage, { result: TpnResult; date: string; note?: string; by: string }>>;
  nextTpnStage: TpnStage | null;
  awaitingPredikat: boolean;
  predikat: { predicate: Predicate | null; date: string; by: string; note?: string } | null;
  history: AssessmentEvent[];
}

/** PUT …/answers/:questionId answers with this. */
export interface AnswerSaved {
  questionId: string;
  layer: string;
  value: number;
  status: string;
  missingDocuments?: string[];
}

export interface AssessmentFile {
  fileId: string;
  ref: string;
  name: string;
  size: number;
}

/** A row of GET /assessments/:cycleId/:unitCode/files: a file uploaded to the assessment, oldest first. */
export interface StoredAssessmentFile extends AssessmentFile {
  uploadedAt: string;
  document: string;
  uploadedBy: string;
  contentType: string;
}

export interface LkeTemplateSummary {
  id: string;
  name: string;
  year: number;
  version: string;
  builtIn: boolean;
  publishedBy?: string;
  publishedAt?: string;
  usedBy: string[];
}

export interface LkeTemplateView extends LkeTemplateSummary {
  template: LkeTemplate;
}

export interface PredicateHistory {
  unitCode: string;
  current: Predicate | null;
  revokedAt: string | null;
  proposableFrom: string | null;
  proposalBarred: boolean;
}

export interface CarriedRecommendations {
  cycleId: string;
  units: {
    unitCode: string;
    unitName: string;
    target: Predicate;
    assessed: boolean;
    items: { source: 'syarat' | 'tpi' | 'tpn'; code: string; text: string; questionId?: string; layer?: string }[];
  }[];
}
