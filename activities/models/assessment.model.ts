import { Schema, type Connection, type Model } from 'mongoose';
import type { AssessmentResult, LkeAnswer } from '../../domain/lke/assessment-types';
import type { Predicate } from '../../domain/lke/types';
import { assessmentPhases, type AssessmentEvent, type AssessmentPhase } from '../../domain/assessment-process';

// The phases and layers are the penilaian workflow's rules (domain/assessment-process.ts), re-exported for readers.
export {
  assessmentPhases,
  defaultReviewLayers,
  unitLayer,
  type AssessmentPhase,
} from '../../domain/assessment-process';

export interface LayerAnswer {
  answer: LkeAnswer | null;
  note?: string;
  by: string;
  at: Date;
}

/**
 * The penilaian of one unit in one cycle: the LKE answers of every layer (the unit's own penilaian mandiri, then
 * each TPI layer), the process phase, the final score, the proposal, TPN results and the predikat. The assessment
 * workflow (`penilaian:<cycleId>:<unitCode>`) owns the phase; answers are written by the API while the phase allows.
 */
export interface AssessmentDocument {
  /** `<cycleId>:<unitCode>`. */
  _id: string;
  cycleId: string;
  unitCode: string;
  templateId: string;
  phase: AssessmentPhase;
  /** Layer codes in order: `unit`, then the review layers. */
  layers: string[];
  /** The layer working now (`unit` during mandiri and tindak lanjut). */
  currentLayer: string;
  /** layer → questionId → answer (question ids are `[a-z0-9_]+`, safe as keys). */
  answers: Record<string, Record<string, LayerAnswer>>;
  /** questionId → required document → evidence refs (`file:<id>` or https links). */
  evidence: Record<string, Record<string, string[]>>;
  /** Questions sent back for tindak lanjut, by round. */
  followUps: {
    round: number;
    layer: string;
    questionIds: string[];
    due: Date;
    note?: string;
    closedAt?: Date;
    /** Who sent the questions back, and when. */
    requestedBy?: string;
    requestedAt?: Date;
    /** The task (`tugas:<cycle>:<unit>:tindak_lanjut_tpi_<round>`) that reminds and escalates toward `due`. */
    taskId?: string;
    outcome?: 'approved' | 'cancelled';
  }[];
  /** The score of the last layer's answers once final (and previews as layers finish). */
  result?: AssessmentResult;
  eligiblePredicate?: Predicate | null;
  proposal?: {
    approvedBy?: string;
    approvedAt?: Date;
    deadline: string;
    submittedAt?: string;
    documents?: { coverLetter: string; sptjm: string; reviewedLke: string };
    recordedBy?: string;
    approvalNote?: string;
    recordedAt?: Date;
    /** The reminder task for Bagian Organisasi while the proposal is due. */
    taskId?: string;
  };
  tpn?: Partial<
    Record<
      'pra_evaluasi' | 'desk' | 'lapangan',
      { result: 'lulus' | 'lulus_dengan_catatan' | 'tidak_lulus'; date: string; note?: string; by: string }
    >
  >;
  predikat?: { predicate: Predicate | null; date: string; by: string; note?: string };
  /** For listings without a second lookup. */
  cycleName?: string;
  unitName?: string;
  templateVersion?: string;
  /** Why the assessment closed as it did: not eligible, deadline passed, a TPN stage not passed. */
  outcomeNote?: string;
  /** Every accepted change of the process, oldest first (also in the audit trail). */
  history?: (Omit<AssessmentEvent, 'at'> & { at: Date })[];
  seq: number;
  createdAt: Date;
  updatedAt: Date;
}

const assessmentSchema = new Schema<AssessmentDocument>(
  {
    _id: { type: String, required: true },
    cycleId: { type: String, required: true, index: true },
    unitCode: { type: String, required: true, index: true },
    templateId: { type: String, required: true },
    phase: { type: String, enum: assessmentPhases, required: true },
    layers: { type: [String], required: true },
    currentLayer: { type: String, required: true },
    answers: { type: Schema.Types.Mixed, default: {} },
    evidence: { type: Schema.Types.Mixed, default: {} },
    followUps: { type: Schema.Types.Mixed, default: [] },
    result: Schema.Types.Mixed,
    eligiblePredicate: Schema.Types.Mixed,
    proposal: Schema.Types.Mixed,
    tpn: Schema.Types.Mixed,
    predikat: Schema.Types.Mixed,
    cycleName: String,
    unitName: String,
    templateVersion: String,
    outcomeNote: String,
    history: { type: Schema.Types.Mixed, default: [] },
    seq: { type: Number, required: true },
  },
  { collection: 'assessments', timestamps: true, versionKey: false, minimize: false },
);

export type AssessmentModel = Model<AssessmentDocument>;

export const assessmentModel = (connection: Connection): AssessmentModel =>
  connection.models.Assessment ?? connection.model<AssessmentDocument>('Assessment', assessmentSchema);

/**
 * A unit's predicate history across cycles: what it holds now, and when one was revoked (a revoked unit cannot be
 * proposed again for 2 years). `_id` = unit code.
 */
export interface UnitPredicateDocument {
  _id: string;
  /** The predicate held now (WBBM implies WBK), or null. */
  current: Predicate | null;
  awards: { predicate: Predicate; cycleId: string; date: string }[];
  revocations: { predicate: Predicate; date: string; reason: string; by: string }[];
  /** Bumped on every change: writers compare and set (no transactions), so two changes never lose one another. */
  seq?: number;
  createdAt: Date;
  updatedAt: Date;
}

const unitPredicateSchema = new Schema<UnitPredicateDocument>(
  {
    _id: { type: String, required: true },
    current: { type: Schema.Types.Mixed, default: null },
    awards: { type: Schema.Types.Mixed, default: [] },
    revocations: { type: Schema.Types.Mixed, default: [] },
    seq: Number,
  },
  { collection: 'unit_predicates', timestamps: true, versionKey: false, minimize: false },
);

export type UnitPredicateModel = Model<UnitPredicateDocument>;

export const unitPredicateModel = (connection: Connection): UnitPredicateModel =>
  connection.models.UnitPredicate ?? connection.model<UnitPredicateDocument>('UnitPredicate', unitPredicateSchema);
