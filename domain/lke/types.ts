/**
 * The LKE template (Lembar Kerja Evaluasi): the yearly, versioned data that says what a unit is asked, how each
 * answer becomes a value, how values add up to a score out of 100 and which scores earn WBK or WBBM.
 * Everything that changes by year lives here as data; only the meaning of the answer types is code.
 */
import type { AreaCode } from '../areas';

/** How a question is answered. Stored in templates: never rename one. */
export const answerTypes = ['ya_tidak', 'abc', 'abcd', 'abcde', 'persentase', 'indeks'] as const;
export type AnswerType = (typeof answerTypes)[number];

/** Answer types where the respondent picks one option. */
export const choiceAnswerTypes = ['ya_tidak', 'abc', 'abcd', 'abcde'] as const;
export type ChoiceAnswerType = (typeof choiceAnswerTypes)[number];

/**
 * Option codes of each choice type, best first. They define the type, so they are code, not template data;
 * what each option is worth is template data (`LkeTemplate.choiceValues`).
 */
export const choiceOptionCodes: Readonly<Record<ChoiceAnswerType, readonly string[]>> = {
  ya_tidak: ['ya', 'tidak'],
  abc: ['A', 'B', 'C'],
  abcd: ['A', 'B', 'C', 'D'],
  abcde: ['A', 'B', 'C', 'D', 'E'],
};

export function isAnswerType(value: unknown): value is AnswerType {
  return typeof value === 'string' && (answerTypes as readonly string[]).includes(value);
}

export function isChoiceAnswerType(value: unknown): value is ChoiceAnswerType {
  return typeof value === 'string' && (choiceAnswerTypes as readonly string[]).includes(value);
}

/** One option of a choice question; `label` is the criterion the evaluator reads, in Bahasa Indonesia. */
export interface ChoiceOption {
  readonly code: string;
  readonly label: string;
}

interface QuestionBase {
  /** Stable id, `[a-z0-9_]+`, unique in the template: answers are keyed by it. */
  readonly id: string;
  /** The question as the LKE words it, in Bahasa Indonesia. */
  readonly text: string;
  /** Data dukung: one upload per named document (e.g. "SK Tim Kerja", "Notulen"). */
  readonly requiredEvidence: readonly string[];
}

export interface ChoiceQuestion extends QuestionBase {
  readonly answerType: ChoiceAnswerType;
  /** Exactly the codes of `choiceOptionCodes[answerType]`, in that order. */
  readonly options: readonly ChoiceOption[];
}

/** Answered with two counts; the value is numerator ÷ denominator, clamped (`LkeTemplate.percentage`). */
export interface PercentageQuestion extends QuestionBase {
  readonly answerType: 'persentase';
  /** e.g. "Sudah lapor LHKPN". */
  readonly numeratorLabel: string;
  /** e.g. "Wajib lapor LHKPN". */
  readonly denominatorLabel: string;
  /**
   * Value when the denominator is 0, overriding the template's default. Set to 1 where "nothing to handle" means
   * fully handled (no complaints received, nobody obliged to report); leave unset where 0/0 means missing work.
   */
  readonly zeroDenominatorValue?: number;
}

/** Answered with an external survey index in [0, `LkeTemplate.conversion.indexMax`] (IPAK, IPKP). */
export interface IndexQuestion extends QuestionBase {
  readonly answerType: 'indeks';
}

export type LkeQuestion = ChoiceQuestion | PercentageQuestion | IndexQuestion;

/** The scored unit of the LKE: score = weight × mean of its question values, rounded. */
export interface LkeSubArea {
  /** Stable id, `[a-z0-9_]+`, unique among the template's sub-areas and hasil indicators. */
  readonly id: string;
  readonly name: string;
  readonly weight: number;
  readonly questions: readonly LkeQuestion[];
}

/** Each pengungkit area splits into these halves of equal weight. */
export const halfKinds = ['pemenuhan', 'reform'] as const;
export type HalfKind = (typeof halfKinds)[number];

export const halfLabels: Readonly<Record<HalfKind, string>> = { pemenuhan: 'Pemenuhan', reform: 'Reform' };

export interface LkeHalf {
  readonly subAreas: readonly LkeSubArea[];
}

export interface LkeArea {
  readonly id: AreaCode;
  readonly name: string;
  /** Declared total; its sub-areas must add up to it, half on each side. */
  readonly weight: number;
  readonly pemenuhan: LkeHalf;
  readonly reform: LkeHalf;
}

/** A komponen hasil indicator is scored like a sub-area; `group` is its sasaran (e.g. "Pelayanan publik prima"). */
export interface LkeHasilIndicator extends LkeSubArea {
  readonly group: string;
}

export interface LkeComponents {
  readonly pengungkit: { readonly weight: number; readonly areas: readonly LkeArea[] };
  readonly hasil: { readonly weight: number; readonly indicators: readonly LkeHasilIndicator[] };
}

export const predicates = ['WBK', 'WBBM'] as const;
export type Predicate = (typeof predicates)[number];

export function isPredicate(value: unknown): value is Predicate {
  return value === 'WBK' || value === 'WBBM';
}

/** The minimums of one predicate. Every minimum is inclusive (score ≥ minimum, within the tolerance). */
export interface PredicateThresholds {
  /** Every pengungkit half (pemenuhan and reform of every area) as a share of that half's weight, in [0, 1]. */
  readonly halfMinShare: number;
  /** Points per komponen hasil indicator id; an indicator without an entry sets no condition. */
  readonly hasilMinimums: Readonly<Record<string, number>>;
  readonly totalMinimum: number;
}

export interface EligibilityRules {
  /** A unit proposed for WBBM must already hold WBK (or WBBM). */
  readonly wbbmRequiresPriorWbk: boolean;
  /** After a predicate is revoked, the unit cannot be proposed for this many years. */
  readonly revocationBarYears: number;
}

export interface LkeTemplate {
  /** Stable id of the template family, e.g. `lke-zi-permenpanrb-90-2021`. */
  readonly id: string;
  readonly name: string;
  /** The assessment year the template is for. */
  readonly year: number;
  /** Bump on any change, so a stored assessment says which rules scored it. */
  readonly version: string;
  readonly components: LkeComponents;
  readonly thresholds: Readonly<Record<Predicate, PredicateThresholds>>;
  readonly eligibility: EligibilityRules;
  /** Value of each option of each choice type, aligned with `choiceOptionCodes`, each in [0, 1]. */
  readonly choiceValues: Readonly<Record<ChoiceAnswerType, readonly number[]>>;
  /** Survey indices run from 0 to `indexMax`; points = index ÷ indexMax × the indicator's weight. */
  readonly conversion: { readonly indexMax: number };
  /** Sub-area scores are rounded half away from zero, as the LKE spreadsheet's ROUND does. */
  readonly rounding: { readonly subAreaDecimals: number };
  /** Slack for comparisons with thresholds and for weight sums, absorbing binary floating-point noise. */
  readonly tolerance: number;
  /** Percentage values are clamped to [min, max]; `zeroDenominatorValue` is used when the denominator is 0. */
  readonly percentage: { readonly min: number; readonly max: number; readonly zeroDenominatorValue: number };
}

/**
 * The LKE is scored out of 100 (pengungkit + hasil), and the predicate thresholds are read on that scale, so this
 * one figure is part of the scoring model rather than yearly configuration.
 */
export const lkeTotalWeight = 100;

/** One problem in a template; `path` is dotted (`components.pengungkit.areas.0.weight`). */
export interface LkeTemplateIssue {
  readonly path: string;
  readonly message: string;
}
