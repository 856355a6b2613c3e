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
  /** The cycle the email belongs to, for the email log's cycle filter; else read from `data` where it names one. */
  cycleId?: string;
  /**
   * Data worth making only for a message that goes out now (a task email's one-time sign-in link): asked for after
   * the log says the message is not sent yet, rendered into it, never stored. `data` holds its keys blank meanwhile.
   */
  sendOnlyData?: () => Promise<Record<string, unknown>>;
}

export type NotificationOutcome =
  | { status: 'sent'; messageId: string }
  | { status: 'already-sent'; messageId?: string }
  | { status: 'failed'; reason: string };

/**
 * Sends an email at most once per dedupe key: the record is created first (unique _id), a send already marked
 * as delivered (or refused for good) is skipped. A transient failure (server down, 4xx) is recorded as `retrying` and
 * rethrown for Temporal to retry; a permanent refusal (5xx, e.g. an unknown mailbox) is recorded as `failed` with the
 * server's reason and not retried, since no retry can change it; Bagian Organisasi can resend after fixing the address.
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
          // Kept so a refused message can be resent to a corrected address (see api/notifications), minus secrets.
          ...storable(request.template, request.data),
          ...cycleOf(request),
        },
      },
      { upsert: true, new: true },
    ).lean();
    if (record?.status === 'sent') return { status: 'already-sent', messageId: record.messageId };
    if (record?.status === 'failed') return { status: 'failed', reason: record.lastError ?? 'ditolak' };
    const sendOnly = await request.sendOnlyData?.();
    const message = sendOnly ? render(request.template, { ...request.data, ...sendOnly }) : email;

    const messageId = `<${createHash('sha256').update(request.dedupeKey).digest('hex').slice(0, 32)}@zi-orchestrator>`;
    // `sending` marks the one moment no store can make exactly-once: between the SMTP server accepting a message and
    // the record saying so. A retry that finds `sending` knows the worker died there; it sends again (a lost reminder
    // costs more than a repeated one), with the same Message-ID so mail clients fold the two, and the log says so.
    await Notification.updateOne(
      { _id: request.dedupeKey },
      record?.status === 'sending'
        ? { $set: { status: 'sending', possibleDuplicate: true } }
        : { $set: { status: 'sending' } },
    );
    try {
      await mailer.send({
        to: request.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId,
      });
    } catch (error) {
      const permanent = isPermanentRefusal(error);
      await Notification.updateOne(
        { _id: request.dedupeKey },
        { $set: { status: permanent ? 'failed' : 'retrying', lastError: String(error) }, $inc: { attempts: 1 } },
      );
      if (permanent) return { status: 'failed', reason: String(error) };
      throw error;
    }
    // The message is out: failing now would make Temporal send it again. So the one write that says so is retried
    // here, through a short database outage, before the activity gives up (and the retry flags a possible duplicate).
    await persistently(() =>
      Notification.updateOne(
        { _id: request.dedupeKey },
        { $set: { status: 'sent', sentAt: new Date(), messageId }, $inc: { attempts: 1 }, $unset: { lastError: 1 } },
      ),
    );
    return { status: 'sent', messageId };
  };
}

/** Retries a write for up to ~20 s (within the email activity's 30 s), then lets the error through. */
async function persistently<T>(write: () => Promise<T>, budgetMs = 20_000): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let delayMs = 250; ; delayMs = Math.min(delayMs * 2, 4000)) {
    try {
      return await write();
    } catch (error) {
      if (Date.now() + delayMs >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/**
 * Emails whose whole point is a one-time token (set a password, reset it). Their data is never stored: a resend would
 * need the token, and a fresh one comes from a re-invitation or a new reset request instead.
 */
/** The cycle an email belongs to: as its sender says, or as its data names it (a task's, or the cycle's own). */
export function cycleOf(request: Pick<NotificationRequest, 'cycleId' | 'data'>): { cycleId?: string } {
  const { data } = request;
  const task = data.task as { cycleId?: unknown } | null | undefined;
  const cycle = data.cycle as { id?: unknown } | null | undefined;
  const cycleId = request.cycleId ?? data.cycleId ?? task?.cycleId ?? cycle?.id;
  return typeof cycleId === 'string' && cycleId !== '' ? { cycleId } : {};
}

export const tokenTemplates: ReadonlySet<string> = new Set(['invitation', 'password-reset']);

/**
 * What the log may keep of an email's data. A task email's single-use sign-in link is blanked (the template renders
 * without it), and token emails keep nothing, so no usable one-time token ever rests in the email log.
 */
export function storable(template: string, data: Record<string, unknown>): { data?: Record<string, unknown> } {
  if (tokenTemplates.has(template)) return {};
  return { data: 'signInLink' in data ? { ...data, signInLink: null } : data };
}

/** SMTP 5xx: the server refuses for good (unknown mailbox, policy). 4xx and network errors are worth retrying. */
export function isPermanentRefusal(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null ? (error as { responseCode?: unknown }).responseCode : undefined;
  return typeof code === 'number' && code >= 500 && code < 600;
}
