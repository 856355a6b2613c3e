import type { Readable } from 'node:stream';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { AssessmentDocument } from '../../activities/models/assessment.model';
import { canSeeUnit, may, visibleUnits, type Principal } from '../../domain/access';
import { effectiveAnswers, gapsText, missingDocuments, submissionGaps } from '../../domain/assessment-answers';
import { answerWindow, isClosedPhase, layerLabel, unitLayer } from '../../domain/assessment-process';
import {
  defaultDueTime,
  instantAt,
  isIndonesianZone,
  isIsoDate,
  localDayOf,
  type IndonesianZone,
} from '../../domain/calendar';
import { findQuestion, scoreAssessment, scoreQuestion, type LkeAnswer, type LkeTemplate } from '../../domain/lke';
import {
  approveProposalUpdate,
  assessmentWorkflowId,
  completeLayerUpdate,
  recordProposalUpdate,
  recordTpnUpdate,
  submitAssessmentUpdate,
  type AssessmentView,
} from '../../workflows/definitions';
import { requireInUnit } from '../access';
import { recordChange } from '../audit-trail';
import type { ApiContext } from '../context';
import { HttpProblem, badRequest, conflict, forbidden, notFound, type FieldError } from '../problem';
import { EvidenceStore, type StoredEvidence } from '../tasks/evidence-store';
import { safeFileName } from '../tasks/evidence-types';
import { participantIn } from '../tasks/task.service';
import { answerErrors } from './answer-check';
import type {
  CompleteLayerBody,
  LayerAnswerBody,
  ListAssessmentsQuery,
  RecordProposalBody,
  RecordTpnBody,
  UnitAnswerBody,
} from './assessment-process.schemas';
import {
  assessmentDetail,
  assessmentIdOf,
  assessmentSummary,
  followUpView,
  previewLayer,
  priorOf,
} from './assessment-process.view';
import { lkeWorkbook, workbookBuffer, type WorkbookLayer } from './lke-workbook';
import { LkeTemplateService } from './lke-template.service';
import { answerText } from './lke-workbook-text';

export type AssessmentProcessContext = Pick<
  ApiContext,
  'models' | 'mongo' | 'temporal' | 'timeWorkflowCall' | 'now' | 'config'
>;

export interface AssessmentRef {
  cycleId: string;
  unitCode: string;
}

const notStarted = (ref: AssessmentRef) => notFound(`Penilaian unit ${ref.unitCode} pada siklus ${ref.cycleId}`);
const closed = (document: AssessmentDocument) =>
  conflict(`Penilaian ${document.unitCode} sudah selesai (${document.phase}); tidak dapat diubah lagi`);

/**
 * The penilaian of each unit over HTTP. Answers and evidence are written here, straight to the read model, while the
 * workflow's phase allows (the write is conditional on the phase, so a phase that moved meanwhile answers 409); every
 * step of the process (submit, layers, proposal, TPN) is an update of the unit's assessment workflow, which decides
 * with the domain rules and answers once its change is persisted.
 */
export class AssessmentProcessService {
  private readonly files: EvidenceStore;

  constructor(private readonly context: AssessmentProcessContext) {
    this.files = new EvidenceStore(context.mongo);
  }

  /** The units of a cycle the caller may see, with phase, score, predicate and failed conditions. */
  async list(principal: Principal, query: ListAssessmentsQuery) {
    if (query.unit) requireInUnit(principal, 'assessment.read', query.unit, `Unit ${query.unit}`);
    const visible = visibleUnits(principal);
    const units = query.unit ? [query.unit] : visible === 'all' ? undefined : visible;
    const found = await this.context.models.Assessment.find(
      {
        cycleId: query.cycle,
        ...(units ? { unitCode: { $in: units } } : {}),
        ...(query.phase ? { phase: query.phase } : {}),
      },
      { answers: 0, evidence: 0 },
    )
      .sort({ unitCode: 1 })
      .limit(1000)
      .lean();
    return { items: found.map((document) => assessmentSummary(document as AssessmentDocument)) };
  }

  async get(principal: Principal, ref: AssessmentRef) {
    requireInUnit(principal, 'assessment.read', ref.unitCode, `Penilaian unit ${ref.unitCode}`);
    return this.detail(await this.document(ref));
  }

