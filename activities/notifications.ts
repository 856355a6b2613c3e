import { createHash } from 'node:crypto';
import type { NotificationModel } from './models/notification.model';
import type { Mailer } from './mailer';
import type { EmailRenderer } from './templates';

export interface NotificationRequest {
  /** Unique per intended message, e.g. `cycle-launched:<cycleId>`; a retried activity reuses it. */
  dedupeKey: string;
  template: string;
  to: string;
  data: Record<string, unknown>;
}

export type NotificationOutcome =
  { status: 'sent'; messageId: string } | { status: 'already-sent'; messageId?: string };

/**
 * Sends an email at most once per dedupe key: the record is created first (unique _id), a send already marked
 * as delivered is skipped, and a failed send is recorded as `retrying` and rethrown for Temporal to retry.
 */
export function createNotifier(deps: { Notification: NotificationModel; mailer: Mailer; render: EmailRenderer }) {
  const { Notification, mailer, render } = deps;
  return async function sendNotification(request: NotificationRequest): Promise<NotificationOutcome> {
    const email = render(request.template, request.data);
    const record = await Notification.findOneAndUpdate(
      { _id: request.dedupeKey },
      {
        $setOnInsert: {
          template: request.template,
          to: request.to,
          subject: email.subject,
          status: 'pending',
          attempts: 0,
        },
      },
      { upsert: true, new: true },
    ).lean();
    if (record?.status === 'sent') return { status: 'already-sent', messageId: record.messageId };

    const messageId = `<${createHash('sha256').update(request.dedupeKey).digest('hex').slice(0, 32)}@zi-orchestrator>`;
    try {
      await mailer.send({ to: request.to, subject: email.subject, html: email.html, text: email.text, messageId });
    } catch (error) {
      await Notification.updateOne(
        { _id: request.dedupeKey },
        { $set: { status: 'retrying', lastError: String(error) }, $inc: { attempts: 1 } },
      );
      throw error;
    }
    await Notification.updateOne(
      { _id: request.dedupeKey },
      { $set: { status: 'sent', sentAt: new Date(), messageId }, $inc: { attempts: 1 }, $unset: { lastError: 1 } },
    );
    return { status: 'sent', messageId };
  };
}
