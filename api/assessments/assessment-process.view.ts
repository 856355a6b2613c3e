/**
 * How an assessment reads over HTTP: the stored process with its progress (answers and evidence per area), a live
 * score preview of the layer working now, and what may happen next. Pure: the service loads, this shapes.
 */
import type { AssessmentDocument, UnitPredicateDocument } from '../../activities/models/assessment.model';
import { answerProgress, effectiveAnswers } from '../../domain/assessment-answers';
import {
  answerWindow,
  assessmentPhaseLabels,
  awaitsPredikat,
  layerLabel,
  nextTpnStage,
  unitLayer,
  type FollowUp,
} from '../../domain/assessment-process';
import type { IsoDate } from '../../domain/calendar';
import { scoreAssessment, type LkeTemplate } from '../../domain/lke';

export const assessmentIdOf = (cycleId: string, unitCode: string): string => `penilaian:${cycleId}:${unitCode}`;

/** The layer a preview scores: the one working now, or the last once the TPI is done. */
export function previewLayer(document: Pick<AssessmentDocument, 'phase' | 'currentLayer' | 'layers'>): string {
  return ['mandiri', 'review', 'tindak_lanjut'].includes(document.phase)
    ? document.currentLayer
    : document.layers.at(-1)!;
}

/** The predicate history as scoring takes it: what the unit holds, and its latest revocation. */
export function priorOf(history: UnitPredicateDocument | null | undefined) {
  const revokedAt = history?.revocations
    .map((revocation) => revocation.date)
    .sort()
    .at(-1);
  return { priorPredicate: history?.current ?? null, ...(revokedAt ? { revokedAt } : {}) };
}

export function assessmentDetail(
  document: AssessmentDocument,
  template: LkeTemplate,
  history: UnitPredicateDocument | null,
  today: IsoDate,
) {
  const progress = answerProgress(
    template,
    effectiveAnswers([unitLayer], document.answers, unitLayer),
    document.evidence,
  );
  const layer = previewLayer(document);
  const preview = scoreAssessment({
    template,
    answers: effectiveAnswers(document.layers, document.answers, layer),
    ...priorOf(history),
    assessmentDate: today,
  });
  const window = answerWindow({ ...document, followUps: document.followUps.map(followUpView) });
  return {
    ...summaryFields(document),
    cycleName: document.cycleName ?? null,
    templateId: document.templateId,
    templateVersion: document.templateVersion ?? template.version,
    layers: document.layers,
    layerLabels: Object.fromEntries(document.layers.map((code) => [code, layerLabel(code)])),
    /** Who may write answers now, and to which questions. */
    answerWindow: window ?? null,
    progress,
    preview: { layer, result: preview },
    answers: document.answers,
    evidence: document.evidence,
    followUps: document.followUps.map(followUpView),
    result: document.result ?? null,
    proposal: document.proposal ?? null,
    tpn: document.tpn ?? {},
    nextTpnStage: ['diusulkan', 'tpn'].includes(document.phase)
      ? (nextTpnStage({ tpn: document.tpn ?? {} }) ?? null)
      : null,
    awaitingPredikat: awaitsPredikat({ phase: document.phase, tpn: document.tpn ?? {} }),
    predikat: document.predikat ?? null,
    history: document.history ?? [],
  };
}

/** One row of the list: where the unit stands, its score and predicate, and what it failed. */
export function assessmentSummary(document: AssessmentDocument) {
  return summaryFields(document);
}

function summaryFields(document: AssessmentDocument) {
  return {
    id: assessmentIdOf(document.cycleId, document.unitCode),
    cycleId: document.cycleId,
    unitCode: document.unitCode,
    unitName: document.unitName ?? document.unitCode,
    phase: document.phase,
    phaseLabel: assessmentPhaseLabels[document.phase],
    currentLayer: document.currentLayer,
    score: document.result?.total.score ?? null,
    eligiblePredicate: document.eligiblePredicate ?? null,
    failures: (document.result?.failures ?? []).map((failure) => `${failure.predicate}: ${failure.message}`),
    proposalApproved: Boolean(document.proposal?.approvedBy),
    proposalDeadline: document.proposal?.deadline ?? null,
    submittedAt: document.proposal?.submittedAt ?? null,
    predikat: document.predikat?.predicate ?? null,
    outcomeNote: document.outcomeNote ?? null,
    updatedAt: document.updatedAt,
  };
}

/** Follow-up dates as ISO strings, as the workflow holds them. */
export function followUpView({ closedAt, ...followUp }: AssessmentDocument['followUps'][number]): FollowUp {
  return {
    ...followUp,
    due: new Date(followUp.due).toISOString(),
    requestedBy: followUp.requestedBy ?? '',
    requestedAt: followUp.requestedAt ? new Date(followUp.requestedAt).toISOString() : '',
    ...(closedAt ? { closedAt: new Date(closedAt).toISOString() } : {}),
  };
}