  /**
   * The unit's LKE workbook (xlsx): one column group per layer up to the one working now (each showing the answers it
   * stands for, its own notes, the unit's evidence links), scored as the API scores; the final result once there is one.
   */
  async workbook(principal: Principal, ref: AssessmentRef): Promise<{ fileName: string; content: Buffer }> {
    requireInUnit(principal, 'assessment.read', ref.unitCode, `Penilaian unit ${ref.unitCode}`);
    const document = await this.document(ref);
    const [template, history, zone] = await Promise.all([
      this.template(document),
      this.context.models.UnitPredicate.findById(document.unitCode).lean(),
      this.zone(document.cycleId),
    ]);
    const shown = document.layers.slice(0, document.layers.indexOf(previewLayer(document)) + 1);
    const filesBase = `${this.context.config.publicUrl.replace(/\/+$/, '')}/api/v1/assessments/${ref.cycleId}/${ref.unitCode}/files/`;
    const links = Object.fromEntries(
      Object.entries(document.evidence).map(([questionId, byDocument]) => [
        questionId,
        Object.entries(byDocument).flatMap(([name, refs]) =>
          refs.map((value) => ({
            document: name,
            url: value.startsWith('file:') ? filesBase + value.slice(5) : value,
          })),
        ),
      ]),
    );
    const layers: WorkbookLayer[] = shown.map((layer) => ({
      label: layerLabel(layer),
      answers: effectiveAnswers(document.layers, document.answers, layer),
      notes: Object.fromEntries(
        Object.entries(document.answers[layer] ?? {}).flatMap(([questionId, given]) =>
          given.note ? [[questionId, given.note]] : [],
        ),
      ),
      ...(layer === unitLayer ? { evidence: links } : {}),
    }));
    const final = shown.length === document.layers.length && document.result ? document.result : undefined;
    const result =
      final ??
      scoreAssessment({
        template,
        answers: layers.at(-1)!.answers,
        ...priorOf(history),
        assessmentDate: localDayOf(this.context.now(), zone),
      });
    const title = `${document.unitName ?? document.unitCode}${document.cycleName ? ` — ${document.cycleName}` : ''}`;
    return {
      fileName: `lke-${document.cycleId}-${document.unitCode}.xlsx`,
      content: await workbookBuffer(lkeWorkbook(template, layers, result, { title })),
    };
  }

  /** The unit's own answer (and evidence per required document) during mandiri, or tindak lanjut for its questions. */
  async answerAsUnit(principal: Principal, ref: AssessmentRef, questionId: string, body: UnitAnswerBody) {
    requireInUnit(principal, 'assessment.answer', ref.unitCode, `Penilaian unit ${ref.unitCode}`);
    const document = await this.document(ref);
    const window = answerWindow(processOf(document));
    if (!window || window.layer !== unitLayer) {
      throw conflict(
        'Jawaban unit hanya dapat diubah pada penilaian mandiri, atau pada tindak lanjut untuk pertanyaan yang ' +
          `dikembalikan TPI (tahap sekarang: ${document.phase})`,
      );
    }
    if (window.questionIds !== 'all' && !window.questionIds.includes(questionId)) {
      throw conflict(`Pertanyaan ${questionId} tidak termasuk pertanyaan yang dikembalikan untuk tindak lanjut`);
    }
    const template = await this.template(document);
    const question = this.question(template, questionId);
    const errors = this.answerProblems(template, questionId, body.answer);
    const evidence = body.evidence ?? {};
    for (const [name, refs] of Object.entries(evidence)) {
      if (!question.requiredEvidence.includes(name)) {
        errors.push({
          field: `body.evidence.${name}`,
          message: `dokumen ini tidak diminta untuk pertanyaan ${questionId}; yang diminta: ${question.requiredEvidence.join(', ')}`,
        });
      }
      errors.push(...(await this.fileRefProblems(ref, refs, `body.evidence.${name}`)));
    }
    if (errors.length > 0) throw badRequest(errors);

    const given = {
      answer: body.answer,
      ...(body.note ? { note: body.note } : {}),
      by: principal.personId,
      at: this.context.now(),
    };
    const merged = { ...(document.evidence[questionId] ?? {}), ...evidence };
    await this.write(
      document,
      { phase: document.phase, currentLayer: unitLayer },
      {
        [`answers.${unitLayer}.${questionId}`]: given,
        ...(body.evidence ? { [`evidence.${questionId}`]: merged } : {}),
      },
    );
    await this.audit(
      principal,
      document,
      'answer',
      `${layerLabel(unitLayer)}: ${questionId} = ${this.shown(template, questionId, body.answer)}`,
      body.note,
    );
    return this.answerView(template, questionId, unitLayer, given, merged);
  }

