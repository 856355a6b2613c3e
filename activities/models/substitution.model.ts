import { Schema, type Connection, type Model } from 'mongoose';

/** A person away names a substitute for a date range; their tasks route to the substitute meanwhile. */
export interface SubstitutionDocument {
  _id: string;
  /** Who is away. */
  personId: string;
  personName: string;
  /** Who acts on their tasks meanwhile (a person id: the lower-cased email). */
  substituteId: string;
  substituteName: string;
  /** Who named the substitute: the person away, or Bagian Organisasi for them. */
  createdBy: string;
  /** First and last day away, `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
  createdAt: Date;
  updatedAt: Date;
}

const substitutionSchema = new Schema<SubstitutionDocument>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    personName: { type: String, required: true },
    substituteId: { type: String, required: true },
    substituteName: { type: String, required: true },
    createdBy: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
  },
  { collection: 'substitutions', timestamps: true, versionKey: false },
);
// A person's own substitutions (overlap check, listing) and who a substitute stands in for today (inbox, actions).
substitutionSchema.index({ personId: 1, from: 1 });
substitutionSchema.index({ substituteId: 1, from: 1 });

export type SubstitutionModel = Model<SubstitutionDocument>;

export const substitutionModel = (connection: Connection): SubstitutionModel =>
  connection.models.Substitution ?? connection.model<SubstitutionDocument>('Substitution', substitutionSchema);
