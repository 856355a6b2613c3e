/** Turns one answer into a value in [0, 1], or says why it cannot. */
import type { LkeAnswer, QuestionScore } from './assessment-types';
import { clamp } from './numbers';
import { choiceOptionCodes, type LkeQuestion, type LkeTemplate } from './types';

/** The value of `question` given `answer`; a missing or invalid answer is worth 0 and says so. */
export function scoreQuestion(
  template: LkeTemplate,
  question: LkeQuestion,
  answer: LkeAnswer | undefined,
): QuestionScore {
  const base = { questionId: question.id, answerType: question.answerType, clamped: false, zeroDenominator: false };
  if (answer === undefined || answer === null) return { ...base, status: 'missing', value: 0 };
  const invalid = (problem: string): QuestionScore => ({ ...base, status: 'invalid', value: 0, problem });

  switch (question.answerType) {
    case 'ya_tidak':
    case 'abc':
    case 'abcd':
    case 'abcde': {
      const codes = choiceOptionCodes[question.answerType];
      if (answer.kind !== 'option' || typeof answer.option !== 'string') {
        return invalid(`jawaban harus berupa pilihan (${codes.join('/')})`);
      }
      const wanted = answer.option.trim().toLowerCase();
      const position = codes.findIndex((code) => code.toLowerCase() === wanted);
      const value = template.choiceValues[question.answerType][position];
      if (position < 0 || value === undefined) {
        return invalid(`pilihan ${JSON.stringify(answer.option)} tidak tersedia (${codes.join('/')})`);
      }
      return { ...base, status: 'answered', value };
    }
    case 'persentase': {
      if (answer.kind !== 'counts') return invalid('jawaban harus berupa dua bilangan (pembilang dan penyebut)');
      const { numerator, denominator } = answer;
      if (!isCount(numerator) || !isCount(denominator)) {
        return invalid(`${question.numeratorLabel} dan ${question.denominatorLabel} harus bilangan ≥ 0`);
      }
      const { min, max } = template.percentage;
      if (denominator === 0) {
        const value = question.zeroDenominatorValue ?? template.percentage.zeroDenominatorValue;
        return { ...base, status: 'answered', value, zeroDenominator: true };
      }
      const ratio = numerator / denominator;
      const value = clamp(ratio, min, max);
      return { ...base, status: 'answered', value, clamped: value !== ratio };
    }
    case 'indeks': {
      if (answer.kind !== 'index') return invalid('jawaban harus berupa nilai indeks');
      const { indexMax } = template.conversion;
      if (
        typeof answer.index !== 'number' ||
        !Number.isFinite(answer.index) ||
        answer.index < 0 ||
        answer.index > indexMax
      ) {
        return invalid(`indeks ${String(answer.index)} di luar rentang 0–${String(indexMax)}`);
      }
      return { ...base, status: 'answered', value: answer.index / indexMax };
    }
  }
}

/** Counts of people or documents: finite and not negative (fractions are tolerated, e.g. from weighted tallies). */
function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
