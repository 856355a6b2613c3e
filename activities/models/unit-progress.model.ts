import { Schema, type Connection, type Model } from 'mongoose';
import type { TeamSubmission } from '../../domain/team';

/** Where one unit stands in one cycle: what dashboards list per unit. The unit workflow is the source of truth. */
export interface UnitProgressDocument {
  /** `<cycleId>:<unitCode>`. */
  _id: string;
  cycleId: string;
  unitCode: string;
  unitName: string;
  /** `active`, `withdrawn` by Bagian Organisasi, or `finished` after the last stage. */
  status: string;
  /** The stage the unit works in, or `selesai` once it has been through all six. */
  stage: string;
  completedStages: string[];
  /** Stages whose window closed before the unit finished them. */
  lateStages: string[];
  /** Template key → task status, as last reported by the task workflows. */
  tasks: Record<string, string>;
  /** The approved Tim Kerja. */
  team?: TeamSubmission;
  seq: number;
  createdAt: Date;
  updatedAt: Date;
}

const unitProgressSchema = new Schema<UnitProgressDocument>(
  {
    _id: { type: String, required: true },
    cycleId: { type: String, required: true, index: true },
    unitCode: { type: String, required: true },
    unitName: { type: String, required: true },
    status: { type: String, required: true, default: 'active' },
    stage: { type: String, required: true },
    completedStages: { type: [String], default: [] },
    lateStages: { type: [String], default: [] },
    tasks: { type: Schema.Types.Mixed, default: {} },
    team: { type: Schema.Types.Mixed },
    seq: { type: Number, required: true },
  },
  { collection: 'unit_progress', timestamps: true, versionKey: false, minimize: false },
);

export type UnitProgressModel = Model<UnitProgressDocument>;

export const unitProgressModel = (connection: Connection): UnitProgressModel =>
  connection.models.UnitProgress ?? connection.model<UnitProgressDocument>('UnitProgress', unitProgressSchema);
