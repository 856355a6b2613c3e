import { localDayOf } from '../../domain/calendar';
import { scoreAssessment, type AssessmentResult, type LkeAnswers, type LkeTemplate } from '../../domain/lke';
import { badRequest, HttpProblem, type FieldError } from '../problem';
import { answerErrors, unknownQuestionErrors } from './answer-check';
import type { ScoreBody, WorkbookBody } from './assessment.schemas';
import { lkeWorkbook, workbookBuffer, type WorkbookLayer } from './lke-workbook';
import type { LkeTemplateService } from './lke-template.service';

/** Like a registry reference elsewhere in the API: the body is well formed, but names a template that is not there. */
const unknownTemplate = (id: string) =>
  new HttpProblem(422, 'Permintaan ditolak', `body.templateId: templat LKE ${id} tidak ditemukan`, {
    errors: [{ field: 'body.templateId', message: `templat LKE ${id} tidak ditemukan` }],
  });

export interface Workbook {
  fileName: string;
  content: Buffer;
}

/**
 * Previews of an assessment for anyone signed in: the full breakdown up to the predicate, and the LKE workbook.
 * Nothing is stored; the penilaian workflow records its own scores with the same functions.
 */
export class AssessmentService {
  constructor(private readonly deps: { templates: LkeTemplateService; now: () => Date }) {}

  async score(body: ScoreBody): Promise<AssessmentResult> {
    const template = await this.template(body.templateId);
    refuse(answerErrors(template, body.answers as LkeAnswers, 'body.answers'));
    return this.scoreWith(template, body);
  }

  /** The scored answers are the last layer; `layers` are the earlier ones, shown before them. */
  async workbook(body: WorkbookBody): Promise<Workbook> {
    const template = await this.template(body.templateId);
    const earlier = body.layers ?? [];
    const scored: WorkbookLayer = {
      label: body.label ?? (earlier.length > 0 ? 'Nilai akhir' : 'Penilaian mandiri'),
      answers: body.answers as LkeAnswers,
      ...(body.notes ? { notes: body.notes } : {}),
      ...(body.evidence ? { evidence: body.evidence } : {}),
    };
    const layers: WorkbookLayer[] = [...earlier.map((layer) => layer as WorkbookLayer), scored];
    refuse([
      ...earlier.flatMap((layer, index) => layerErrors(template, layer as WorkbookLayer, `body.layers.${index}`)),
      ...layerErrors(template, scored, 'body'),
    ]);
    const result = this.scoreWith(template, body);
    const workbook = lkeWorkbook(template, layers, result, body.title ? { title: body.title } : {});
    return {
      // Template ids already read as LKE (`lke-zi-2027-v1`).
      fileName: `${template.id}-${result.assessmentDate}.xlsx`,
      content: await workbookBuffer(workbook),
    };
  }

  private scoreWith(template: LkeTemplate, body: ScoreBody): AssessmentResult {
    return scoreAssessment({
      template,
      answers: body.answers as LkeAnswers,
      priorPredicate: body.priorPredicate ?? null,
      ...(body.revokedAt ? { revokedAt: body.revokedAt } : {}),
      // Instansi dates are read in WIB unless a unit says otherwise; a preview has no unit.
      assessmentDate: body.assessmentDate ?? localDayOf(this.deps.now(), 'WIB'),
    });
  }

  private async template(id: string): Promise<LkeTemplate> {
    const template = await this.deps.templates.find(id);
    if (!template) throw unknownTemplate(id);
    return template;
  }
}

function layerErrors(template: LkeTemplate, layer: WorkbookLayer, at: string): FieldError[] {
  return [
    ...answerErrors(template, layer.answers, `${at}.answers`),
    ...unknownQuestionErrors(template, layer.notes, `${at}.notes`),
    ...unknownQuestionErrors(template, layer.evidence, `${at}.evidence`),
  ];
}

function refuse(errors: FieldError[]): void {
  if (errors.length > 0) throw badRequest(errors);
}
