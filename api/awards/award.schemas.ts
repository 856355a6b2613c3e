import { z } from 'zod';
import { validatePemantauanPlan } from '../../domain/awards';
import { isIsoDate } from '../../domain/calendar';
import { predicates } from '../../domain/lke';
import { areaCodes } from '../../domain/areas';

/** Codes and ids become parts of workflow ids and database keys: no `$`, no dots, no spaces. */
const safeCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'hanya huruf, angka, - dan _ (maksimal 64 karakter)');
const day = z.string().refine(isIsoDate, 'tanggal harus berformat YYYY-MM-DD');

export const cycleUnitParams = { params: z.strictObject({ cycleId: safeCode, unitCode: safeCode }) };
export const cycleParams = { params: z.strictObject({ cycleId: safeCode }) };
export const unitParams = { params: z.strictObject({ unitCode: safeCode }) };

const pemantauan = z
  .strictObject({
    /** @default 3 */
    everyMonths: z.number().int().min(1).max(12).optional(),
    /** @default 4 */
    periods: z.number().int().min(1).max(24).optional(),
    /** Rehearsals only: run the monitoring plan on a compressed clock. Refused in production. */
    clock: z
      .strictObject({ origin: z.iso.datetime({ offset: true }), speedup: z.number().min(1).max(10_000_000) })
      .optional(),
  })
  .superRefine((plan, ctx) => {
    for (const issue of validatePemantauanPlan({ everyMonths: plan.everyMonths ?? 3, periods: plan.periods ?? 4 })) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
  })
  .meta({
    description: 'Rencana pemantauan unit berpredikat: setiap N bulan (bawaan 3), sebanyak M putaran (bawaan 4)',
  });

export const recordPredikatSchema = {
  params: cycleUnitParams.params,
  body: z.strictObject({
    /** null: the unit did not obtain a predikat this cycle. */
    predicate: z.enum(predicates).nullable(),
    /** The day of KemenPAN-RB's decision. */
    date: day,
    pemantauan: pemantauan.optional(),
  }),
};
export type RecordPredikatBody = z.infer<typeof recordPredikatSchema.body>;

export const revokeSchema = {
  params: unitParams.params,
  body: z.strictObject({
    date: day,
    reason: z.string().trim().min(3).max(2000),
  }),
};
export type RevokeBody = z.infer<typeof revokeSchema.body>;

const award = z.strictObject({ predicate: z.enum(predicates), cycleId: z.string(), date: z.string() });
const revocation = z.strictObject({
  predicate: z.enum(predicates),
  date: z.string(),
  reason: z.string(),
  by: z.string(),
});

export const predicateHistoryBody = z
  .strictObject({
    unitCode: z.string(),
    current: z.enum(predicates).nullable(),
    awards: z.array(award),
    revocations: z.array(revocation),
    revokedAt: z.string().nullable(),
    proposableFrom: z.string().nullable().meta({
      description:
        'Hari pertama unit boleh diusulkan kembali setelah pencabutan (2 tahun); null bila tidak pernah dicabut',
    }),
    proposalBarred: z.boolean().meta({ description: 'Apakah usulan hari ini (WIB) masih terhalang pencabutan' }),
  })
  .meta({ id: 'PredicateHistory' });

export const predikatResultBody = z
  .strictObject({
    cycleId: z.string(),
    unitCode: z.string(),
    predikat: z.strictObject({ predicate: z.enum(predicates).nullable(), date: z.string() }),
    history: predicateHistoryBody,
    pemantauan: z.strictObject({ workflowId: z.string(), periods: z.number() }).nullable(),
  })
  .meta({ id: 'PredikatRecorded' });

const recommendation = z.strictObject({
  source: z.enum(['syarat', 'tpi', 'tpn']),
  code: z.string(),
  text: z.string(),
  questionId: z.string().optional(),
  layer: z.string().optional(),
  predicate: z.enum(predicates).optional(),
  area: z.enum(areaCodes).optional(),
});

export const recommendationsBody = z
  .strictObject({
    cycleId: z.string(),
    units: z.array(
      z.strictObject({
        unitCode: z.string(),
        unitName: z.string(),
        /** The predicate the unit works towards next. */
        target: z.enum(predicates),
        assessed: z.boolean(),
        items: z.array(recommendation),
      }),
    ),
  })
  .meta({ id: 'CarriedRecommendations' });
