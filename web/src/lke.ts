/**
 * The LKE as the screens walk it: a template (read once per page load from GET /assessments/templates/:id) laid out
 * per area, half and sub-area, answers in words, and failed conditions named with their shortfall. Values come from
 * the same pure domain functions the server scores with.
 */
import { get } from './api/client';
import type { LkeAnswer, LkeTemplateView } from './api/types';
import type { ConditionFailure } from '../../domain/lke/assessment-types';
import { scoreQuestion } from '../../domain/lke/question-value';
import { halfKinds, halfLabels, type LkeQuestion, type LkeSubArea, type LkeTemplate } from '../../domain/lke/types';
import { formatScore } from './format';

export type { LkeQuestion, LkeSubArea, LkeTemplate };

const templates = new Map<string, Promise<LkeTemplate>>();

/** A template by id; templates never change once published, so one read per page load is enough. */
export function loadTemplate(id: string): Promise<LkeTemplate> {
  let found = templates.get(id);
  if (!found) {
    found = get<LkeTemplateView>(`/assessments/templates/${encodeURIComponent(id)}`).then((view) => view.template);
    found.catch(() => templates.delete(id));
    templates.set(id, found);
  }
  return found;
}

/** One tab of the form: a pengungkit area (its two halves) or the komponen hasil (its sasaran groups). */
export interface LkeSection {
  /** The area code, or `hasil`: the same ids as the API's progress per area. */
  id: string;
  name: string;
  weight: number;
  groups: { title: string; subAreas: LkeSubArea[] }[];
}

export function sectionsOf(template: LkeTemplate): LkeSection[] {
  const sections: LkeSection[] = template.components.pengungkit.areas.map((area) => ({
    id: area.id,
    name: area.name,
    weight: area.weight,
    groups: halfKinds.map((half) => ({ title: halfLabels[half], subAreas: [...area[half].subAreas] })),
  }));
  const hasil = template.components.hasil;
  const groups: LkeSection['groups'] = [];
  for (const indicator of hasil.indicators) {
    const group = groups.find((candidate) => candidate.title === indicator.group);
    if (group) group.subAreas.push(indicator);
    else groups.push({ title: indicator.group, subAreas: [indicator] });
  }
  sections.push({ id: 'hasil', name: 'Komponen hasil', weight: hasil.weight, groups });
  return sections;
}

export const questionsIn = (section: LkeSection): LkeQuestion[] =>
  section.groups.flatMap((group) => group.subAreas.flatMap((subArea) => [...subArea.questions]));

/** The answer in words: the option (with its criterion), the two counts with their share, or the index. */
export function answerText(question: LkeQuestion, answer: LkeAnswer | null | undefined): string {
  if (!answer) return 'Belum dijawab';
  switch (answer.kind) {
    case 'option': {
      const wanted = answer.option.toLowerCase();
      const option = 'options' in question ? question.options.find((o) => o.code.toLowerCase() === wanted) : undefined;
      if (!option) return answer.option;
      return question.answerType === 'ya_tidak' ? option.label : `${option.code}. ${option.label}`;
    }
    case 'counts': {
      const share = answer.denominator > 0 ? ` (${formatScore((answer.numerator / answer.denominator) * 100)}%)` : '';
      return `${answer.numerator} dari ${answer.denominator}${share}`;
    }
    case 'index':
      return `Indeks ${formatScore(answer.index)}`;
  }
}

/** The value of an answer in [0, 1] as the LKE scores it, or undefined when it is missing or invalid. */
export function answerValue(template: LkeTemplate, question: LkeQuestion, answer: LkeAnswer | null | undefined) {
  const scored = scoreQuestion(template, question, answer ?? undefined);
  return scored.status === 'answered' ? scored.value : undefined;
}

/** A failed condition in Indonesian figures: "Reform Penguatan Pengawasan 4,20 < 4,50 (kurang 0,30)". */
export function failureText(failure: ConditionFailure): string {
  if (failure.kind !== 'minimum') return failure.message;
  return `${failure.condition} ${formatScore(failure.actual)} < ${formatScore(failure.required)} (kurang ${formatScore(failure.shortfall)})`;
}

/** The evidence reference as people read it: the link, or the uploaded file's name when known. */
export const isFileRef = (ref: string): boolean => ref.startsWith('file:');
