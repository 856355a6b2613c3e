import { createHash } from 'node:crypto';
import { isDuplicateKey, writeErrorsOf } from './models/upsert-newer';
import type { NotificationDocument, NotificationModel } from './models/notification.model';
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

/** Sends emails at most once per dedupe key: each outcome in the order of the requests. */
export type SendNotifications = (requests: readonly NotificationRequest[]) => Promise<NotificationOutcome[]>;

/**
 * Sends an email at most once per dedupe key: the record is created first (unique _id), a send already marked
 * as delivered (or refused for good) is skipped. A transient failure (server down, 4xx) is recorded as `retrying` and
 * rethrown for Temporal to retry; a permanent refusal (5xx, e.g. an unknown mailbox) is recorded as `failed` with the
 * server's reason and not retried, since no retry can change it; Bagian Organisasi can resend after fixing the address.
 */
export function createNotifier(deps: NotifierDeps): (request: NotificationRequest) => Promise<NotificationOutcome> {
  return oneAtATime(createBatchNotifier(deps));
}

/** The batch notifier asked for one email. */
export const oneAtATime =
  (sendAll: SendNotifications) =>
  async (request: NotificationRequest): Promise<NotificationOutcome> =>
    (await sendAll([request]))[0]!;

/** What to throw for failures collected while trying everything: the one failure itself, or all counted. */
export function oneError(failures: readonly unknown[], what: string): unknown {
  const [first] = failures;
  if (failures.length === 1) return first;
  const reason = first instanceof Error ? first.message : String(first);
  return new Error(`${failures.length} ${what} not sent yet: ${reason}`, { cause: first });
}

interface NotifierDeps {
  Notification: NotificationModel;
  mailer: Mailer;
  render: EmailRenderer;
}

type Delivery = Pick<NotificationDocument, 'status' | 'messageId' | 'lastError'>;
interface Rendered {
  request: NotificationRequest;
  email: ReturnType<EmailRenderer>;
}
interface Going extends Rendered {
  /** The log says `sending`: an earlier attempt died between handing the message over and recording it. */
  interrupted: boolean;
}

/**
 * The notifier for many emails at once (a unit opening a stage sends one per task): the same rules per message as
 * `createNotifier`, with the log's claims and the sign-in links made for the whole batch at once: two database round
 * trips per message (marking it `sending`, recording it sent) instead of five. Every message is tried even when one
 * fails; then a transient failure is thrown (the first, or all of them counted) for
 * Temporal to retry the batch, whose dedupe keys keep what was sent from going twice.
 */
