import { Schema, type Connection, type Model } from 'mongoose';

export const oneTimeTokenKinds = ['invitation', 'password_reset', 'sign_in_link'] as const;
export type OneTimeTokenKind = (typeof oneTimeTokenKinds)[number];

/**
 * A single-use, short-lived token sent by email (invitation, password reset, sign-in link to a task). Stored by the
 * sha256 of the token, so the database never holds a usable one; used once by an atomic `usedAt` update.
 */
export interface OneTimeTokenDocument {
  /** sha256 (hex) of the token. */
  _id: string;
  kind: OneTimeTokenKind;
  personId: string;
  expiresAt: Date;
  usedAt?: Date;
  /** Where a sign-in link leads (a task id). */
  target?: string;
  createdAt: Date;
  updatedAt: Date;
}

const oneTimeTokenSchema = new Schema<OneTimeTokenDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: oneTimeTokenKinds, required: true },
    personId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: Date,
    target: String,
  },
  { collection: 'one_time_tokens', timestamps: true, versionKey: false },
);

export type OneTimeTokenModel = Model<OneTimeTokenDocument>;

export const oneTimeTokenModel = (connection: Connection): OneTimeTokenModel =>
  connection.models.OneTimeToken ?? connection.model<OneTimeTokenDocument>('OneTimeToken', oneTimeTokenSchema);