  /** A TPI layer's own answer and note to a question, while that layer reviews. */
  async answerAsLayer(
    principal: Principal,
    ref: AssessmentRef,
    layer: string,
    questionId: string,
    body: LayerAnswerBody,
  ) {
    requireInUnit(principal, 'assessment.review', ref.unitCode, `Penilaian unit ${ref.unitCode}`);
    const document = await this.document(ref);
    if (!document.layers.includes(layer) || layer === unitLayer) throw notFound(`Lapis penilai ${layer}`);
    if (document.phase !== 'review' || document.currentLayer !== layer) {
      throw conflict(
        `Lapis ${layerLabel(layer)} tidak sedang menilai (tahap ${document.phase}, lapis ${layerLabel(document.currentLayer)})`,
      );
    }
    const template = await this.template(document);
    this.question(template, questionId);
    const errors = this.answerProblems(template, questionId, body.answer);
    if (errors.length > 0) throw badRequest(errors);
    const given = {
      answer: body.answer,
      ...(body.note ? { note: body.note } : {}),
      by: principal.personId,
      at: this.context.now(),
    };
    await this.write(document, { phase: 'review', currentLayer: layer }, { [`answers.${layer}.${questionId}`]: given });
    await this.audit(
      principal,
      document,
      'answer',
      `${layerLabel(layer)}: ${questionId} = ${this.shown(template, questionId, body.answer)}`,
      body.note,
    );
    return this.answerView(template, questionId, layer, given, document.evidence[questionId]);
  }

  /** The ketua tim sends the penilaian mandiri to the TPI: 422 naming every missing answer and document first. */
  async submit(principal: Principal, ref: AssessmentRef, note?: string) {
    requireInUnit(principal, 'assessment.answer', ref.unitCode, `Penilaian unit ${ref.unitCode}`);
    const document = await this.document(ref);
    if (document.phase === 'mandiri') {
      const template = await this.template(document);
      const gaps = submissionGaps(
        template,
        effectiveAnswers([unitLayer], document.answers, unitLayer),
        document.evidence,
      );
      if (gaps.missingAnswers.length > 0 || gaps.missingEvidence.length > 0) {
        throw new HttpProblem(422, 'Penilaian mandiri belum lengkap', gapsText(gaps), {
          errors: [
            ...gaps.missingAnswers.map((id) => ({ field: `answers.${id}`, message: 'belum dijawab' })),
            ...gaps.missingEvidence.flatMap(({ questionId, documents }) =>
              documents.map((name) => ({
                field: `evidence.${questionId}.${name}`,
                message: 'data dukung belum dilampirkan',
              })),
            ),
          ],
          missingAnswers: gaps.missingAnswers,
          missingEvidence: gaps.missingEvidence,
        });
      }
    }
    const actor = participantIn(principal, ref.unitCode);
    return this.step(document, submitAssessmentUpdate, { actor, ...(note ? { note } : {}) });
  }

  /** A TPI layer forwards the LKE, or sends questions back to the unit with a deadline. */
  async completeLayer(principal: Principal, ref: AssessmentRef, layer: string, body: CompleteLayerBody) {
    requireInUnit(principal, 'assessment.review', ref.unitCode, `Penilaian unit ${ref.unitCode}`);
    const document = await this.document(ref);
    if (!document.layers.includes(layer) || layer === unitLayer) throw notFound(`Lapis penilai ${layer}`);
    const template = await this.template(document);
    const unknown = (body.questionIds ?? []).flatMap((questionId, index) =>
      findQuestion(template, questionId)
        ? []
        : [
            {
              field: `body.questionIds.${index}`,
              message: `pertanyaan ${questionId} tidak ada dalam templat ${template.id}`,
            },
          ],
    );
    if (unknown.length > 0) throw badRequest(unknown);
    const due = body.due
      ? isIsoDate(body.due)
        ? instantAt(body.due, defaultDueTime, await this.zone(ref.cycleId)).toISOString()
        : new Date(body.due).toISOString()
      : undefined;
    return this.step(document, completeLayerUpdate, {
      actor: participantIn(principal, ref.unitCode),
      layer,
      decision: body.decision,
      ...(body.questionIds ? { questionIds: body.questionIds } : {}),
      ...(due ? { due } : {}),
      ...(body.note ? { note: body.note } : {}),
    });
  }

  async approveProposal(principal: Principal, ref: AssessmentRef, note?: string) {
    requireInUnit(principal, 'assessment.approve', ref.unitCode, `Penilaian unit ${ref.unitCode}`);
    const document = await this.document(ref);
    return this.step(document, approveProposalUpdate, {
      actor: participantIn(principal, ref.unitCode),
      ...(note ? { note } : {}),
    });
  }

