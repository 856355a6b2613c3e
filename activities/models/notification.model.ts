import { Schema, type Connection, type Model } from 'mongoose';

export const deliveryStatuses = ['pending', 'sending', 'sent', 'retrying', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/**
 * One email the system means to send. The id is the dedupe key (e.g. `cycle-launched:<cycleId>`), so however
 * often Temporal retries the activity, the message is recorded, and sent, once.
 */
export interface NotificationDocument {
  _id: string;
  template: string;
  to: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  lastError?: string;
  /** Set when a send was interrupted after it began (worker crash): the recipient may hold this message twice. */
  possibleDuplicate?: boolean;
  messageId?: string;
  sentAt?: Date;
  /**
   * What the template was rendered from, kept so Bagian Organisasi can resend the message after fixing the address.
   * Never shown through the API: it may hold a one-time link.
   */
  data?: Record<string, unknown>;
  /** The cycle the email belongs to, when it belongs to one (for the email log's cycle filter). */
  cycleId?: string;
  /** Dedupe keys of the resends of this message (`<id>~resend-<n>`), oldest first. */
  resentAs?: string[];
  createdAt: Date;
  updatedAt: Date;
}

const notificationSchema = new Schema<NotificationDocument>(
  {
    _id: { type: String, required: true },
    template: { type: String, required: true, index: true },
    to: { type: String, required: true, index: true },
    subject: { type: String, required: true },
    status: { type: String, enum: deliveryStatuses, required: true },
    attempts: { type: Number, default: 0 },
    lastError: String,
    possibleDuplicate: Boolean,
    messageId: String,
    sentAt: Date,
    data: { type: Schema.Types.Mixed },
    cycleId: String,
    resentAs: { type: [String], default: undefined },
  },
  { collection: 'notifications', timestamps: true, versionKey: false },
);
// The email log lists newest first, often narrowed to one delivery status.
notificationSchema.index({ createdAt: -1, _id: -1 });
notificationSchema.index({ status: 1, createdAt: -1 });
notificationSchema.index({ cycleId: 1, createdAt: -1 });

export type NotificationModel = Model<NotificationDocument>;

export const notificationModel = (connection: Connection): NotificationModel =>
  connection.models.Notification ?? connection.model<NotificationDocument>('Notification', notificationSchema);
