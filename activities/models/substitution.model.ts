import { Schema, type Connection, type Model } from 'mongoose';

/** A person away names a substitute for a date range; their tasks route to the substitute meanwhile. */
export interface SubstitutionDocument {
  _id: string;
  /** Who is away. */
  personId: string;
  substituteId: string;
  substituteName: string;
  /** First and last day away, `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
  createdAt: Date;
  updatedAt: Date;
}

const substitutionSchema = new Schema<SubstitutionDocument>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true, index: true },
    substituteId: { type: String, required: true, index: true },
    substituteName: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
  },
  { collection: 'substitutions', timestamps: true, versionKey: false },
);

export type SubstitutionModel = Model<SubstitutionDocument>;

export const substitutionModel = (connection: Connection): SubstitutionModel =>
  connection.models.Substitution ?? connection.model<SubstitutionDocument>('Substitution', substitutionSchema);
