import { Schema, type Connection, type Model } from 'mongoose';
import type { Grant } from '../../domain/access';
import { roleCodes } from '../../domain/roles';

export const accountStatuses = ['invited', 'active', 'deactivated'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

/**
 * A person who can sign in. The id is the normalised email (`personIdOf`), the same id the workflows give people,
 * so a task assigned by email reaches the account without a lookup table.
 */
export interface AccountDocument {
  _id: string;
  email: string;
  name: string;
  /** argon2id; absent until the invitation is accepted. */
  passwordHash?: string;
  status: AccountStatus;
  grants: Grant[];
  /** Bumped on sign-out everywhere, password change and deactivation: older sessions stop working. */
  sessionVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

const grantSchema = new Schema<Grant>(
  { role: { type: String, enum: roleCodes, required: true }, unitCode: String },
  { _id: false },
);

const accountSchema = new Schema<AccountDocument>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, required: true },
    passwordHash: String,
    status: { type: String, enum: accountStatuses, required: true },
    grants: { type: [grantSchema], default: [] },
    sessionVersion: { type: Number, default: 0 },
  },
  { collection: 'accounts', timestamps: true, versionKey: false },
);
accountSchema.index({ 'grants.unitCode': 1 });

export type AccountModel = Model<AccountDocument>;

export const accountModel = (connection: Connection): AccountModel =>
  connection.models.Account ?? connection.model<AccountDocument>('Account', accountSchema);
