import { z } from 'zod';
import { assessmentPhases, layerCodePattern, tpnResults, tpnStages } from '../../domain/assessment-process';
import { isIsoDate } from '../../domain/calendar';
import { predicates } from '../../domain/lke';
import { evidenceRef } from '../tasks/task.schemas';
import { lkeAnswer } from './assessment.schemas';
import { lkeId } from './lke-template.schemas';
import { uploadedFileField } from '../tasks/evidence-upload';

/** Cycle ids and unit codes reach workflow ids and queries: no `$`, no dots, no spaces (as in the cycle routes). */
const safeCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'hanya huruf, angka, - dan _ (maksimal 64 karakter)');
const layer = z.string().regex(layerCodePattern, 'kode lapis: huruf kecil, angka dan _');
const day = z.string().refine(isIsoDate, 'tanggal harus berformat YYYY-MM-DD');
const note = z.string().trim().min(1).max(2000);

export const assessmentParams = z.strictObject({ cycleId: safeCode, unitCode: safeCode });
export const questionParams = z.strictObject({ cycleId: safeCode, unitCode: safeCode, questionId: lkeId });
export const layerParams = z.strictObject({ cycleId: safeCode, unitCode: safeCode, layer });
export const layerQuestionParams = z.strictObject({ cycleId: safeCode, unitCode: safeCode, layer, questionId: lkeId });
export const assessmentFileParams = z.strictObject({
  cycleId: safeCode,
  unitCode: safeCode,
  fileId: z.string().regex(/^[0-9a-f]{24}$/, 'id berkas tidak valid'),
});

export const listAssessmentsSchema = {
  query: z.strictObject({
    cycle: safeCode.meta({ description: 'Id siklus' }),
    phase: z.enum(assessmentPhases).optional(),
    unit: safeCode.optional(),
  }),
};
export type ListAssessmentsQuery = z.infer<typeof listAssessmentsSchema.query>;

export const getAssessmentSchema = { params: assessmentParams };

/** Evidence per required document of the question: links (https) or files uploaded to the assessment (`file:<id>`). */
const evidenceByDocument = z
  .record(z.string().trim().min(1).max(300), z.array(evidenceRef).max(20))
  .meta({ description: 'Per dokumen wajib pertanyaan: tautan https atau file:<id> dari unggahan penilaian' });

export const unitAnswerSchema = {
  params: questionParams,
  body: z.strictObject({
    answer: lkeAnswer,
    note: z.string().max(2000).optional(),
    evidence: evidenceByDocument.optional(),
  }),
};
export type UnitAnswerBody = z.infer<typeof unitAnswerSchema.body>;

export const layerAnswerSchema = {
  params: layerQuestionParams,
  body: z.strictObject({ answer: lkeAnswer, note: z.string().max(2000).optional() }),
};
export type LayerAnswerBody = z.infer<typeof layerAnswerSchema.body>;

export const submitAssessmentSchema = {
  params: assessmentParams,
  body: z.strictObject({ note: note.optional() }),
};

/** `YYYY-MM-DD` (the end of that office day, in the unit's zone) or an ISO instant with its offset. */
const due = z
  .string()
  .refine(
    (value) => isIsoDate(value) || z.iso.datetime({ offset: true }).safeParse(value).success,
    'harus berupa tanggal YYYY-MM-DD atau waktu ISO 8601 dengan zona',
  );

export const completeLayerSchema = {
  params: layerParams,
  body: z
    .strictObject({
      decision: z.enum(['forward', 'tindak_lanjut']),
      questionIds: z.array(lkeId).min(1).max(200).optional(),
      due: due.optional().meta({ description: 'Tenggat tindak lanjut (tanggal: pukul 16.00 waktu unit)' }),
      note: note.optional(),
    })
    .superRefine((body, ctx) => {
      if (body.decision !== 'tindak_lanjut') return;
      for (const field of ['questionIds', 'due', 'note'] as const) {
        if (body[field] === undefined) {
          ctx.addIssue({ code: 'custom', path: [field], message: 'wajib diisi untuk tindak lanjut' });
        }
      }
    }),
};
export type CompleteLayerBody = z.infer<typeof completeLayerSchema.body>;

export const approveProposalSchema = {
  params: assessmentParams,
  body: z.strictObject({ note: note.optional() }),
};

export const recordProposalSchema = {
  params: assessmentParams,
  body: z.strictObject({
    submittedAt: day.meta({ description: 'Tanggal usulan dikirim ke KemenPAN-RB (PMPZI)' }),
    documents: z.strictObject({ coverLetter: evidenceRef, sptjm: evidenceRef, reviewedLke: evidenceRef }),
  }),
};
export type RecordProposalBody = z.infer<typeof recordProposalSchema.body>;

export const recordTpnSchema = {
  params: assessmentParams,
  body: z.strictObject({
    stage: z.enum(tpnStages),
    result: z.enum(tpnResults),
    date: day,
    note: note.optional(),
  }),
};
export type RecordTpnBody = z.infer<typeof recordTpnSchema.body>;

export const assessmentUploadSchema = {
  params: assessmentParams,
  body: z.strictObject({
    document: z.string().trim().min(1).max(300).meta({ description: 'Dokumen yang didukung berkas ini' }),
    file: uploadedFileField,
  }),
};

// ---- Responses (the shape people and the web UI rely on; extra fields may appear) ----

const followUp = z.looseObject({
  round: z.number().int(),
  layer: z.string(),
  questionIds: z.array(z.string()),
  due: z.string(),
  taskId: z.string().optional(),
  closedAt: z.string().optional(),
});

export const assessmentSummaryBody = z
  .looseObject({
    id: z.string(),
    cycleId: z.string(),
    unitCode: z.string(),
    unitName: z.string().optional(),
    phase: z.enum(assessmentPhases),
    currentLayer: z.string(),
    score: z.number().nullable(),
    eligiblePredicate: z.enum(predicates).nullable(),
    failures: z.array(z.string()),
  })
  .meta({ id: 'AssessmentSummary' });
export const assessmentListBody = z.object({ items: z.array(assessmentSummaryBody) });

export const assessmentViewBody = z
  .looseObject({
    id: z.string(),
    cycleId: z.string(),
    unitCode: z.string(),
    templateId: z.string(),
    phase: z.enum(assessmentPhases),
    layers: z.array(z.string()),
    currentLayer: z.string(),
    progress: z.looseObject({ total: z.number(), answered: z.number(), evidenceComplete: z.number() }),
    followUps: z.array(followUp),
    answers: z.record(z.string(), z.record(z.string(), z.unknown())),
    evidence: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
  })
  .meta({ id: 'Assessment' });

export const questionAnswerBody = z
  .looseObject({ questionId: z.string(), layer: z.string(), value: z.number(), status: z.string() })
  .meta({ id: 'AssessmentAnswer' });

export const assessmentUploadBody = z
  .object({ fileId: z.string(), ref: z.string(), name: z.string(), size: z.number().int() })
  .meta({ id: 'AssessmentFile' });
