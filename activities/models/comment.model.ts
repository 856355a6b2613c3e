import { Schema, type Connection, type Model } from 'mongoose';

/** A remark on a task by someone who may see it. Comments change no state; they sit beside the task's history. */
export interface CommentDocument {
  _id: string;
  taskId: string;
  cycleId: string;
  unitCode: string;
  by: string;
  byName: string;
  text: string;
  createdAt: Date;
  updatedAt: Date;
}

const commentSchema = new Schema<CommentDocument>(
  {
    _id: { type: String, required: true },
    taskId: { type: String, required: true },
    cycleId: { type: String, required: true },
    unitCode: { type: String, required: true },
    by: { type: String, required: true },
    byName: { type: String, required: true },
    text: { type: String, required: true },
  },
  { collection: 'comments', timestamps: true, versionKey: false },
);
// A task's comments, oldest first.
commentSchema.index({ taskId: 1, createdAt: 1 });

export type CommentModel = Model<CommentDocument>;

export const commentModel = (connection: Connection): CommentModel =>
  connection.models.Comment ?? connection.model<CommentDocument>('Comment', commentSchema);
