import type { Model, UpdateQuery } from 'mongoose';

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
): Promise<'saved' | 'stale'> {
  try {
    await model.updateOne({ _id: id, seq: { $lt: seq } } as never, update, { upsert: true });
    return 'saved';
  } catch (error) {
    if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000) return 'stale';
    throw error;
  }
}
