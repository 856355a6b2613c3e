import { Schema, type Connection, type Model } from 'mongoose';

/**
 * The exact task catalogue a cycle was launched with, stored once so its unit workflows load it instead of each
 * carrying it in their input: there it went into the cycle's history once per unit (34.8 kB with the default
 * catalogue), about 35 MB at the API's 1,000 units, against Temporal's 50 MB limit on one history.
 */
export interface CycleCatalogueDocument {
  /** The cycle's id. */
  _id: string;
  /** The catalogue as JSON text: it comes back exactly as launched, with no key or empty value rewritten. */
  catalogueJson: string;
  createdAt: Date;
  updatedAt: Date;
}

const cycleCatalogueSchema = new Schema<CycleCatalogueDocument>(
  {
    _id: { type: String, required: true },
    catalogueJson: { type: String, required: true },
  },
  { collection: 'cycle_catalogues', timestamps: true, versionKey: false },
);

export type CycleCatalogueModel = Model<CycleCatalogueDocument>;

export const cycleCatalogueModel = (connection: Connection): CycleCatalogueModel =>
  connection.models.CycleCatalogue ?? connection.model<CycleCatalogueDocument>('CycleCatalogue', cycleCatalogueSchema);
