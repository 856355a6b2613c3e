/**
 * The penilaian workflow's activities: the assessment's read model (saved with a seq, like a unit's progress), the
 * template it uses, the checks and the final score that need the answers stored in MongoDB, and its emails.
 */
import { ApplicationFailure } from '@temporalio/common';
import { effectiveAnswers, gapsText, submissionGaps, type MissingEvidence } from '../domain/assessment-answers';
import {
  assessmentPhaseLabels,
  layerLabel,
  tpnResultLabels,
  tpnStageLabels,
  unitLayer,
  type AssessmentProcess,
  type TpnStage,
} from '../domain/assessment-process';
import type { IndonesianZone } from '../domain/calendar';
import type { UnitRef } from '../domain/cycle';
import { defaultLkeTemplate, formatScore, scoreAssessment, type LkeTemplate } from '../domain/lke';
import type { Participant } from '../domain/people';
import { appendAuditEvent, type AuditEntry } from './audit';
import { formatDay, formatInstant, linksFor, type SendNotification } from './lifecycle-notifications';
import type { Models } from './models';
import type { AssessmentDocument } from './models/assessment.model';
import { upsertNewer } from './models/upsert-newer';
import type { NotificationOutcome } from './notifications';

/** The assessment's read model as the workflow reports it. */
export interface AssessmentSnapshot {
  cycleId: string;
  cycleName?: string;
  unit: UnitRef;
  templateId: string;
  templateVersion?: string;
  process: AssessmentProcess;
  /** Increases with every state change; older writes lose. */
  seq: number;
}

/** Where an assessment's answers live, and by which rules they are read. */
export interface AssessmentRef {
  cycleId: string;
  unitCode: string;
  templateId: string;
}

export interface FinalScore {
  total: number;
  predicate: AssessmentDocument['eligiblePredicate'];
  /** Failed conditions, as people read them (WBK first). */
  failures: string[];
  missingAnswers: number;
}

export type AssessmentNotificationKind =
  | 'penilaian-dimulai'
  | 'penilaian-reviu'
  | 'penilaian-hasil'
  | 'penilaian-usulan-disetujui'
  | 'penilaian-tidak-diusulkan'
  | 'penilaian-tpn';

export interface AssessmentNotification {
  kind: AssessmentNotificationKind;
  cycleId: string;
  cycleName: string;
  unit: UnitRef;
  /** The change's seq: part of the dedupe key, so each change is told once. */
  seq: number;
  recipients: Participant[];
  process: AssessmentProcess;
  zone?: IndonesianZone;
  /** For penilaian-hasil: the final score. */
  score?: FinalScore;
  /** For penilaian-tpn: the stage just recorded. */
  tpnStage?: TpnStage;
}

export const assessmentDocumentId = (cycleId: string, unitCode: string): string => `${cycleId}:${unitCode}`;
const entityIdOf = (cycleId: string, unitCode: string) => `penilaian:${cycleId}:${unitCode}`;

/** The template by id: the built-in default, or a published one. */
export async function findLkeTemplate(
  models: Pick<Models, 'LkeTemplate'>,
  id: string,
): Promise<LkeTemplate | undefined> {
  if (id === defaultLkeTemplate.id) return defaultLkeTemplate;
  const stored = await models.LkeTemplate.findById(id, { template: 1 }).lean();
  return stored?.template;
}

