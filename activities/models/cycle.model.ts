import { Schema, type Connection, type Model } from 'mongoose';
import { cycleStatuses, type CycleStatus, type Person, type UnitRef } from '../../domain/cycle';

/** The read model of a cycle. Temporal holds the process state; this document is what the API lists from. */
export interface CycleDocument {
  _id: string;
  name: string;
  year: number;
  units: UnitRef[];
  launchedBy: Person;
  status: CycleStatus;
  /** Monotonic per cycle: a retried older write never overwrites a newer state. */
  seq: number;
  createdAt: Date;
  updatedAt: Date;
}

const cycleSchema = new Schema<CycleDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    year: { type: Number, required: true, index: true },
    units: {
      type: [new Schema<UnitRef>({ code: { type: String, required: true }, name: String }, { _id: false })],
      default: [],
    },
    launchedBy: { name: String, email: { type: String, required: true } },
    status: { type: String, enum: cycleStatuses, required: true },
    seq: { type: Number, required: true },
  },
  {
    collection: 'cycles',
    timestamps: true,
    versionKey: false,
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