  async recordProposal(principal: Principal, ref: AssessmentRef, body: RecordProposalBody) {
    requireInUnit(principal, 'assessment.record', ref.unitCode, `Penilaian unit ${ref.unitCode}`);
    const document = await this.document(ref);
    const errors = (
      await Promise.all(
        Object.entries(body.documents).map(([name, value]) =>
          this.fileRefProblems(ref, [value], `body.documents.${name}`),
        ),
      )
    ).flat();
    if (errors.length > 0)
      throw badRequest(errors.map((error) => ({ ...error, field: error.field.replace(/\.0$/, '') })));
    return this.step(document, recordProposalUpdate, {
      actor: participantIn(principal, ref.unitCode),
      submittedAt: body.submittedAt,
      documents: body.documents,
    });
  }

  async recordTpn(principal: Principal, ref: AssessmentRef, body: RecordTpnBody) {
    requireInUnit(principal, 'assessment.record', ref.unitCode, `Penilaian unit ${ref.unitCode}`);
    const document = await this.document(ref);
    return this.step(document, recordTpnUpdate, {
      actor: participantIn(principal, ref.unitCode),
      stage: body.stage,
      result: body.result,
      date: body.date,
      ...(body.note ? { note: body.note } : {}),
    });
  }

  /**
   * Checked before a byte of an upload is read: the unit's team (answers and evidence) or Bagian Organisasi (the
   * proposal's documents) may upload while the assessment is open.
   */
  async uploadTarget(principal: Principal, ref: AssessmentRef): Promise<AssessmentDocument> {
    if (!canSeeUnit(principal, ref.unitCode)) throw notFound(`Penilaian unit ${ref.unitCode}`);
    if (!may(principal, 'assessment.answer', ref.unitCode) && !may(principal, 'assessment.record', ref.unitCode)) {
      throw forbidden(`Peran Anda di unit ${ref.unitCode} tidak mengizinkan ini`);
    }
    const document = await this.document(ref);
    if (isClosedPhase(document.phase)) throw closed(document);
    return document;
  }

  async upload(
    principal: Principal,
    document: AssessmentDocument,
    name: string,
    file: { originalname: string; mimetype: string; buffer: Buffer },
  ): Promise<StoredEvidence> {
    const fileName = safeFileName(file.originalname);
    const owner = assessmentIdOf(document.cycleId, document.unitCode);
    // The store keys files by their owner's id (a task's, here the assessment's): a file is read back through it only.
    const stored = await this.files.save(fileName, file.buffer, {
      taskId: owner,
      cycleId: document.cycleId,
      unitCode: document.unitCode,
      document: name,
      uploadedBy: principal.personId,
      contentType: file.mimetype.split(';')[0]!.trim().toLowerCase(),
    });
    await this.audit(
      principal,
      document,
      'evidence_uploaded',
      stored.ref,
      `${name}: ${fileName} (${stored.size} bita)`,
    );
    return stored;
  }

  /** The files uploaded to the assessment, oldest first, with their names, documents and who uploaded them. */
  async listFiles(principal: Principal, ref: AssessmentRef): Promise<StoredEvidence[]> {
    requireInUnit(principal, 'assessment.read', ref.unitCode, `Penilaian unit ${ref.unitCode}`);
    await this.document(ref);
    return this.files.list(assessmentIdOf(ref.cycleId, ref.unitCode));
  }

  async download(
    principal: Principal,
    ref: AssessmentRef,
    fileId: string,
  ): Promise<{ file: StoredEvidence; content: Readable }> {
    requireInUnit(principal, 'assessment.read', ref.unitCode, `Penilaian unit ${ref.unitCode}`);
    const file = await this.files.find(assessmentIdOf(ref.cycleId, ref.unitCode), fileId);
    if (!file) throw notFound('Berkas');
    return { file, content: this.files.open(file.fileId) };
  }

  // ---- helpers ----

  private async document(ref: AssessmentRef): Promise<AssessmentDocument> {
    const document = await this.context.models.Assessment.findById(`${ref.cycleId}:${ref.unitCode}`).lean();
    if (!document) throw notStarted(ref);
    return document as AssessmentDocument;
  }

  private templates() {
    const { LkeTemplate, AuditEvent } = this.context.models;
    return new LkeTemplateService({ LkeTemplate, AuditEvent, now: this.context.now });
  }

  private async template(document: AssessmentDocument): Promise<LkeTemplate> {
    const template = await this.templates().find(document.templateId);
    if (!template) throw new Error(`LKE template ${document.templateId} of ${document._id} is gone`);
    return template;
  }

  private question(template: LkeTemplate, questionId: string) {
    const located = findQuestion(template, questionId);
    if (!located) {
      throw badRequest([
        { field: 'params.questionId', message: `pertanyaan ${questionId} tidak ada dalam templat ${template.id}` },
      ]);
    }
    return located.question;
  }

