/**
 * What an assessment gives (answers per question) and what scoring returns: the full breakdown from question values
 * to the predicate, with every failed condition named and measured.
 */
import type { AreaCode } from '../areas';
import type { IsoDate } from '../stages';
import type { AnswerType, HalfKind, LkeTemplate, Predicate } from './types';

/** The answer to one question; which kind fits is decided by the question's answer type. */
export type LkeAnswer =
  /** ya_tidak, abc, abcd, abcde: the option code (`ya`/`tidak`, `A`…`E`; case is ignored). */
  | { readonly kind: 'option'; readonly option: string }
  /** persentase: the two counts, e.g. sudah lapor (numerator) of wajib lapor (denominator). */
  | { readonly kind: 'counts'; readonly numerator: number; readonly denominator: number }
  /** indeks: the survey index (IPAK, IPKP), 0 to the template's `indexMax`. */
  | { readonly kind: 'index'; readonly index: number };

/** Answers keyed by question id; for layered reviews, pass the last layer's answers. */
export type LkeAnswers = Readonly<Record<string, LkeAnswer | undefined>>;

export interface AssessmentInput {
  readonly template: LkeTemplate;
  readonly answers: LkeAnswers;
  /** The predicate the unit already holds; WBBM also counts as holding WBK. */
  readonly priorPredicate?: Predicate | null;
  /** When the unit's predicate was last revoked, `YYYY-MM-DD`. */
  readonly revokedAt?: IsoDate;
  /** The date the assessment is judged on, `YYYY-MM-DD` (passed in: domain code never reads a clock). */
  readonly assessmentDate: IsoDate;
}

/** `missing` and `invalid` answers count as 0. */
export type QuestionStatus = 'answered' | 'missing' | 'invalid';

export interface QuestionScore {
  readonly questionId: string;
  readonly answerType: AnswerType;
  readonly status: QuestionStatus;
  /** In [0, 1]. */
  readonly value: number;
  /** A percentage outside the clamp range was brought inside it. */
  readonly clamped: boolean;
  /** A percentage with denominator 0, valued by the question's or the template's `zeroDenominatorValue`. */
  readonly zeroDenominator: boolean;
  /** Why an answer is invalid, in Bahasa Indonesia. */
  readonly problem?: string;
}

export interface SubAreaScore {
  readonly id: string;
  readonly name: string;
  readonly weight: number;
  /** Mean of the question values, unrounded. */
  readonly mean: number;
  /** weight × mean, rounded to the template's `subAreaDecimals`. */
  readonly score: number;
  readonly questions: readonly QuestionScore[];
}

export interface HasilIndicatorScore extends SubAreaScore {
  readonly group: string;
}

export interface HalfScore {
  readonly half: HalfKind;
  readonly label: string;
  readonly weight: number;
  readonly score: number;
  /** score ÷ weight, what the predicate thresholds compare. */
  readonly share: number;
  readonly subAreas: readonly SubAreaScore[];
}

export interface AreaScore {
  readonly id: AreaCode;
  readonly name: string;
  readonly weight: number;
  readonly score: number;
  readonly pemenuhan: HalfScore;
  readonly reform: HalfScore;
}

/** A score below its minimum: half of an area, a komponen hasil indicator, or the total. */
export interface MinimumFailure {
  readonly kind: 'minimum';
  readonly predicate: Predicate;
  /** Stable code: `half:<area>:<pemenuhan|reform>`, `hasil:<indicator>` or `total`. */
  readonly code: string;
  /** What fell short, in Bahasa Indonesia (e.g. "Reform Penguatan Pengawasan"). */
  readonly condition: string;
  readonly actual: number;
  readonly required: number;
  /** required − actual, > 0. */
  readonly shortfall: number;
  /** e.g. "Reform Penguatan Pengawasan 4.20 < 4.50 (kurang 0.30)". */
  readonly message: string;
}

/** WBBM asked for by a unit that does not hold WBK. */
export interface PriorPredicateFailure {
  readonly kind: 'prior_predicate';
  readonly predicate: Predicate;
  readonly code: 'prior_predicate';
  readonly condition: string;
  readonly actual: Predicate | null;
  readonly required: Predicate;
  readonly shortfall: null;
  readonly message: string;
}

/** The unit's predicate was revoked less than the bar (2 years by default) before the assessment date. */
export interface RevocationFailure {
  readonly kind: 'revocation';
  readonly predicate: Predicate;
  readonly code: 'revocation';
  readonly condition: string;
  /** The assessment date. */
  readonly actual: IsoDate;
  /** The first date the unit may be proposed again. */
  readonly required: IsoDate;
  /** Days from the assessment date until the bar lifts. */
  readonly shortfall: number;
  readonly revokedAt: IsoDate;
  readonly message: string;
}

export type ConditionFailure = MinimumFailure | PriorPredicateFailure | RevocationFailure;

export interface PredicateEligibility {
  readonly predicate: Predicate;
  readonly eligible: boolean;
  /** Every condition of this predicate that failed, in LKE order. */
  readonly failures: readonly ConditionFailure[];
}

export interface MissingAnswer {
  readonly questionId: string;
  readonly subAreaId: string;
  readonly text: string;
}

export interface InvalidAnswer {
  readonly questionId: string;
  readonly subAreaId: string;
  readonly problem: string;
}

export interface AssessmentResult {
  readonly templateId: string;
  readonly templateVersion: string;
  readonly assessmentDate: IsoDate;
  readonly pengungkit: { readonly weight: number; readonly score: number; readonly areas: readonly AreaScore[] };
  readonly hasil: {
    readonly weight: number;
    readonly score: number;
    readonly indicators: readonly HasilIndicatorScore[];
  };
  readonly total: { readonly weight: number; readonly score: number };
  /** The best predicate the unit is eligible for: WBBM, else WBK, else null. */
  readonly predicate: Predicate | null;
  readonly eligibility: Readonly<Record<Predicate, PredicateEligibility>>;
  /** Every failed condition of both predicates (WBK first, then WBBM). */
  readonly failures: readonly ConditionFailure[];
  readonly missingAnswers: readonly MissingAnswer[];
  readonly invalidAnswers: readonly InvalidAnswer[];
  /** Answer keys that name no question of the template (ignored). */
  readonly unknownAnswerIds: readonly string[];
}
