import { Schema, type Connection, type Model } from 'mongoose';
import type { LkeTemplate } from '../../domain/lke';

/**
 * A published LKE template (Lembar Kerja Evaluasi), one per id, e.g. `lke-zi-2027-v1`. Immutable once published:
 * next year's rules, or a correction, are published under a new id, so a score always names the rules it used.
 * The default template ships with the code and is not stored here.
 */
export interface LkeTemplateDocument {
  /** The template's own `id`. */
  _id: string;
  /** Copied from the template for listing without loading it whole. */
  name: string;
  year: number;
  version: string;
  /** The template as published, validated by `validateTemplate`. */
  template: LkeTemplate;
  publishedBy: string;
  publishedAt: Date;
  /** Cycles that assess with this template (marked by the penilaian workflow). */
  usedBy: string[];
}

const lkeTemplateSchema = new Schema<LkeTemplateDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    year: { type: Number, required: true },
    version: { type: String, required: true },
    template: { type: Schema.Types.Mixed, required: true },
    publishedBy: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    usedBy: { type: [String], default: [] },
  },
  // minimize: false keeps empty objects (a predicate without hasil minimums) that the template validation requires.
  { collection: 'lke_templates', versionKey: false, minimize: false },
);
// Newest year first in listings.
lkeTemplateSchema.index({ year: -1, _id: 1 });

export type LkeTemplateModel = Model<LkeTemplateDocument>;

export const lkeTemplateModel = (connection: Connection): LkeTemplateModel =>
  connection.models.LkeTemplate ?? connection.model<LkeTemplateDocument>('LkeTemplate', lkeTemplateSchema);
