/** How LKE questions and answers read in a workbook cell, in the words of the spreadsheet TPI uses. */
import { formatScore, type LkeAnswer, type LkeQuestion, type LkeTemplate } from '../../domain/lke';

/** What a question can be answered with: its criteria per option, the counts it asks for, or the index range. */
export function optionsText(template: LkeTemplate, question: LkeQuestion): string {
  switch (question.answerType) {
    case 'ya_tidak':
      return question.options.map((option) => option.label).join(' / ');
    case 'abc':
    case 'abcd':
    case 'abcde':
      return question.options.map((option) => `${option.code}. ${option.label}`).join('\n');
    case 'persentase':
      return `${question.numeratorLabel} ÷ ${question.denominatorLabel}`;
    case 'indeks':
      return `Indeks 0–${String(template.conversion.indexMax)}`;
  }
}

/** The answer as given: the option's code (Ya/Tidak in words), the two counts, or the index; blank when missing. */
export function answerText(question: LkeQuestion, answer: LkeAnswer | null | undefined): string {
  if (answer === undefined || answer === null) return '';
  switch (answer.kind) {
    case 'option': {
      const wanted = answer.option.trim().toLowerCase();
      const option =
        'options' in question ? question.options.find((candidate) => candidate.code.toLowerCase() === wanted) : null;
      if (!option) return answer.option;
      return question.answerType === 'ya_tidak' ? option.label : option.code;
    }
    case 'counts':
      return `${String(answer.numerator)} / ${String(answer.denominator)}`;
    case 'index':
      return formatScore(answer.index);
  }
}
