import type { Request, RequestHandler, Response } from 'express';
import type { TaskDocument } from '../../activities/models/task.model';
import { principalOf } from '../auth/authenticate';
import type { ApiContext } from '../context';
import { TaskService, type TaskAction } from './task.service';
import type { BulkReassignBody, InboxQuery } from './task.schemas';
import { sendEvidenceFile } from './evidence-upload';

/** Path parameters, validated by the route's schema before the handler runs. */
const param = (req: Request, name: string): string => String(req.params[name]);

/** HTTP only: status codes, headers and picking fields from the request; the service decides everything else. */
export function taskController(context: ApiContext) {
  // Built per request: the app is also built without dependencies (OpenAPI document, unit tests).
  const service = () => new TaskService(context);
  const act =
    (action: (req: Request) => TaskAction) =>
    async (req: Request, res: Response): Promise<void> => {
      res.json(await service().act(principalOf(req), param(req, 'id'), action(req)));
    };
  return {
    async inbox(req: Request, res: Response) {
      res.json(await service().inbox(principalOf(req), req.query as unknown as InboxQuery));
    },
    async get(req: Request, res: Response) {
      res.json(await service().get(principalOf(req), param(req, 'id')));
    },
    claim: act(() => ({ kind: 'claim' })),
    submit: act((req) => ({ kind: 'submit', body: req.body })),
    review: act((req) => ({ kind: 'review', body: req.body })),
    reassign: act((req) => ({ kind: 'reassign', body: req.body })),
    extend: act((req) => ({ kind: 'extend', body: req.body })),
    cancel: act((req) => ({ kind: 'cancel', reason: req.body.reason })),
    async bulkReassign(req: Request, res: Response) {
      res.json(await service().bulkReassign(principalOf(req), req.body as BulkReassignBody));
    },
    async comment(req: Request, res: Response) {
      const comment = await service().comment(principalOf(req), param(req, 'id'), req.body.text);
      res.status(201).json(comment);
    },
    /** Before the upload is read: the task must be one the caller may submit to (404/403/409 otherwise). */
    uploadTarget: (async (req, res) => {
      res.locals.task = await service().uploadTarget(principalOf(req), param(req, 'id'));
    }) as (req: Request, res: Response) => Promise<void>,
    async upload(req: Request, res: Response) {
      const task = res.locals.task as TaskDocument;
      const { document, file } = req.body as { document: string; file: Express.Multer.File };
      const stored = await service().upload(principalOf(req), task, document, file);
      res
        .status(201)
        .location(`/api/v1/tasks/${encodeURIComponent(task._id)}/files/${stored.fileId}`)
        .json({ fileId: stored.fileId, ref: stored.ref, name: stored.name, size: stored.size });
    },
    async download(req: Request, res: Response, next: (error?: unknown) => void) {
      sendEvidenceFile(res, next, await service().download(principalOf(req), param(req, 'id'), param(req, 'fileId')));
    },
  };
}

/** Runs an async check as middleware, passing on its error. */
export const middleware =
  (check: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    check(req, res).then(() => next(), next);
  };
