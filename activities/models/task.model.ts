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
  /** What to do, from the template (a carried recommendation task lists its recommendations here). */
  description?: string;
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
    description: String,
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
// A cycle's tasks of a unit by status, soonest due first (cycle progress, monev).
taskSchema.index({ cycleId: 1, unitCode: 1, status: 1, due: 1 });
// The inbox (api/tasks/task-inbox.ts) pages on (due, _id): across the instansi, within the units one sees, and per
// person for "mine" (named as assignee, or holding the claim).
taskSchema.index({ due: 1, _id: 1 });
taskSchema.index({ unitCode: 1, due: 1, _id: 1 });
taskSchema.index({ assignees: 1, due: 1 });
taskSchema.index({ claimedBy: 1, due: 1 });

export type TaskModel = Model<TaskDocument>;

export const taskModel = (connection: Connection): TaskModel =>
  connection.models.Task ?? connection.model<TaskDocument>('Task', taskSchema);
