import type { Request, Response } from 'express';
import { principalOf } from '../auth/authenticate';
import type { ApiContext } from '../context';
import { queueEmail } from '../email-outbox';
import type { ListNotificationsQuery, ResendBody } from './notification.schemas';
import { NotificationService } from './notification.service';

const id = (req: Request): string => String(req.params.id);

/** HTTP only: status codes and headers; the service decides who may do what. */
export function notificationController(context: ApiContext) {
  // Built per request: the app is also built without servers (OpenAPI, unit tests), when the context is empty.
  const service = () =>
    new NotificationService({
      Notification: context.models.Notification,
      AuditEvent: context.models.AuditEvent,
      queueEmail: (request) => queueEmail(context, request),
      now: context.now,
    });
  return {
    async list(req: Request, res: Response) {
      res.json(await service().list(principalOf(req), req.query as ListNotificationsQuery));
    },
    async get(req: Request, res: Response) {
      res.json(await service().get(principalOf(req), id(req)));
    },
    async resend(req: Request, res: Response) {
      const resent = await service().resend(principalOf(req), id(req), req.body as ResendBody);
      res
        .status(202)
        .location(`/api/v1/notifications/${encodeURIComponent(resent.id)}`)
        .json(resent);
    },
  };
}
