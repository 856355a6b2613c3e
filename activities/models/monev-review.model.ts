import { Schema, type Connection, type Model } from 'mongoose';

/** One monev period's verdict for a cycle: each unit's share of approved required tasks against the expected share. */
export interface MonevReviewDocument {
  /** `<cycleId>:<periodKey>`: one review per period, however often the activity is retried. */
  _id: string;
  cycleId: string;
  periodKey: string;
  label: string;
  /** When the period was reviewed (its due instant on the cycle's clock). */
  at: Date;
  expectedShare: number;
  units: { unitCode: string; unitName: string; planned: number; approved: number }[];
  lagging: { unitCode: string; unitName: string; share: number; expected: number; shortfall: number }[];
  createdAt: Date;
}

const monevReviewSchema = new Schema<MonevReviewDocument>(
  {
    _id: { type: String, required: true },
    cycleId: { type: String, required: true, index: true },
    periodKey: { type: String, required: true },
    label: { type: String, required: true },
    at: { type: Date, required: true },
    expectedShare: { type: Number, required: true },
    units: { type: Schema.Types.Mixed, default: [] },
    lagging: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'monev_reviews', timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);

export type MonevReviewModel = Model<MonevReviewDocument>;

export const monevReviewModel = (connection: Connection): MonevReviewModel =>
  connection.models.MonevReview ?? connection.model<MonevReviewDocument>('MonevReview', monevReviewSchema);