export function createAssessmentActivities(deps: { models: Models; send: SendNotification; publicUrl: string }) {
  const { Assessment, AuditEvent, LkeTemplate, UnitPredicate } = deps.models;
  const links = linksFor(deps.publicUrl);

  const template = async (id: string): Promise<LkeTemplate> => {
    const found = await findLkeTemplate(deps.models, id);
    // Launches check the id; a template that is gone is a data error no retry can mend.
    if (!found) throw ApplicationFailure.nonRetryable(`LKE template ${id} not found`, 'LkeTemplateMissing');
    return found;
  };
  const stored = async (ref: AssessmentRef): Promise<AssessmentDocument> => {
    const document = await Assessment.findById(assessmentDocumentId(ref.cycleId, ref.unitCode)).lean();
    if (!document) throw new Error(`assessment ${ref.cycleId}:${ref.unitCode} is not stored yet`);
    return document;
  };

  return {
    /**
     * Marks the template as used by the cycle (published templates list their cycles; the built-in one is not
     * stored) and returns its version, which the read model shows.
     */
    async markLkeTemplateUsed(input: { templateId: string; cycleId: string }): Promise<{ version: string }> {
      const found = await template(input.templateId);
      if (input.templateId !== defaultLkeTemplate.id) {
        await LkeTemplate.updateOne({ _id: input.templateId }, { $addToSet: { usedBy: input.cycleId } });
      }
      return { version: found.version };
    },

    /**
     * Upserts the process fields of the read model unless a newer state is stored, and records what changed. Answers
     * and evidence are the API's to write: this never touches them (they start empty).
     */
    async saveAssessment(input: { snapshot: AssessmentSnapshot; event?: AuditEntry }): Promise<'saved' | 'stale'> {
      const { snapshot, event } = input;
      const { cycleId, unit, process } = snapshot;
      if (event) {
        await appendAuditEvent(
          AuditEvent,
          `${entityIdOf(cycleId, unit.code)}#${snapshot.seq}`,
          { entity: 'assessment', entityId: entityIdOf(cycleId, unit.code), cycleId, unitCode: unit.code },
          event,
        );
      }
      const fields: Partial<AssessmentDocument> = {
        cycleId,
        unitCode: unit.code,
        unitName: unit.name,
        ...(snapshot.cycleName ? { cycleName: snapshot.cycleName } : {}),
        templateId: snapshot.templateId,
        ...(snapshot.templateVersion ? { templateVersion: snapshot.templateVersion } : {}),
        phase: process.phase,
        layers: process.layers,
        currentLayer: process.currentLayer,
        followUps: process.followUps.map(({ closedAt, ...followUp }) => ({
          ...followUp,
          due: new Date(followUp.due),
          requestedAt: new Date(followUp.requestedAt),
          ...(closedAt ? { closedAt: new Date(closedAt) } : {}),
        })),
        proposal: {
          ...process.proposal,
          ...(process.proposal.approvedAt ? { approvedAt: new Date(process.proposal.approvedAt) } : {}),
          ...(process.proposal.recordedAt ? { recordedAt: new Date(process.proposal.recordedAt) } : {}),
        } as AssessmentDocument['proposal'],
        tpn: process.tpn,
        ...(process.eligiblePredicate !== undefined ? { eligiblePredicate: process.eligiblePredicate } : {}),
        ...(process.predikat ? { predikat: process.predikat } : {}),
        ...(process.outcomeNote ? { outcomeNote: process.outcomeNote } : {}),
        history: process.history.map((entry) => ({ ...entry, at: new Date(entry.at) })),
        seq: snapshot.seq,
      };
      return upsertNewer(Assessment, assessmentDocumentId(cycleId, unit.code), snapshot.seq, {
        $set: fields,
        $setOnInsert: { answers: {}, evidence: {} },
      });
    },

    /**
     * What keeps the unit from submitting (every question answered, every required document with evidence), from
     * the answers stored now; only `questionIds` for a tindak lanjut round.
     */
    async assessmentSubmissionGaps(
      input: AssessmentRef & { questionIds?: string[] },
    ): Promise<{ missingAnswers: string[]; missingEvidence: MissingEvidence[]; text: string }> {
      const [rules, document] = await Promise.all([template(input.templateId), stored(input)]);
      const answers = effectiveAnswers([unitLayer], document.answers, unitLayer);
      const gaps = submissionGaps(rules, answers, document.evidence, input.questionIds);
      return { ...gaps, text: gapsText(gaps) };
    },

    /**
     * The final TPI score: the last layer's answers (each layer's own, or the one before it where it left a question
     * alone) scored with the template, against the unit's predicate history (WBBM needs WBK; a revocation bars two
     * years). Stored as the assessment's `result`; the same answers give the same result on a retry.
     */
    async scoreFinalAssessment(
      input: AssessmentRef & { layers: string[]; assessmentDate: string },
    ): Promise<FinalScore> {
      const [rules, document, history] = await Promise.all([
        template(input.templateId),
        stored(input),
        UnitPredicate.findById(input.unitCode).lean(),
      ]);
      const lastLayer = input.layers.at(-1)!;
      const revokedAt = history?.revocations
        .map((revocation) => revocation.date)
        .sort()
        .at(-1);
      const result = scoreAssessment({
        template: rules,
        answers: effectiveAnswers(input.layers, document.answers, lastLayer),
        priorPredicate: history?.current ?? null,
        ...(revokedAt ? { revokedAt } : {}),
        assessmentDate: input.assessmentDate,
      });
      await Assessment.updateOne({ _id: document._id }, { $set: { result, eligiblePredicate: result.predicate } });
      return {
        total: result.total.score,
        predicate: result.predicate,
        failures: result.failures.map((failure) => `${failure.predicate}: ${failure.message}`),
        missingAnswers: result.missingAnswers.length,
      };
    },

    /** One email per recipient with an address, deduped by kind, assessment, change and person. */
    async notifyAssessment(notification: AssessmentNotification): Promise<NotificationOutcome[]> {
      const { process, unit } = notification;
      const zone = notification.zone ?? 'WIB';
      const openRound = process.followUps.at(-1);
      const data = {
        cycleName: notification.cycleName,
        unit,
        phaseLabel: assessmentPhaseLabels[process.phase],
        layerLabel: layerLabel(process.currentLayer),
        deadlineText: formatDay(process.proposal.deadline),
        eligiblePredicate: process.eligiblePredicate ?? null,
        outcomeNote: process.outcomeNote ?? '',
        returned:
          openRound && !openRound.closedAt
            ? { round: openRound.round, dueText: formatInstant(openRound.due, zone) }
            : null,
        score: notification.score ? { ...notification.score, totalText: formatScore(notification.score.total) } : null,
        tpn: notification.tpnStage
          ? {
              stageLabel: tpnStageLabels[notification.tpnStage],
              resultLabel: tpnResultLabels[process.tpn[notification.tpnStage]!.result],
              dateText: formatDay(process.tpn[notification.tpnStage]!.date),
              note: process.tpn[notification.tpnStage]!.note ?? '',
            }
          : null,
        link: `${links.unit(notification.cycleId, unit.code)}/penilaian`,
      };
      const outcomes: NotificationOutcome[] = [];
      // Sequential: a failure stops at one recipient, and the retry skips those already sent.
      for (const recipient of notification.recipients) {
        const to = recipient.email?.trim();
        if (!to) continue;
        outcomes.push(
          await deps.send({
            dedupeKey: `${notification.kind}:${entityIdOf(notification.cycleId, unit.code)}#${notification.seq}:${recipient.personId}`,
            template: notification.kind,
            to,
            cycleId: notification.cycleId,
            data: { recipient, ...data },
          }),
        );
      }
      return outcomes;
    },
  };
}

export type AssessmentActivities = ReturnType<typeof createAssessmentActivities>;
