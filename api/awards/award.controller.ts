import type { Request, Response } from 'express';
import { principalOf } from '../auth/authenticate';
import type { ApiContext } from '../context';
import { queueEmail } from '../email-outbox';
import type { RecordPredikatBody, RevokeBody } from './award.schemas';
import { AwardService } from './award.service';
import { certificateNumber, renderCertificate } from './certificate-pdf';
import { renderCycleReport } from './cycle-report-pdf';
import { fileNameOf, pdfContentType } from './pdf';

/** Path parameters, validated and trimmed by the route's schema before the handler runs. */
const param = (req: Request, name: string): string => String(req.params[name]);

/** The award service on the app's context (also used by cycle launches carrying recommendations forward). */
export function awardServiceOf(context: ApiContext): AwardService {
  return new AwardService({
    models: context.models,
    temporal: context.temporal,
    taskQueue: context.config.temporal.taskQueue,
    publicUrl: context.config.publicUrl,
    allowCompressedClock: context.config.env !== 'production',
    queueEmail: (request) => queueEmail(context, request),
    timeWorkflowCall: context.timeWorkflowCall,
    now: context.now,
  });
}

/** HTTP only: status codes, headers and downloads; the service decides what is allowed and what is valid. */
export function awardController(context: ApiContext) {
  // Built per request: the app is also built without servers (OpenAPI, unit tests), when the context is empty.
  const awards = () => awardServiceOf(context);
  const sendPdf = (res: Response, fileName: string, content: Buffer) => {
    res.type(pdfContentType).attachment(fileName).send(content);
  };
  return {
    async recordPredikat(req: Request, res: Response) {
      const body = req.body as RecordPredikatBody;
      res.json(await awards().recordPredikat(param(req, 'cycleId'), param(req, 'unitCode'), body, principalOf(req)));
    },
    async certificate(req: Request, res: Response) {
      const data = await awards().certificate(param(req, 'cycleId'), param(req, 'unitCode'), principalOf(req));
      sendPdf(res, fileNameOf('piagam', certificateNumber(data)), await renderCertificate(data));
    },
    async report(req: Request, res: Response) {
      const data = await awards().report(param(req, 'cycleId'), principalOf(req));
      sendPdf(res, fileNameOf('laporan-siklus', data.cycle.id), await renderCycleReport(data));
    },
    async recommendations(req: Request, res: Response) {
      const cycleId = param(req, 'cycleId');
      res.json({ cycleId, units: await awards().recommendations(cycleId, principalOf(req)) });
    },
    async history(req: Request, res: Response) {
      res.json(await awards().history(param(req, 'unitCode'), principalOf(req)));
    },
    async revoke(req: Request, res: Response) {
      res.json(await awards().revoke(param(req, 'unitCode'), req.body as RevokeBody, principalOf(req)));
    },
  };
}
