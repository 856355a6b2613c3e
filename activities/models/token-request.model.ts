import { Schema, type Connection, type Model } from 'mongoose';

/** The one-time tokens an email carries (sign-in links are written by task emails without a request). */
export const emailTokenKinds = ['invitation', 'password_reset'] as const;
export type EmailTokenKind = (typeof emailTokenKinds)[number];

/**
 * An email the API queued that will carry a one-time token (invitation, password reset). The API records the request;
 * the email's activity mints the token when it sends (activities/token-emails.ts), so no token travels through
 * Temporal. Revoking a person's tokens revokes their pending requests too, so an email still waiting (SMTP down)
 * mints nothing usable after a re-invitation, a password change or a deactivation.
 */
export interface TokenRequestDocument {
  /** The email's dedupe key (`invitation:<personId>:<id>`). */
  _id: string;
  kind: EmailTokenKind;
  personId: string;
  /** Set when the person's tokens of this kind were revoked; the email then mints nothing. */
  revokedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const tokenRequestSchema = new Schema<TokenRequestDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: emailTokenKinds, required: true },
    personId: { type: String, required: true },
    revokedAt: Date,
  },
  { collection: 'token_requests', timestamps: true, versionKey: false },
);
// Revoking a person's pending requests of a kind; whether an invitation was ever queued for them.
tokenRequestSchema.index({ personId: 1, kind: 1 });

export type TokenRequestModel = Model<TokenRequestDocument>;

export const tokenRequestModel = (connection: Connection): TokenRequestModel =>
  connection.models.TokenRequest ?? connection.model<TokenRequestDocument>('TokenRequest', tokenRequestSchema);
