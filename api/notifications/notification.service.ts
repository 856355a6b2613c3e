import type { AuditEventModel } from '../../activities/models/audit-event.model';
import type { NotificationDocument, NotificationModel } from '../../activities/models/notification.model';
import { tokenTemplates, type NotificationRequest } from '../../activities/notifications';
import type { Principal } from '../../domain/access';
import { requireEverywhere } from '../access';
import { recordChange } from '../audit-trail';
import { afterKey, decodeCursor, defaultPageSize, escapeRegex, pageOf, type Page } from '../page';
import { conflict, notFound } from '../problem';
import type { ListNotificationsQuery, ResendBody } from './notification.schemas';

export interface NotificationView {
  id: string;
  template: string;
  cycleId?: string;
  to: string;
  subject: string;
  status: NotificationDocument['status'];
  attempts: number;
  lastError?: string;
  possibleDuplicate: boolean;
  sentAt?: string;
  /** Resends of this message, oldest first. */
  resentAs: string[];
  /** The message this one resends. */
  resendOf?: string;
  createdAt?: string;
  updatedAt?: string;
}

/** `<id>~resend-<n>`: the dedupe key of the n-th resend; asking twice for the same n sends once. */
export const resendKey = (id: string, n: number): string => `${id}~resend-${n}`;
const resendOf = (id: string): string | undefined => /^(.+)~resend-\d+$/.exec(id)?.[1];

/**
 * The email log (Bagian Organisasi only, instansi-wide): what was sent to whom, how delivery went, and a resend of
 * what a mail server refused for good, after fixing the address.
 */
export class NotificationService {
  constructor(
    private readonly deps: {
      Notification: NotificationModel;
      AuditEvent: AuditEventModel;
      queueEmail: (request: NotificationRequest) => Promise<void>;
      now: () => Date;
    },
  ) {}

  async list(principal: Principal, query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    requireEverywhere(principal, 'notification.read');
    const limit = query.limit ?? defaultPageSize;
    const createdAt: Record<string, Date> = {};
    if (query.from) createdAt.$gte = new Date(query.from);
    if (query.until) createdAt.$lte = new Date(query.until);
    const conditions: Record<string, unknown>[] = [
      ...(query.status ? [{ status: { $in: query.status } }] : []),
      ...(query.to ? [{ to: { $regex: `^${escapeRegex(query.to)}$`, $options: 'i' } }] : []),
      ...(query.template ? [{ template: query.template }] : []),
      ...(query.cycle ? [{ cycleId: query.cycle }] : []),
      ...(Object.keys(createdAt).length > 0 ? [{ createdAt }] : []),
    ];
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, ['date', 'string'] as const);
      conditions.push(afterKey('createdAt', at, id, -1));
    }
    const records = await this.deps.Notification.find(conditions.length > 0 ? { $and: conditions } : {}, { data: 0 })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit + 1)
      .lean();
    return pageOf(records, limit, (record) => [record.createdAt.toISOString(), record._id], view);
  }

  async get(principal: Principal, id: string): Promise<NotificationView> {
    requireEverywhere(principal, 'notification.read');
    return view(await this.find(id));
  }

  /**
   * Queues the message again as a new email (its own record and delivery status), to the same address or a corrected
   * one. Only a refused (`failed`) message: anything else is delivered or still on its way, and a resend would
   * duplicate it.
   */
  async resend(principal: Principal, id: string, body: ResendBody) {
    requireEverywhere(principal, 'notification.resend');
    const original = await this.deps.Notification.findById(id).lean();
    if (!original) throw notFound(`Email ${id}`);
    if (original.status !== 'failed') {
      throw conflict(`Email ${id} berstatus ${original.status}: hanya email yang gagal terkirim dapat dikirim ulang`);
    }
    if (tokenTemplates.has(original.template)) throw conflict(tokenResendAdvice(id, original.template));
    if (!original.data) {
      throw conflict(`Email ${id} tercatat sebelum isi email disimpan, sehingga tidak dapat dikirim ulang`);
    }
    const dedupeKey = resendKey(id, (original.resentAs?.length ?? 0) + 1);
    const to = body.to ?? original.to;
    // Queued first, noted after: a request that fails between the two is retried under the same key, and sends once.
    await this.deps.queueEmail({
      dedupeKey,
      template: original.template,
      to,
      data: original.data,
      ...(original.cycleId ? { cycleId: original.cycleId } : {}),
    });
    await this.deps.Notification.updateOne({ _id: id }, { $addToSet: { resentAs: dedupeKey } });
    await recordChange(
      this.deps.AuditEvent,
      principal,
      { entity: 'notification', entityId: id, type: 'notification_resent', from: original.to, to, note: dedupeKey },
      this.deps.now(),
    );
    return { id: dedupeKey, resendOf: id, to, status: 'pending' };
  }

  private async find(id: string): Promise<NotificationDocument> {
    const record = await this.deps.Notification.findById(id, { data: 0 }).lean();
    if (!record) throw notFound(`Email ${id}`);
    return record;
  }
}

/** A token email is never resent (its token is not kept): a new invitation or reset issues a fresh one. */
function tokenResendAdvice(id: string, template: string): string {
  const instead =
    template === 'invitation'
      ? 'kirim undangan baru dengan POST /api/v1/people/:id/reinvite'
      : 'minta atur ulang kata sandi baru dengan POST /api/v1/auth/password-reset';
  return `Email ${id} memuat tautan sekali pakai yang tidak disimpan, sehingga tidak dapat dikirim ulang: ${instead}`;
}

/** What the log shows; never the template data, which may hold a one-time sign-in link. */
function view(record: NotificationDocument): NotificationView {
  const original = resendOf(record._id);
  return {
    id: record._id,
    template: record.template,
    ...(record.cycleId ? { cycleId: record.cycleId } : {}),
    to: record.to,
    subject: record.subject,
    status: record.status,
    attempts: record.attempts ?? 0,
    ...(record.lastError ? { lastError: record.lastError } : {}),
    possibleDuplicate: record.possibleDuplicate ?? false,
    ...(record.sentAt ? { sentAt: record.sentAt.toISOString() } : {}),
    resentAs: record.resentAs ?? [],
    ...(original ? { resendOf: original } : {}),
    createdAt: record.createdAt?.toISOString(),
    updatedAt: record.updatedAt?.toISOString(),
  };
}
