import { questionsOf, scoreQuestion, type LkeAnswers, type LkeTemplate } from '../../domain/lke';
import type { FieldError } from '../problem';

/**
 * What is wrong with answers, notes or evidence against a template, as field errors (`body.answers.<questionId>`).
 * Scoring counts a bad answer as 0; the API refuses it instead, so a typo never silently lowers a preview.
 */
export function answerErrors(template: LkeTemplate, answers: LkeAnswers, at: string): FieldError[] {
  const questions = new Map(questionsOf(template).map(({ question }) => [question.id, question]));
  const errors: FieldError[] = [];
  for (const [questionId, answer] of Object.entries(answers)) {
    const question = questions.get(questionId);
    if (!question) {
      errors.push(unknownQuestion(template, `${at}.${questionId}`, questionId));
      continue;
    }
    const scored = scoreQuestion(template, question, answer);
    if (scored.status === 'invalid') {
      errors.push({ field: `${at}.${questionId}`, message: `${question.answerType}: ${scored.problem ?? ''}` });
    }
  }
  return errors;
}

/** Keys of a per-question record (notes, evidence) that name no question of the template. */
export function unknownQuestionErrors(template: LkeTemplate, keyed: object | undefined, at: string): FieldError[] {
  if (!keyed) return [];
  const known = new Set(questionsOf(template).map(({ question }) => question.id));
  return Object.keys(keyed)
    .filter((questionId) => !known.has(questionId))
    .map((questionId) => unknownQuestion(template, `${at}.${questionId}`, questionId));
}

function unknownQuestion(template: LkeTemplate, field: string, questionId: string): FieldError {
  return { field, message: `pertanyaan ${questionId} tidak ada dalam templat ${template.id}` };
}
