import { Schema, type Connection, type Model } from 'mongoose';
import { taskStatuses, type EvidenceRef, type TaskStatus } from '../../domain/task';

/** The read model of a task: what inboxes and dashboards list. The task workflow is the source of truth. */
export interface TaskDocument {
  /** The task workflow id, `tugas:<cycleId>:<unitCode>:<templateKey>`. */
  _id: string;
  cycleId: string;
  unitCode: string;
  templateKey: string;
  title: string;
  stage: string;
  area?: string;
  status: TaskStatus;
  assigneeRole: string;
  reviewerRole: string;
  assignees: string[];
  claimedBy?: string;
  due: Date;
  evidence: EvidenceRef[];
  escalationLevel: number;
  overdue: boolean;
  seq: number;
  createdAt: Date;
  updatedAt: Date;
}

const taskSchema = new Schema<TaskDocument>(
  {
    _id: { type: String, required: true },
    cycleId: { type: String, required: true },
    unitCode: { type: String, required: true },
    templateKey: { type: String, required: true },
    title: { type: String, required: true },
    stage: { type: String, required: true },
    area: String,
    status: { type: String, enum: taskStatuses, required: true },
    assigneeRole: { type: String, required: true },
    reviewerRole: { type: String, required: true },
    assignees: { type: [String], default: [] },
    claimedBy: String,
    due: { type: Date, required: true },
    evidence: { type: [new Schema<EvidenceRef>({ document: String, ref: String }, { _id: false })], default: [] },
    escalationLevel: { type: Number, default: 0 },
    overdue: { type: Boolean, default: false },
    seq: { type: Number, required: true },
  },
  { collection: 'tasks', timestamps: true, versionKey: false },
);
// The inbox: a unit's tasks by status, soonest due first.
taskSchema.index({ cycleId: 1, unitCode: 1, status: 1, due: 1 });

export type TaskModel = Model<TaskDocument>;

export const taskModel = (connection: Connection): TaskModel =>
  connection.models.Task ?? connection.model<TaskDocument>('Task', taskSchema);
