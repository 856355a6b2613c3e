import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One notification held back for a person's daily digest instead of being emailed on its own. The id is the
 * dedupe key the single email would have had (e.g. `task-reminder:<taskId>#<seq>:<personId>`), so a retried
 * activity queues it once. `digestedOn` is set when a digest takes the item, before that digest is sent.
 */
export interface DigestItemDocument {
  _id: string;
  cycleId: string;
  personId: string;
  /** The recipient's email address when the item was queued. */
  to: string;
  /** The recipient's name when the item was queued. */
  name: string;
  /** What the single email would have been: `task-reminder`, `task-escalation`, … */
  kind: string;
  /** One-line summary in Bahasa Indonesia, as the digest lists it. */
  subject: string;
  taskId?: string;
  link: string;
  /** When the workflow decided on the notification, on the cycle's clock (the one `sendDigest`'s cutoff uses). */
  queuedAt: Date;
  /** The local day (`YYYY-MM-DD`) of the digest that took the item; absent while it waits. */
  digestedOn?: string;
  createdAt: Date;
  updatedAt: Date;
}

const digestItemSchema = new Schema<DigestItemDocument>(
  {
    _id: { type: String, required: true },
    cycleId: { type: String, required: true },
    personId: { type: String, required: true },
    to: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    subject: { type: String, required: true },
    taskId: String,
    link: { type: String, required: true },
    queuedAt: { type: Date, required: true },
    digestedOn: String,
  },
  { collection: 'digest_items', timestamps: true, versionKey: false },
);
// A person's waiting items (digestedOn absent) and one day's digest (digestedOn = day).
digestItemSchema.index({ cycleId: 1, personId: 1, digestedOn: 1 });

export type DigestItemModel = Model<DigestItemDocument>;

export const digestItemModel = (connection: Connection): DigestItemModel =>
  connection.models.DigestItem ?? connection.model<DigestItemDocument>('DigestItem', digestItemSchema);
