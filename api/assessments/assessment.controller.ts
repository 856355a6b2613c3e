import type { Request, Response } from 'express';
import { principalOf } from '../auth/authenticate';
import type { ApiContext } from '../context';
import type { ScoreBody, WorkbookBody } from './assessment.schemas';
import { AssessmentService } from './assessment.service';
import { xlsxContentType } from './lke-workbook';
import { LkeTemplateService } from './lke-template.service';
import type { LkeTemplate } from '../../domain/lke';

/** HTTP only: status codes, headers and downloads; the services decide what is allowed and what is valid. */
export function assessmentController(context: Pick<ApiContext, 'models' | 'now'>) {
  // Built per request: the app is also built without servers (OpenAPI, unit tests), when the context is empty.
  const templates = () => {
    const { LkeTemplate, AuditEvent } = context.models;
    return new LkeTemplateService({ LkeTemplate, AuditEvent, now: context.now });
  };
  const assessments = () => new AssessmentService({ templates: templates(), now: context.now });
  return {
    async listTemplates(_req: Request, res: Response) {
      res.json({ items: await templates().list() });
    },
    async getTemplate(req: Request, res: Response) {
      res.json(await templates().get(String(req.params.id)));
    },
    async publishTemplate(req: Request, res: Response) {
      const published = await templates().publish(principalOf(req), req.body as LkeTemplate);
      res
        .status(201)
        .location(`/api/v1/assessments/templates/${encodeURIComponent(published.id)}`)
        .json(published);
    },
    async score(req: Request, res: Response) {
      res.json(await assessments().score(req.body as ScoreBody));
    },
    async workbook(req: Request, res: Response) {
      const { fileName, content } = await assessments().workbook(req.body as WorkbookBody);
      res.type(xlsxContentType).attachment(fileName).send(content);
    },
  };
}
