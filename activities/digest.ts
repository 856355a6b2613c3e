import { toInstant, type IndonesianZone, type IsoDate } from '../domain/calendar';
import type { Participant } from '../domain/people';
import { formatDay, formatInstant, linksFor, type SendNotification } from './lifecycle-notifications';
import type { DigestItemModel } from './models/digest-item.model';
import type { NotificationOutcome } from './notifications';

export interface DigestDeps {
  DigestItem: DigestItemModel;
  send: SendNotification;
  /** Base URL for links in emails. */
  publicUrl: string;
}

/** A notification held back for a person who chose one morning email instead of single ones. */
export interface QueueDigestItemInput {
  /** The dedupe key the single email would have had; becomes the item's id, so a retry queues it once. */
  dedupeKey: string;
  cycleId: string;
  personId: string;
  /** The recipient's email address. */
  to: string;
  /** The recipient's name. */
  name: string;
  /** What the single email would have been: `task-reminder`, `task-escalation`, … */
  kind: string;
  /** One-line summary in Bahasa Indonesia, e.g. "Pengingat: tenggat 1 hari kerja lagi: SK Tim Kerja (DPMPTSP)". */
  subject: string;
  taskId?: string;
  /** Deep link the digest lists with the summary. */
  link: string;
  /**
   * ISO instant when the workflow decided on the notification, on the cycle's clock: the same clock that sets
   * `sendDigest`'s cutoff (a compressed rehearsal clock is far from the wall clock, so the activity's `Date.now()`
   * would put items on the wrong side of the cutoff).
   */
  queuedAt: string;
}

export interface SendDigestInput {
  cycleId: string;
  cycleName: string;
  recipient: Participant;
  /** The instansi's local day the digest is for (`YYYY-MM-DD`). */
  day: IsoDate;
  /** ISO instant: items queued at or before it go into this digest, later ones into the next. */
  cutoff: string;
  zone: IndonesianZone;
}

export type DigestOutcome =
  | { status: 'empty'; items: 0 }
  /** The recipient has no email address: nothing is taken, so the items wait for a digest that can be sent. */
  | { status: 'no-email'; items: 0 }
  | (NotificationOutcome & { items: number });

export function createDigestActivities(deps: DigestDeps) {
  const { DigestItem, send } = deps;
  const links = linksFor(deps.publicUrl);

  return {
    /** Stores the item unless it is already stored (insert-only: a retry, or a later call, changes nothing). */
    async queueDigestItem(item: QueueDigestItemInput): Promise<'queued' | 'already-queued'> {
      const { dedupeKey, taskId, queuedAt, ...fields } = item;
      try {
        const result = await DigestItem.updateOne(
          { _id: dedupeKey },
          { $setOnInsert: { ...fields, ...(taskId ? { taskId } : {}), queuedAt: toInstant(queuedAt) } },
          { upsert: true },
        );
        return result.upsertedCount > 0 ? 'queued' : 'already-queued';
      } catch (error) {
        // Two attempts racing on the same new id: one inserts, the other's upsert collides on _id.
        if (isDuplicateKey(error)) return 'already-queued';
        throw error;
      }
    },

    /**
     * Sends a person's digest for one day: takes their waiting items queued up to the cutoff, then emails them all
     * at once (deduped per person and day).
     *
     * Why a retry after a crash at any point neither sends twice nor loses an item:
     * - The items are taken (`digestedOn = day`) *before* the email is sent, and the email lists exactly the items
     *   taken for the day. A crash after taking leaves them taken and unsent; the retry loads the same items and
     *   sends them. A crash after sending makes the retry find the digest's dedupe key delivered: no second email.
     *   Items are never deleted, so a taken item is always in the day's email, which is retried until delivered.
     * - Only the first attempt takes items: once any item carries this day, a retry sends what is there and takes
     *   nothing new. Otherwise an item queued late (its activity delayed) with `queuedAt` before the cutoff could be
     *   taken by a retry *after* the email went out, and be marked digested without ever being mailed. Anything not
     *   taken (such a late item, or what a crash in the middle of `updateMany` left behind) stays waiting and goes
     *   into the next day's digest, whose cutoff is later.
     * - The cutoff fixes which items belong to the day independently of when the activity happens to run: an item
     *   queued after it is never taken by this day's digest, however late the first attempt or a retry runs.
     * No transactions are needed: each write is a single-document upsert or an idempotent `updateMany`.
     */
    async sendDigest(input: SendDigestInput): Promise<DigestOutcome> {
      const { cycleId, recipient, day } = input;
      const to = recipient.email?.trim();
      if (!to) return { status: 'no-email', items: 0 };
      const cutoff = toInstant(input.cutoff);
      const mine = { cycleId, personId: recipient.personId };

      const alreadyTaken = await DigestItem.exists({ ...mine, digestedOn: day });
      if (!alreadyTaken) {
        await DigestItem.updateMany(
          { ...mine, digestedOn: { $exists: false }, queuedAt: { $lte: cutoff } },
          { $set: { digestedOn: day } },
        );
      }
      const items = await DigestItem.find({ ...mine, digestedOn: day })
        .sort({ queuedAt: 1, _id: 1 })
        .lean();
      if (items.length === 0) return { status: 'empty', items: 0 };

      const outcome = await send({
        dedupeKey: `digest:${cycleId}:${recipient.personId}:${day}`,
        template: 'daily-digest',
        to,
        cycleId,
        data: {
          recipient,
          cycleName: input.cycleName,
          dayText: formatDay(day),
          items: items.map((item) => ({
            subject: item.subject,
            link: item.link,
            queuedText: formatInstant(item.queuedAt, input.zone),
          })),
          link: links.cycle(cycleId),
        },
      });
      return { ...outcome, items: items.length };
    },
  };
}

export type DigestActivities = ReturnType<typeof createDigestActivities>;

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
