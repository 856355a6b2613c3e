import { Schema, type Connection, type Model } from 'mongoose';
import { indonesianZones, type IndonesianZone } from '../../domain/calendar';

/** A work unit (unit kerja) of the instansi, registered once and chosen for cycles. The id is its code. */
export interface UnitKerjaDocument {
  _id: string;
  name: string;
  zone: IndonesianZone;
  headEmail?: string;
  parentCode?: string;
  /**
   * Set on the unit's new document while its code is being changed (no transactions: the move takes several
   * writes), so a retried rename recognises its own half-finished work; removed when the move is complete.
   */
  renaming?: { from: string; startedAt: Date };
  createdAt: Date;
  updatedAt: Date;
}

const unitKerjaSchema = new Schema<UnitKerjaDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    zone: { type: String, enum: indonesianZones, required: true },
    headEmail: String,
    parentCode: String,
    renaming: { type: new Schema({ from: String, startedAt: Date }, { _id: false }), default: undefined },
  },
  { collection: 'units', timestamps: true, versionKey: false },
);
// Listing a unit's children.
unitKerjaSchema.index({ parentCode: 1, _id: 1 });

export type UnitKerjaModel = Model<UnitKerjaDocument>;

export const unitKerjaModel = (connection: Connection): UnitKerjaModel =>
  connection.models.UnitKerja ?? connection.model<UnitKerjaDocument>('UnitKerja', unitKerjaSchema);