export function createBatchNotifier(deps: NotifierDeps): SendNotifications {
  const { Notification, mailer, render } = deps;

  /** Creates the records not there yet; what is stored already (a retry, or a key sent before) is read back. */
  async function claim(requests: readonly Rendered[]): Promise<Map<string, Delivery>> {
    const keys = requests.map(({ request }) => request.dedupeKey);
    let stored = keys;
    try {
      const result = await Notification.bulkWrite(
        requests.map(({ request, email }) => ({
          updateOne: {
            filter: { _id: request.dedupeKey },
            update: {
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
            upsert: true,
          },
        })),
        { ordered: false },
      );
      const created = new Set(Object.values(result.upsertedIds ?? {}).map(String));
      stored = keys.filter((key) => !created.has(key));
    } catch (error) {
      // Another attempt created a record meanwhile (duplicate key): it is read back with the rest.
      const failed = writeErrorsOf(error);
      if (failed.length === 0 || !failed.every(isDuplicateKey)) throw error;
    }
    if (stored.length === 0) return new Map();
    const records = await Notification.find({ _id: { $in: stored } }, { status: 1, messageId: 1, lastError: 1 }).lean();
    return new Map(records.map((record) => [String(record._id), record]));
  }

  return async function sendAll(requests) {
    // One message per dedupe key, however often a batch names it.
    const unique = [...new Map(requests.map((request) => [request.dedupeKey, request])).values()];
    if (unique.length === 0) return [];
    const rendered = unique.map((request) => ({ request, email: render(request.template, request.data) }));
    const stored = await claim(rendered);
    const outcomes = new Map<string, NotificationOutcome>();
    const going: Going[] = [];
    for (const { request, email } of rendered) {
      const record = stored.get(request.dedupeKey);
      if (record?.status === 'sent')
        outcomes.set(request.dedupeKey, { status: 'already-sent', messageId: record.messageId });
      else if (record?.status === 'failed')
        outcomes.set(request.dedupeKey, { status: 'failed', reason: record.lastError ?? 'ditolak' });
      else going.push({ request, email, interrupted: record?.status === 'sending' });
    }
    const failures = going.length > 0 ? await deliver(going, outcomes) : [];
    if (failures.length > 0) throw oneError(failures, 'emails');
    return requests.map((request) => outcomes.get(request.dedupeKey)!);
  };

  /** Sends the messages the log does not hold as sent or refused; returns the transient failures. */
  async function deliver(going: Going[], outcomes: Map<string, NotificationOutcome>): Promise<unknown[]> {
    const sendOnly = await Promise.all(going.map(({ request }) => request.sendOnlyData?.()));
    const failures: unknown[] = [];
    // One at a time, each marked `sending` just before its own SMTP transaction: `sending` marks the one moment no
    // store can make exactly-once, between the server accepting a message and the record saying so. A retry that finds
    // `sending` knows the worker died there; it sends again (a lost reminder costs more than a repeated one), with the
    // same Message-ID so mail clients fold the two, and the log says so. Marking the batch at once would save round
    // trips but flag every message still queued behind it when a worker dies (81 flags for 2 repeats, measured).
    for (const [index, { request, email, interrupted }] of going.entries()) {
      const key = request.dedupeKey;
      const extra = sendOnly[index];
      const message = extra ? render(request.template, { ...request.data, ...extra }) : email;
      const messageId = messageIdOf(key);
      await Notification.updateOne(
        { _id: key },
        interrupted ? { $set: { status: 'sending', possibleDuplicate: true } } : { $set: { status: 'sending' } },
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
          { _id: key },
          { $set: { status: permanent ? 'failed' : 'retrying', lastError: String(error) }, $inc: { attempts: 1 } },
        );
        if (permanent) outcomes.set(key, { status: 'failed', reason: String(error) });
        else failures.push(error);
        continue;
      }
      // The message is out: failing now would make Temporal send it again. So the write that says so is retried
      // here, through a short database outage, before the activity gives up (and the retry flags a possible duplicate).
      await persistently(() =>
        Notification.updateOne(
          { _id: key },
          {
            $set: { status: 'sent', sentAt: new Date(), messageId },
            $inc: { attempts: 1 },
            $unset: { lastError: 1 },
          },
        ),
      );
      outcomes.set(key, { status: 'sent', messageId });
    }
    return failures;
  }
}

/** The same Message-ID for every attempt at one message, so mail clients fold a repeated one. */
const messageIdOf = (dedupeKey: string) =>
  `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@zi-orchestrator>`;

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

/** The cycle an email belongs to: as its sender says, or as its data names it (a task's, or the cycle's own). */
export function cycleOf(request: Pick<NotificationRequest, 'cycleId' | 'data'>): { cycleId?: string } {
  const { data } = request;
  const task = data.task as { cycleId?: unknown } | null | undefined;
  const cycle = data.cycle as { id?: unknown } | null | undefined;
  const cycleId = request.cycleId ?? data.cycleId ?? task?.cycleId ?? cycle?.id;
  return typeof cycleId === 'string' && cycleId !== '' ? { cycleId } : {};
}

/**
 * Emails whose whole point is a one-time token (set a password, reset it). Their data is never stored: a resend would
 * need the token, and a fresh one comes from a re-invitation or a new reset request instead.
 */
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
