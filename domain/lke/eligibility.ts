/**
 * Which predicate the scores earn. Every condition of both predicates is checked, and every one that fails is
 * reported with its shortfall: that list is what a team acts on.
 */
import type { IsoDate } from '../stages';
import type {
  AreaScore,
  ConditionFailure,
  HasilIndicatorScore,
  MinimumFailure,
  PredicateEligibility,
} from './assessment-types';
import { addYears, daysBetween } from './dates';
import { clean, formatScore } from './numbers';
import { halfKinds, halfLabels, predicates, type LkeTemplate, type Predicate } from './types';

export interface ScoredFigures {
  readonly areas: readonly AreaScore[];
  readonly indicators: readonly HasilIndicatorScore[];
  readonly total: number;
}

export interface EligibilityContext {
  readonly priorPredicate: Predicate | null;
  readonly revokedAt: IsoDate | undefined;
  readonly assessmentDate: IsoDate;
}

export const totalConditionLabel = 'Nilai total';
export const priorPredicateConditionLabel = 'Predikat WBK sebelumnya';

/** Eligibility for each predicate, from the rounded scores. */
export function evaluateEligibility(
  template: LkeTemplate,
  figures: ScoredFigures,
  context: EligibilityContext,
): Record<Predicate, PredicateEligibility> {
  const evaluate = (predicate: Predicate): PredicateEligibility => {
    const failures = conditionFailures(template, figures, context, predicate);
    return { predicate, eligible: failures.length === 0, failures };
  };
  return { WBK: evaluate('WBK'), WBBM: evaluate('WBBM') };
}

/** The highest predicate whose conditions all hold. */
export function bestPredicate(eligibility: Readonly<Record<Predicate, PredicateEligibility>>): Predicate | null {
  return [...predicates].reverse().find((predicate) => eligibility[predicate].eligible) ?? null;
}

function conditionFailures(
  template: LkeTemplate,
  figures: ScoredFigures,
  context: EligibilityContext,
  predicate: Predicate,
): ConditionFailure[] {
  const thresholds = template.thresholds[predicate];
  const failures: ConditionFailure[] = [];
  const minimum = (code: string, condition: string, actual: number, required: number) => {
    const failure = minimumFailure(template.tolerance, predicate, code, condition, actual, required);
    if (failure) failures.push(failure);
  };

  const revocation = revocationFailure(template, context, predicate);
  if (revocation) failures.push(revocation);
  if (predicate === 'WBBM' && template.eligibility.wbbmRequiresPriorWbk && context.priorPredicate === null) {
    failures.push({
      kind: 'prior_predicate',
      predicate,
      code: 'prior_predicate',
      condition: priorPredicateConditionLabel,
      actual: null,
      required: 'WBK',
      shortfall: null,
      message: 'Usulan WBBM mensyaratkan predikat WBK; unit belum memiliki predikat WBK',
    });
  }

  for (const area of figures.areas) {
    for (const half of halfKinds) {
      const { score, weight } = area[half];
      minimum(`half:${area.id}:${half}`, `${halfLabels[half]} ${area.name}`, score, thresholds.halfMinShare * weight);
    }
  }
  for (const indicator of figures.indicators) {
    const required = thresholds.hasilMinimums[indicator.id];
    if (required !== undefined) minimum(`hasil:${indicator.id}`, indicator.name, indicator.score, required);
  }
  minimum('total', totalConditionLabel, figures.total, thresholds.totalMinimum);
  return failures;
}

/** A score meets its minimum when it reaches it within the tolerance; equal passes. */
function minimumFailure(
  tolerance: number,
  predicate: Predicate,
  code: string,
  condition: string,
  actual: number,
  rawRequired: number,
): MinimumFailure | undefined {
  const required = clean(rawRequired);
  if (actual + tolerance >= required) return undefined;
  const shortfall = clean(required - actual);
  return {
    kind: 'minimum',
    predicate,
    code,
    condition,
    actual,
    required,
    shortfall,
    message: `${condition} ${formatScore(actual)} < ${formatScore(required)} (kurang ${formatScore(shortfall)})`,
  };
}

/** A revoked unit cannot be proposed until the bar's anniversary of the revocation (that day is allowed). */
function revocationFailure(
  template: LkeTemplate,
  context: EligibilityContext,
  predicate: Predicate,
): ConditionFailure | undefined {
  const years = template.eligibility.revocationBarYears;
  if (context.revokedAt === undefined || years === 0) return undefined;
  const barLiftsOn = addYears(context.revokedAt, years);
  if (context.assessmentDate >= barLiftsOn) return undefined;
  const daysLeft = daysBetween(context.assessmentDate, barLiftsOn);
  return {
    kind: 'revocation',
    predicate,
    code: 'revocation',
    condition: `Masa larangan ${years} tahun setelah pencabutan predikat`,
    actual: context.assessmentDate,
    required: barLiftsOn,
    shortfall: daysLeft,
    revokedAt: context.revokedAt,
    message:
      `Predikat dicabut pada ${context.revokedAt}; unit baru dapat diusulkan kembali mulai ${barLiftsOn} ` +
      `(kurang ${daysLeft} hari)`,
  };
}
