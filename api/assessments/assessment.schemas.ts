import { z } from 'zod';
import { areaCodes } from '../../domain/areas';
import { isIsoDate } from '../../domain/calendar';
import { answerTypes, halfKinds, predicates } from '../../domain/lke';
import { lkeId, lkeTemplateBody, templateId } from './lke-template.schemas';

const day = z.string().refine(isIsoDate, 'tanggal harus berformat YYYY-MM-DD');
const count = z.number().min(0);

/** One answer, tagged by kind; which kind fits is decided by the question's answer type. null: not answered. */
export const lkeAnswer = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('option'),
      /** ya/tidak, or A…E. */
      option: z.string().trim().min(1).max(10),
    }),
    z.strictObject({ kind: z.literal('counts'), numerator: count, denominator: count }),
    z.strictObject({ kind: z.literal('index'), index: count }),
  ])
  .nullable()
  .meta({ id: 'LkeAnswer' });

const answers = z.record(lkeId, lkeAnswer).meta({
  description: 'Jawaban per id pertanyaan; pertanyaan tanpa jawaban dihitung 0 dan disebut di missingAnswers',
});

export const templateParams = { params: z.strictObject({ id: templateId }) };

export const publishTemplateSchema = { body: lkeTemplateBody };

const scoreFields = {
  templateId,
  answers,
  /** The predicate the unit already holds (WBBM requires WBK by default). */
  priorPredicate: z.enum(predicates).nullable().optional(),
  /** When the unit's predicate was last revoked: a new proposal is barred for the template's years. */
  revokedAt: day.optional(),
  /** The date the assessment is judged on; today (WIB) when absent. */
  assessmentDate: day.optional(),
};

export const scoreSchema = { body: z.strictObject(scoreFields) };
export type ScoreBody = z.infer<typeof scoreSchema.body>;

const notes = z.record(lkeId, z.string().max(2000));
const evidenceLink = z.strictObject({
  /** The required document it answers for (e.g. "SK Tim Kerja"), or any label. */
  document: z.string().trim().min(1).max(300),
  url: z.url({ protocol: /^https?$/, error: 'harus berupa tautan http(s)' }).max(2000),
});
const evidence = z.record(lkeId, z.array(evidenceLink).max(20));

const layer = z.strictObject({
  label: z.string().trim().min(1).max(60),
  answers,
  notes: notes.optional(),
  evidence: evidence.optional(),
});

export const workbookSchema = {
  body: z.strictObject({
    ...scoreFields,
    /** Earlier review layers (penilaian mandiri, TPI anggota, …), shown before the scored answers. */
    layers: z.array(layer).max(6).optional(),
    /** Heading of the scored answers' columns. */
    label: z.string().trim().min(1).max(60).optional(),
    notes: notes.optional(),
    evidence: evidence.optional(),
    /** Printed in the workbook's heading, e.g. the unit's name. */
    title: z.string().trim().min(1).max(200).optional(),
  }),
};
export type WorkbookBody = z.infer<typeof workbookSchema.body>;

// ---- Responses ----

const templateSummaryFields = {
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  version: z.string(),
  builtIn: z.boolean(),
  publishedBy: z.string().optional(),
  publishedAt: z.string().optional(),
  usedBy: z.array(z.string()),
};
export const templateSummaryBody = z.object(templateSummaryFields).meta({ id: 'LkeTemplateSummary' });
export const templateListBody = z.object({ items: z.array(templateSummaryBody) });
export const templateViewBody = z
  .object({ ...templateSummaryFields, template: lkeTemplateBody })
  .meta({ id: 'LkeTemplateView' });

const questionScore = z.object({
  questionId: z.string(),
  answerType: z.enum(answerTypes),
  status: z.enum(['answered', 'missing', 'invalid']),
  value: z.number(),
  clamped: z.boolean(),
  zeroDenominator: z.boolean(),
  problem: z.string().optional(),
});
const subAreaScoreFields = {
  id: z.string(),
  name: z.string(),
  weight: z.number(),
  mean: z.number(),
  score: z.number(),
  questions: z.array(questionScore),
};
const subAreaScore = z.object(subAreaScoreFields);
const halfScore = z.object({
  half: z.enum(halfKinds),
  label: z.string(),
  weight: z.number(),
  score: z.number(),
  share: z.number(),
  subAreas: z.array(subAreaScore),
});
const areaScore = z.object({
  id: z.enum(areaCodes),
  name: z.string(),
  weight: z.number(),
  score: z.number(),
  pemenuhan: halfScore,
  reform: halfScore,
});
const failure = z
  .object({
    kind: z.enum(['minimum', 'prior_predicate', 'revocation']),
    predicate: z.enum(predicates),
    code: z.string().meta({ description: '`half:<area>:<pemenuhan|reform>`, `hasil:<indikator>`, `total`, …' }),
    condition: z.string(),
    actual: z.union([z.number(), z.string(), z.null()]),
    required: z.union([z.number(), z.string()]),
    shortfall: z.number().nullable(),
    revokedAt: z.string().optional(),
    message: z.string().meta({ description: 'mis. "Reform Penguatan Pengawasan 4.20 < 4.50 (kurang 0.30)"' }),
  })
  .meta({ id: 'LkeConditionFailure' });
const eligibility = z.object({ predicate: z.enum(predicates), eligible: z.boolean(), failures: z.array(failure) });

export const assessmentResultBody = z
  .object({
    templateId: z.string(),
    templateVersion: z.string(),
    assessmentDate: z.string(),
    pengungkit: z.object({ weight: z.number(), score: z.number(), areas: z.array(areaScore) }),
    hasil: z.object({
      weight: z.number(),
      score: z.number(),
      indicators: z.array(z.object({ ...subAreaScoreFields, group: z.string() })),
    }),
    total: z.object({ weight: z.number(), score: z.number() }),
    predicate: z.enum(predicates).nullable(),
    eligibility: z.object({ WBK: eligibility, WBBM: eligibility }),
    failures: z.array(failure),
    missingAnswers: z.array(z.object({ questionId: z.string(), subAreaId: z.string(), text: z.string() })),
    invalidAnswers: z.array(z.object({ questionId: z.string(), subAreaId: z.string(), problem: z.string() })),
    unknownAnswerIds: z.array(z.string()),
  })
  .meta({ id: 'LkeAssessmentResult' });
