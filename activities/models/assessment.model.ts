import { Schema, type Connection, type Model } from 'mongoose';
import type { AssessmentResult, LkeAnswer } from '../../domain/lke/assessment-types';
import type { Predicate } from '../../domain/lke/types';

/**
 * The penilaian of one unit in one cycle: the LKE answers of every layer (the unit's own penilaian mandiri, then
 * each TPI layer), the process phase, the final score, the proposal, TPN results and the predikat. The assessment
 * workflow (`penilaian:<cycleId>:<unitCode>`) owns the phase; answers are written by the API while the phase allows.
 */
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

/** The unit's own layer first, then the TPI layers in order (configurable per cycle; this is the default). */
export const defaultReviewLayers = ['tpi_anggota', 'tpi_ketua', 'pengendali_teknis'] as const;
export const unitLayer = 'unit';

export interface LayerAnswer {
  answer: LkeAnswer | null;
  note?: string;
  by: string;
  at: Date;
}

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
  followUps: { round: number; layer: string; questionIds: string[]; due: Date; note?: string; closedAt?: Date }[];
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
  };
  tpn?: Partial<
    Record<
      'pra_evaluasi' | 'desk' | 'lapangan',
      { result: 'lulus' | 'lulus_dengan_catatan' | 'tidak_lulus'; date: string; note?: string; by: string }
    >
  >;
  predikat?: { predicate: Predicate | null; date: string; by: string };
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
  createdAt: Date;
  updatedAt: Date;
}

const unitPredicateSchema = new Schema<UnitPredicateDocument>(
  {
    _id: { type: String, required: true },
    current: { type: Schema.Types.Mixed, default: null },
    awards: { type: Schema.Types.Mixed, default: [] },
    revocations: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'unit_predicates', timestamps: true, versionKey: false, minimize: false },
);

export type UnitPredicateModel = Model<UnitPredicateDocument>;

export const unitPredicateModel = (connection: Connection): UnitPredicateModel =>
  connection.models.UnitPredicate ?? connection.model<UnitPredicateDocument>('UnitPredicate', unitPredicateSchema);
