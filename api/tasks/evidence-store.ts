import type { Readable } from 'node:stream';
import mongoose, { type Connection } from 'mongoose';
import { fileIdPattern } from './task.schemas';

/** What is stored with each evidence file, so a file is always read back through its task. */
export interface EvidenceMetadata {
  taskId: string;
  cycleId: string;
  unitCode: string;
  /** The required document the file supports. */
  document: string;
  uploadedBy: string;
  contentType: string;
}

export interface StoredEvidence {
  fileId: string;
  ref: string;
  name: string;
  size: number;
  uploadedAt: string;
  document: string;
  uploadedBy: string;
  contentType: string;
}

export const bucketName = 'evidence';
export const fileRef = (fileId: string): string => `file:${fileId}`;

type FileDoc = mongoose.mongo.GridFSFile & { metadata?: Partial<EvidenceMetadata> };

/**
 * Evidence files in MongoDB GridFS (bucket `evidence`), so the database's backups hold the data dukung with the
 * tasks. Every read names the task: a file id from another task is treated as unknown.
 */
export class EvidenceStore {
  constructor(private readonly connection: Connection) {}

  private bucket(): mongoose.mongo.GridFSBucket {
    return new mongoose.mongo.GridFSBucket(this.connection.db!, { bucketName });
  }

  async save(name: string, content: Buffer, metadata: EvidenceMetadata): Promise<StoredEvidence> {
    const upload = this.bucket().openUploadStream(name, { metadata });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(content);
    });
    const stored = await this.find(metadata.taskId, upload.id.toString());
    if (!stored) throw new Error(`evidence file ${upload.id.toString()} vanished right after it was stored`);
    return stored;
  }

  /** The task's file, or undefined when there is none with this id on this task. */
  async find(taskId: string, fileId: string): Promise<StoredEvidence | undefined> {
    if (!fileIdPattern.test(fileId)) return undefined;
    const [file] = await this.bucket()
      .find({ _id: new mongoose.mongo.ObjectId(fileId) })
      .toArray();
    return file && (file as FileDoc).metadata?.taskId === taskId ? describe(file as FileDoc) : undefined;
  }

  /** Every file uploaded to the task, oldest first. */
  async list(taskId: string): Promise<StoredEvidence[]> {
    const files = await this.bucket().find({ 'metadata.taskId': taskId }).sort({ uploadDate: 1, _id: 1 }).toArray();
    return files.map((file) => describe(file as FileDoc));
  }

  /** Which of these file ids belong to the task. */
  async existing(taskId: string, fileIds: readonly string[]): Promise<Set<string>> {
    const valid = fileIds.filter((id) => fileIdPattern.test(id));
    if (valid.length === 0) return new Set();
    const files = await this.bucket()
      .find({ _id: { $in: valid.map((id) => new mongoose.mongo.ObjectId(id)) } })
      .toArray();
    return new Set(
      files.filter((file) => (file as FileDoc).metadata?.taskId === taskId).map((file) => file._id.toString()),
    );
  }

  open(fileId: string): Readable {
    return this.bucket().openDownloadStream(new mongoose.mongo.ObjectId(fileId));
  }
}

function describe(file: FileDoc): StoredEvidence {
  const fileId = file._id.toString();
  return {
    fileId,
    ref: fileRef(fileId),
    name: file.filename,
    size: file.length,
    uploadedAt: file.uploadDate.toISOString(),
    document: file.metadata?.document ?? '',
    uploadedBy: file.metadata?.uploadedBy ?? '',
    contentType: file.metadata?.contentType ?? 'application/octet-stream',
  };
}
