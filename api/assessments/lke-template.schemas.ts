import { z } from 'zod';
import { areaCodes } from '../../domain/areas';
import { choiceAnswerTypes, lkeIdPattern } from '../../domain/lke';

/**
 * The shape of an LKE template as JSON. Zod checks types and keys only; what makes a template usable (weights that
 * add up, options in order, thresholds within weights) is `validateTemplate`'s job, so its messages stay in one place.
 */

/** A template id is a database key and a path segment: lower case, digits, - and _, e.g. `lke-zi-2027-v1`. */
export const templateId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'hanya huruf kecil, angka, - dan _ (maksimal 64 karakter)');

/** Sub-area, indicator and question ids: keys of answers and of hasil minimums. */
export const lkeId = z.string().max(64).regex(lkeIdPattern, 'hanya huruf kecil, angka dan _');

const text = z.string().max(2000);
const evidence = z.array(z.string().max(300)).max(30);

const choiceQuestion = z.strictObject({
  id: lkeId,
  text,
  answerType: z.enum(choiceAnswerTypes),
  options: z.array(z.strictObject({ code: z.string().max(10), label: text })).max(5),
  requiredEvidence: evidence,
});

const percentageQuestion = z.strictObject({
  id: lkeId,
  text,
  answerType: z.literal('persentase'),
  numeratorLabel: z.string().max(300),
  denominatorLabel: z.string().max(300),
  zeroDenominatorValue: z.number().optional(),
  requiredEvidence: evidence,
});

const indexQuestion = z.strictObject({
  id: lkeId,
  text,
  answerType: z.literal('indeks'),
  requiredEvidence: evidence,
});

const question = z.discriminatedUnion('answerType', [choiceQuestion, percentageQuestion, indexQuestion]);

const subAreaFields = {
  id: lkeId,
  name: z.string().max(300),
  weight: z.number(),
  questions: z.array(question).max(100),
};
const subArea = z.strictObject(subAreaFields);
const half = z.strictObject({ subAreas: z.array(subArea).max(50) });

const area = z.strictObject({
  id: z.enum(areaCodes),
  name: z.string().max(300),
  weight: z.number(),
  pemenuhan: half,
  reform: half,
});

const hasilIndicator = z.strictObject({ ...subAreaFields, group: z.string().max(300) });

const thresholds = z.strictObject({
  halfMinShare: z.number(),
  hasilMinimums: z.record(lkeId, z.number()),
  totalMinimum: z.number(),
});

const choiceValues = z.strictObject({
  ya_tidak: z.array(z.number()).max(2),
  abc: z.array(z.number()).max(3),
  abcd: z.array(z.number()).max(4),
  abcde: z.array(z.number()).max(5),
});

/** The body of POST /assessments/templates: the whole template, as GET /assessments/templates/{id} returns it. */
export const lkeTemplateBody = z
  .strictObject({
    id: templateId,
    name: z.string().trim().min(1).max(200),
    year: z.number().int(),
    version: z.string().trim().min(1).max(50),
    components: z.strictObject({
      pengungkit: z.strictObject({ weight: z.number(), areas: z.array(area).max(20) }),
      hasil: z.strictObject({ weight: z.number(), indicators: z.array(hasilIndicator).max(20) }),
    }),
    thresholds: z.strictObject({ WBK: thresholds, WBBM: thresholds }),
    eligibility: z.strictObject({ wbbmRequiresPriorWbk: z.boolean(), revocationBarYears: z.number().int() }),
    choiceValues,
    conversion: z.strictObject({ indexMax: z.number() }),
    rounding: z.strictObject({ subAreaDecimals: z.number().int() }),
    tolerance: z.number(),
    percentage: z.strictObject({ min: z.number(), max: z.number(), zeroDenominatorValue: z.number() }),
  })
  .meta({ id: 'LkeTemplate' });
export type LkeTemplateBody = z.infer<typeof lkeTemplateBody>;
