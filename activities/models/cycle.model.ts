import { Schema, type Connection, type Model } from 'mongoose';
import { cycleStatuses, type CycleStatus, type CycleUnit, type Person } from '../../domain/cycle';
import type { CycleStageView, CycleUnitStatus } from '../../workflows/definitions';

/** The read model of a cycle. Temporal holds the process state; this document is what the API lists from. */
export interface CycleDocument {
  _id: string;
  name: string;
  year: number;
  units: (CycleUnit & { status?: CycleUnitStatus; stage?: string })[];
  launchedBy: Person;
  status: CycleStatus;
  /** Per stage: its window (after extensions), whether it is open, and the units that were late when it closed. */
  stages?: Record<string, CycleStageView>;
  catalogueVersion?: string;
  zone?: string;
  /** Monotonic per cycle: a retried older write never overwrites a newer state. */
  seq: number;
  createdAt: Date;
  updatedAt: Date;
}

const personSchema = new Schema<Person>({ name: String, email: { type: String, required: true } }, { _id: false });

const cycleSchema = new Schema<CycleDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    year: { type: Number, required: true, index: true },
    units: {
      type: [
        new Schema(
          { code: { type: String, required: true }, name: String, head: personSchema, status: String, stage: String },
          { _id: false },
        ),
      ],
      default: [],
    },
    launchedBy: personSchema,
    status: { type: String, enum: cycleStatuses, required: true },
    stages: { type: Schema.Types.Mixed },
    catalogueVersion: String,
    zone: String,
    seq: { type: Number, required: true },
  },
  {
    collection: 'cycles',
    timestamps: true,
    versionKey: false,
    minimize: false,
    toJSON: {
      transform: (_doc, ret: Record<string, unknown>) => {
        ret.id = ret._id;
        delete ret._id;
        delete ret.seq;
        return ret;
      },
    },
  },
);

export type CycleModel = Model<CycleDocument>;

export const cycleModel = (connection: Connection): CycleModel =>
  connection.models.Cycle ?? connection.model<CycleDocument>('Cycle', cycleSchema);
