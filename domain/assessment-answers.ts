/**
 * Reading an assessment's answers: what each layer's answers amount to, and how far the unit's penilaian mandiri has
 * come (answers and evidence per area). Pure: shared by the API (progress, previews), the activities (the final score)
 * and the unit tests.
 */
import type { LkeAnswer, LkeAnswers } from './lke/assessment-types';
import { questionsOf } from './lke/queries';
import type { LkeTemplate } from './lke/types';

/** One layer's answer to one question, as stored: who gave it, when, and their note. */
export interface StoredLayerAnswer {
  answer: LkeAnswer | null;
  note?: string;
  by: string;
  at: Date | string;
}

/** layer → questionId → answer. */
export type LayerAnswers = Readonly<Record<string, Readonly<Record<string, StoredLayerAnswer>> | undefined>>;
/** questionId → required document → evidence refs. */
export type QuestionEvidence = Readonly<Record<string, Readonly<Record<string, readonly string[]>> | undefined>>;

/**
 * The answers a layer stands for: its own answers, and for every question it left alone, the answer of the layer
 * before it (a reviewer who does not change an answer agrees with it, as the spreadsheet's column defaults to the one
 * on its left). So the last layer's effective answers are what the final score counts, and a revision the unit makes
 * during tindak lanjut reaches every layer that has not answered that question itself.
 */
export function effectiveAnswers(layers: readonly string[], answers: LayerAnswers, layer: string): LkeAnswers {
  const upTo = layers.indexOf(layer);
  if (upTo < 0) throw new RangeError(`unknown layer ${layer}`);
  const effective: Record<string, LkeAnswer> = {};
  for (const current of layers.slice(0, upTo + 1)) {
    for (const [questionId, given] of Object.entries(answers[current] ?? {})) {
      // null clears the layer's answer: the question counts as unanswered from this layer on.
      if (given.answer === null) delete effective[questionId];
      else effective[questionId] = given.answer;
    }
  }
  return effective;
}

/** Whether a layer gave this question an answer of its own (rather than carrying the one before it). */
export const answeredBy = (answers: LayerAnswers, layer: string, questionId: string): boolean =>
  Object.hasOwn(answers[layer] ?? {}, questionId);

export interface AreaProgress {
  /** An area code, or `hasil` for the komponen hasil. */
  id: string;
  name: string;
  total: number;
  answered: number;
  /** Questions whose every required document has at least one piece of evidence. */
  evidenceComplete: number;
}

export interface MissingEvidence {
  questionId: string;
  documents: string[];
}

export interface AnswerProgress {
  total: number;
  answered: number;
  evidenceComplete: number;
  areas: AreaProgress[];
  /** Unanswered question ids, in LKE order. */
  missingAnswers: string[];
  /** Questions lacking evidence for some required document, in LKE order. */
  missingEvidence: MissingEvidence[];
}

/** How far a set of answers (and the unit's evidence) covers the template, per area, in LKE order. */
export function answerProgress(template: LkeTemplate, answers: LkeAnswers, evidence: QuestionEvidence): AnswerProgress {
  const areas = new Map<string, AreaProgress>();
  const missingAnswers: string[] = [];
  const missingEvidence: MissingEvidence[] = [];
  for (const { question, location } of questionsOf(template)) {
    const id = location.component === 'hasil' ? 'hasil' : location.area.id;
    const name = location.component === 'hasil' ? 'Komponen hasil' : location.area.name;
    const area = areas.get(id) ?? { id, name, total: 0, answered: 0, evidenceComplete: 0 };
    areas.set(id, area);
    area.total++;
    const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (answer) area.answered++;
    else missingAnswers.push(question.id);
    const lacking = missingDocuments(question.requiredEvidence, evidence[question.id]);
    if (lacking.length === 0) area.evidenceComplete++;
    else missingEvidence.push({ questionId: question.id, documents: lacking });
  }
  const list = [...areas.values()];
  return {
    total: list.reduce((sum, area) => sum + area.total, 0),
    answered: list.reduce((sum, area) => sum + area.answered, 0),
    evidenceComplete: list.reduce((sum, area) => sum + area.evidenceComplete, 0),
    areas: list,
    missingAnswers,
    missingEvidence,
  };
}

/** Required documents of a question without a single evidence ref. */
export function missingDocuments(
  required: readonly string[],
  given: Readonly<Record<string, readonly string[]>> | undefined,
): string[] {
  return required.filter((document) => !(given?.[document] ?? []).some((ref) => ref.trim() !== ''));
}

/**
 * What keeps the unit from submitting its penilaian mandiri (or a tindak lanjut round: only those questions): every
 * question answered, and every required document with evidence. Empty lists: ready.
 */
export function submissionGaps(
  template: LkeTemplate,
  unitAnswers: LkeAnswers,
  evidence: QuestionEvidence,
  onlyQuestions?: readonly string[],
): { missingAnswers: string[]; missingEvidence: MissingEvidence[] } {
  const progress = answerProgress(template, unitAnswers, evidence);
  const wanted = (questionId: string) => !onlyQuestions || onlyQuestions.includes(questionId);
  return {
    missingAnswers: progress.missingAnswers.filter(wanted),
    missingEvidence: progress.missingEvidence.filter((missing) => wanted(missing.questionId)),
  };
}

/** The gaps as one sentence for people (the workflow's refusal, the API's 422 detail). */
export function gapsText(gaps: { missingAnswers: string[]; missingEvidence: MissingEvidence[] }): string {
  const parts: string[] = [];
  const listed = (ids: readonly string[]) => `${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}`;
  if (gaps.missingAnswers.length > 0) {
    parts.push(`${gaps.missingAnswers.length} pertanyaan belum dijawab (${listed(gaps.missingAnswers)})`);
  }
  if (gaps.missingEvidence.length > 0) {
    const ids = gaps.missingEvidence.map((missing) => missing.questionId);
    parts.push(`${ids.length} pertanyaan belum lengkap data dukungnya (${listed(ids)})`);
  }
  return parts.join('; ');
}
