/** Short constructors for the default template's data, so the area files read like the LKE itself. */
import type {
  ChoiceQuestion,
  IndexQuestion,
  LkeHasilIndicator,
  LkeQuestion,
  LkeSubArea,
  PercentageQuestion,
} from '../types';

export function subArea(id: string, name: string, weight: number, questions: readonly LkeQuestion[]): LkeSubArea {
  return { id, name, weight, questions };
}

export function hasilIndicator(
  id: string,
  name: string,
  group: string,
  weight: number,
  questions: readonly LkeQuestion[],
): LkeHasilIndicator {
  return { id, name, group, weight, questions };
}

export function yaTidak(id: string, text: string, requiredEvidence: readonly string[]): ChoiceQuestion {
  return {
    id,
    text,
    answerType: 'ya_tidak',
    options: [
      { code: 'ya', label: 'Ya' },
      { code: 'tidak', label: 'Tidak' },
    ],
    requiredEvidence,
  };
}

const letterTypes = { 3: 'abc', 4: 'abcd', 5: 'abcde' } as const;
const letters = ['A', 'B', 'C', 'D', 'E'];

/** A lettered question; the answer type follows from the number of criteria (3 → A/B/C … 5 → A–E), best first. */
export function pilihan(
  id: string,
  text: string,
  criteria:
    | readonly [string, string, string]
    | readonly [string, string, string, string]
    | readonly [string, string, string, string, string],
  requiredEvidence: readonly string[],
): ChoiceQuestion {
  return {
    id,
    text,
    answerType: letterTypes[criteria.length],
    options: criteria.map((label, index) => ({ code: letters[index] ?? '?', label })),
    requiredEvidence,
  };
}

export function persentase(
  id: string,
  text: string,
  counts: { readonly numerator: string; readonly denominator: string; readonly zeroDenominatorValue?: number },
  requiredEvidence: readonly string[],
): PercentageQuestion {
  return {
    id,
    text,
    answerType: 'persentase',
    numeratorLabel: counts.numerator,
    denominatorLabel: counts.denominator,
    ...(counts.zeroDenominatorValue === undefined ? {} : { zeroDenominatorValue: counts.zeroDenominatorValue }),
    requiredEvidence,
  };
}

export function indeks(id: string, text: string, requiredEvidence: readonly string[]): IndexQuestion {
  return { id, text, answerType: 'indeks', requiredEvidence };
}
