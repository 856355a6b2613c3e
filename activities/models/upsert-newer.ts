import type { Model, UpdateQuery } from 'mongoose';

export type UpsertOutcome = 'saved' | 'stale';

/**
 * Writes a read-model document unless a newer state (higher `seq`) is already stored. Temporal retries activities,
 * and a late retry of an older write must not overwrite a newer state: the filter then misses, the upsert tries to
 * insert the existing `_id`, and the duplicate-key error means "stale". Works on MongoDB and the local wire server
 * alike (no transactions needed).
 */
export async function upsertNewer<T extends { _id: string; seq: number }>(
  model: Model<T>,
  id: string,
  seq: number,
  update: UpdateQuery<T>,
): Promise<UpsertOutcome> {
  try {
    await model.updateOne({ _id: id, seq: { $lt: seq } } as never, update, { upsert: true });
    return 'saved';
  } catch (error) {
    if (isDuplicateKey(error)) return 'stale';
    throw error;
  }
}

export interface NewerWrite<T> {
  id: string;
  seq: number;
  update: UpdateQuery<T>;
}

/**
 * `upsertNewer` for many documents in one round trip (a unit opening a stage writes all its tasks at once). Unordered,
 * so a stale document does not stop the others; any error other than "a newer state is stored" is thrown.
 */
export async function upsertNewerMany<T extends { _id: string; seq: number }>(
  model: Model<T>,
  writes: readonly NewerWrite<T>[],
): Promise<UpsertOutcome[]> {
  if (writes.length === 0) return [];
  const operations = writes.map(({ id, seq, update }) => ({
    updateOne: { filter: { _id: id, seq: { $lt: seq } }, update, upsert: true },
  })) as Parameters<Model<T>['bulkWrite']>[0];
  try {
    await model.bulkWrite(operations, { ordered: false });
    return writes.map(() => 'saved');
  } catch (error) {
    const failed = writeErrorsOf(error);
    if (failed.length === 0 || !failed.every(isDuplicateKey)) throw error;
    const stale = new Set(failed.map((writeError) => writeError.index));
    return writes.map((_, index) => (stale.has(index) ? 'stale' : 'saved'));
  }
}

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/** The per-document errors of a bulk write: the driver gives one object, or an array when there are several. */
export function writeErrorsOf(error: unknown): { index: number; code?: unknown }[] {
  const writeErrors = (error as { writeErrors?: unknown } | null)?.writeErrors;
  if (writeErrors === undefined || writeErrors === null) return [];
  return (Array.isArray(writeErrors) ? writeErrors : [writeErrors]) as { index: number; code?: unknown }[];
}
