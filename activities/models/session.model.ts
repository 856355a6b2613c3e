import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One signed-in device. Tokens are `<sessionId>.<secret>`: the session is found by id and the secret compared with
 * the stored hash, so a stolen database never yields a usable token.
 */
export interface SessionDocument {
  _id: string;
  personId: string;
  /** sha256 of the current access token's secret, and when it stops working. */
  accessHash: string;
  accessExpiresAt: Date;
  /** sha256 of the current refresh token's secret; rotated on every refresh. */
  refreshHash: string;
  refreshExpiresAt: Date;
  /** The account's sessionVersion when signed in; a higher one on the account ends this session. */
  sessionVersion: number;
  revokedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const sessionSchema = new Schema<SessionDocument>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true, index: true },
    accessHash: { type: String, required: true },
    accessExpiresAt: { type: Date, required: true },
    refreshHash: { type: String, required: true },
    refreshExpiresAt: { type: Date, required: true },
    sessionVersion: { type: Number, required: true },
    revokedAt: Date,
  },
  { collection: 'sessions', timestamps: true, versionKey: false },
);

export type SessionModel = Model<SessionDocument>;

export const sessionModel = (connection: Connection): SessionModel =>
  connection.models.Session ?? connection.model<SessionDocument>('Session', sessionSchema);
