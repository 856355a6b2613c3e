import type { Request, Response } from 'express';
import type { AssessmentDocument } from '../../activities/models/assessment.model';
import { principalOf } from '../auth/authenticate';
import type { ApiContext } from '../context';
import type {
  CompleteLayerBody,
  LayerAnswerBody,
  ListAssessmentsQuery,
  RecordProposalBody,
  RecordTpnBody,
  UnitAnswerBody,
} from './assessment-process.schemas';
import { AssessmentProcessService, type AssessmentRef } from './assessment-process.service';
import { xlsxContentType } from './lke-workbook';
import { sendEvidenceFile } from '../tasks/evidence-upload';

/** Path parameters, validated by the route's schema before the handler runs. */
const param = (req: Request, name: string): string => String(req.params[name]);
const refOf = (req: Request): AssessmentRef => ({ cycleId: param(req, 'cycleId'), unitCode: param(req, 'unitCode') });

/** HTTP only: status codes, headers and picking fields from the request; the service decides everything else. */
export function assessmentProcessController(context: ApiContext) {
  // Built per request: the app is also built without dependencies (OpenAPI document, unit tests).
  const service = () => new AssessmentProcessService(context);
  return {
    async list(req: Request, res: Response) {
      res.json(await service().list(principalOf(req), req.query as unknown as ListAssessmentsQuery));
    },
    async get(req: Request, res: Response) {
      res.json(await service().get(principalOf(req), refOf(req)));
    },
    async answerAsUnit(req: Request, res: Response) {
      res.json(
        await service().answerAsUnit(
          principalOf(req),
          refOf(req),
          param(req, 'questionId'),
          req.body as UnitAnswerBody,
        ),
      );
    },
    async answerAsLayer(req: Request, res: Response) {
      const body = req.body as LayerAnswerBody;
      res.json(
        await service().answerAsLayer(
          principalOf(req),
          refOf(req),
          param(req, 'layer'),
          param(req, 'questionId'),
          body,
        ),
      );
    },
    async workbook(req: Request, res: Response) {
      const { fileName, content } = await service().workbook(principalOf(req), refOf(req));
      res.type(xlsxContentType).attachment(fileName).send(content);
    },
    async submit(req: Request, res: Response) {
      res.json(await service().submit(principalOf(req), refOf(req), (req.body as { note?: string }).note));
    },
    async completeLayer(req: Request, res: Response) {
      const body = req.body as CompleteLayerBody;
      res.json(await service().completeLayer(principalOf(req), refOf(req), param(req, 'layer'), body));
    },
    async approveProposal(req: Request, res: Response) {
      res.json(await service().approveProposal(principalOf(req), refOf(req), (req.body as { note?: string }).note));
    },
    async recordProposal(req: Request, res: Response) {
      res.json(await service().recordProposal(principalOf(req), refOf(req), req.body as RecordProposalBody));
    },
    async recordTpn(req: Request, res: Response) {
      res.json(await service().recordTpn(principalOf(req), refOf(req), req.body as RecordTpnBody));
    },
    /** Before the upload is read: the assessment must be open and the caller one who may add evidence. */
    uploadTarget: (async (req, res) => {
      res.locals.assessment = await service().uploadTarget(principalOf(req), refOf(req));
    }) as (req: Request, res: Response) => Promise<void>,
    async upload(req: Request, res: Response) {
      const assessment = res.locals.assessment as AssessmentDocument;
      const { document, file } = req.body as { document: string; file: Express.Multer.File };
      const stored = await service().upload(principalOf(req), assessment, document, file);
      res
        .status(201)
        .location(`/api/v1/assessments/${assessment.cycleId}/${assessment.unitCode}/files/${stored.fileId}`)
        .json({ fileId: stored.fileId, ref: stored.ref, name: stored.name, size: stored.size });
    },
    async files(req: Request, res: Response) {
      res.json({ items: await service().listFiles(principalOf(req), refOf(req)) });
    },
    async download(req: Request, res: Response, next: (error?: unknown) => void) {
      sendEvidenceFile(res, next, await service().download(principalOf(req), refOf(req), param(req, 'fileId')));
    },
  };
}
