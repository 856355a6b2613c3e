/**
 * Scoring an assessment against its template, as the LKE spreadsheet does: question values in [0, 1], sub-area =
 * weight × mean rounded to the template's decimals, then plain sums up to the total, then the predicate.
 * Pure and deterministic: safe inside Temporal's workflow sandbox.
 */
import { isIsoDate } from '../stages';
import type {
  AreaScore,
  AssessmentInput,
  AssessmentResult,
  HalfScore,
  HasilIndicatorScore,
  InvalidAnswer,
  LkeAnswers,
  MissingAnswer,
  SubAreaScore,
} from './assessment-types';
import { bestPredicate, evaluateEligibility } from './eligibility';
import { clean, roundTo, sum } from './numbers';
import { questionsOf } from './queries';
import { scoreQuestion } from './question-value';
import {
  halfLabels,
  isPredicate,
  lkeTotalWeight,
  predicates,
  type HalfKind,
  type LkeArea,
  type LkeSubArea,
  type LkeTemplate,
  type LkeTemplateIssue,
} from './types';
import { validateTemplate } from './validate';

/**
 * Thrown when the template or the dates cannot be scored at all. Templates are validated when they are saved, so
 * this signals a programming or data error, not a unit's shortcoming (those are failures in the result).
 */
export class LkeInputError extends Error {
  constructor(readonly issues: readonly LkeTemplateIssue[]) {
    super(`Penilaian LKE tidak dapat dihitung: ${issues.map((issue) => issue.message).join('; ')}`);
    this.name = 'LkeInputError';
  }
}

/** The full breakdown of one assessment and the predicate it earns. Throws `LkeInputError` on unusable input. */
export function scoreAssessment(input: AssessmentInput): AssessmentResult {
  const issues = assessmentInputIssues(input);
  if (issues.length > 0) throw new LkeInputError(issues);

  const { template, answers, assessmentDate } = input;
  const tally = new AnswerTally();
  const scoreSub = (subArea: LkeSubArea) => scoreSubArea(template, subArea, answers, tally);
  const decimals = template.rounding.subAreaDecimals;

  const areas = template.components.pengungkit.areas.map((area) => scoreArea(area, scoreSub, decimals));
  const indicators: HasilIndicatorScore[] = template.components.hasil.indicators.map((indicator) => ({
    ...scoreSub(indicator),
    group: indicator.group,
  }));
  // Sums of 2-decimal scores are 2-decimal figures; rounding them only removes binary floating-point noise.
  const pengungkitScore = roundTo(sum(areas.map((area) => area.score)), decimals);
  const hasilScore = roundTo(sum(indicators.map((indicator) => indicator.score)), decimals);
  const totalScore = roundTo(pengungkitScore + hasilScore, decimals);

  const eligibility = evaluateEligibility(
    template,
    { areas, indicators, total: totalScore },
    { priorPredicate: input.priorPredicate ?? null, revokedAt: input.revokedAt, assessmentDate },
  );

  return {
    templateId: template.id,
    templateVersion: template.version,
    assessmentDate,
    pengungkit: { weight: template.components.pengungkit.weight, score: pengungkitScore, areas },
    hasil: { weight: template.components.hasil.weight, score: hasilScore, indicators },
    total: { weight: lkeTotalWeight, score: totalScore },
    predicate: bestPredicate(eligibility),
    eligibility,
    failures: predicates.flatMap((predicate) => eligibility[predicate].failures),
    missingAnswers: tally.missing,
    invalidAnswers: tally.invalid,
    unknownAnswerIds: unknownAnswerIds(template, answers),
  };
}

/** Everything that keeps an assessment from being scored (an empty list means it can be). */
export function assessmentInputIssues(input: AssessmentInput): LkeTemplateIssue[] {
  const issues = validateTemplate(input.template).map((issue) => ({ ...issue, path: `template.${issue.path}` }));
  if (!isIsoDate(input.assessmentDate)) {
    issues.push({
      path: 'assessmentDate',
      message: `tanggal penilaian ${JSON.stringify(input.assessmentDate)} tidak valid`,
    });
  }
  if (input.revokedAt !== undefined && !isIsoDate(input.revokedAt)) {
    issues.push({ path: 'revokedAt', message: `tanggal pencabutan ${JSON.stringify(input.revokedAt)} tidak valid` });
  }
  if (input.priorPredicate !== undefined && input.priorPredicate !== null && !isPredicate(input.priorPredicate)) {
    issues.push({ path: 'priorPredicate', message: `predikat ${JSON.stringify(input.priorPredicate)} tidak dikenal` });
  }
  if (typeof input.answers !== 'object' || input.answers === null) {
    issues.push({ path: 'answers', message: 'jawaban harus berupa objek' });
  }
  return issues;
}

/** Collects missing and invalid answers in LKE order while sub-areas are scored. */
class AnswerTally {
  readonly missing: MissingAnswer[] = [];
  readonly invalid: InvalidAnswer[] = [];
}

function scoreSubArea(
  template: LkeTemplate,
  subArea: LkeSubArea,
  answers: LkeAnswers,
  tally: AnswerTally,
): SubAreaScore {
  const questions = subArea.questions.map((question) => {
    // Own keys only: a question id such as "constructor" must not pick up Object.prototype members.
    const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    const scored = scoreQuestion(template, question, answer);
    if (scored.status === 'missing')
      tally.missing.push({ questionId: question.id, subAreaId: subArea.id, text: question.text });
    if (scored.status === 'invalid') {
      tally.invalid.push({ questionId: question.id, subAreaId: subArea.id, problem: scored.problem ?? '' });
    }
    return scored;
  });
  const mean = sum(questions.map((question) => question.value)) / questions.length;
  return {
    id: subArea.id,
    name: subArea.name,
    weight: subArea.weight,
    mean,
    score: roundTo(subArea.weight * mean, template.rounding.subAreaDecimals),
    questions,
  };
}

function scoreArea(area: LkeArea, scoreSub: (subArea: LkeSubArea) => SubAreaScore, decimals: number): AreaScore {
  const scoreHalf = (half: HalfKind): HalfScore => {
    const subAreas = area[half].subAreas.map(scoreSub);
    const weight = clean(sum(subAreas.map((subArea) => subArea.weight)));
    const score = roundTo(sum(subAreas.map((subArea) => subArea.score)), decimals);
    return { half, label: halfLabels[half], weight, score, share: weight > 0 ? score / weight : 0, subAreas };
  };
  const pemenuhan = scoreHalf('pemenuhan');
  const reform = scoreHalf('reform');
  return {
    id: area.id,
    name: area.name,
    weight: area.weight,
    score: roundTo(pemenuhan.score + reform.score, decimals),
    pemenuhan,
    reform,
  };
}

function unknownAnswerIds(template: LkeTemplate, answers: LkeAnswers): string[] {
  const known = new Set(questionsOf(template).map(({ question }) => question.id));
  return Object.keys(answers).filter((id) => !known.has(id));
}