  private answerProblems(template: LkeTemplate, questionId: string, answer: LkeAnswer | null): FieldError[] {
    if (answer === null) return [];
    return answerErrors(template, { [questionId]: answer }, 'body.answers').map((error) => ({
      ...error,
      field: 'body.answer',
    }));
  }

  private shown(template: LkeTemplate, questionId: string, answer: LkeAnswer | null): string {
    const question = findQuestion(template, questionId)?.question;
    return question ? answerText(question, answer) || '(kosong)' : '';
  }

  /** `file:<id>` refs must name files uploaded to this assessment. */
  private async fileRefProblems(ref: AssessmentRef, refs: readonly string[], at: string): Promise<FieldError[]> {
    const wanted = refs.map((value, index) => ({
      index,
      fileId: value.startsWith('file:') ? value.slice(5) : undefined,
    }));
    const ids = wanted.flatMap((entry) => (entry.fileId ? [entry.fileId] : []));
    if (ids.length === 0) return [];
    const existing = await this.files.existing(assessmentIdOf(ref.cycleId, ref.unitCode), ids);
    return wanted
      .filter((entry) => entry.fileId !== undefined && !existing.has(entry.fileId))
      .map((entry) => ({ field: `${at}.${entry.index}`, message: 'berkas tidak ditemukan pada penilaian ini' }));
  }

  /** A conditional write: only while the phase (and layer) the caller saw still hold. */
  private async write(
    document: AssessmentDocument,
    expected: Partial<AssessmentDocument>,
    set: Record<string, unknown>,
  ) {
    const { matchedCount } = await this.context.models.Assessment.updateOne(
      { _id: document._id, ...expected },
      { $set: set },
    );
    if (matchedCount === 0) throw conflict('Tahap penilaian baru saja berubah; muat ulang dan coba lagi');
  }

  private async audit(principal: Principal, document: AssessmentDocument, type: string, to: string, note?: string) {
    await recordChange(
      this.context.models.AuditEvent,
      principal,
      {
        entity: 'assessment',
        entityId: assessmentIdOf(document.cycleId, document.unitCode),
        type,
        cycleId: document.cycleId,
        unitCode: document.unitCode,
        to,
        ...(note ? { note } : {}),
      },
      this.context.now(),
    );
  }

  private answerView(
    template: LkeTemplate,
    questionId: string,
    layer: string,
    given: { answer: LkeAnswer | null; note?: string; by: string; at: Date },
    evidence: Readonly<Record<string, readonly string[]>> | undefined,
  ) {
    const question = this.question(template, questionId);
    const scored = scoreQuestion(template, question, given.answer ?? undefined);
    return {
      questionId,
      layer,
      ...given,
      value: scored.value,
      status: scored.status,
      evidence: evidence ?? {},
      missingDocuments: layer === unitLayer ? missingDocuments(question.requiredEvidence, evidence) : [],
    };
  }

  /** One update of the assessment workflow; then the read model as it now stands (the update waits for it). */
  private async step<A>(document: AssessmentDocument, update: UpdateDefinition<AssessmentView, [A]>, arg: A) {
    if (isClosedPhase(document.phase)) throw closed(document);
    const handle = this.context.temporal.workflow.getHandle(assessmentWorkflowId(document.cycleId, document.unitCode));
    try {
      await this.context.timeWorkflowCall('update', () => handle.executeUpdate(update, { args: [arg] }));
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      // Temporal says "not found" for a workflow that has ended, too: the read model tells which it is.
      const now = await this.document(document);
      if (isClosedPhase(now.phase)) throw closed(now);
      throw notStarted(document);
    }
    return this.detail(await this.document(document));
  }

  private async detail(document: AssessmentDocument) {
    const [template, history, zone] = await Promise.all([
      this.template(document),
      this.context.models.UnitPredicate.findById(document.unitCode).lean(),
      this.zone(document.cycleId),
    ]);
    return assessmentDetail(document, template, history, localDayOf(this.context.now(), zone));
  }

  /** The cycle's zone (dates without a time are read in it); WIB for an assessment without a cycle record. */
  private async zone(cycleId: string): Promise<IndonesianZone> {
    const cycle = await this.context.models.Cycle.findById(cycleId, { zone: 1 }).lean();
    return cycle?.zone && isIndonesianZone(cycle.zone) ? cycle.zone : 'WIB';
  }
}

/** The process fields of a stored assessment, as the domain's rules read them. */
function processOf(document: AssessmentDocument) {
  return {
    phase: document.phase,
    currentLayer: document.currentLayer,
    followUps: document.followUps.map(followUpView),
  };
}
