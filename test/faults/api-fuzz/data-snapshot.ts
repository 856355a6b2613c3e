import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';

/**
 * What the database holds, reduced to comparable figures: the number of documents of every collection and a hash
 * of the content of each collection (all fields, documents in `_id` order).
 */
export interface DataSnapshot {
  counts: Record<string, number>;
  hashes: Record<string, string>;
}

export async function snapshotOf(mongo: Connection): Promise<DataSnapshot> {
  const db = mongo.db!;
  const names = (await db.listCollections().toArray())
    .map((collection) => collection.name)
    .filter((name) => !name.startsWith('system.'))
    .sort();
  const counts: Record<string, number> = {};
  const hashes: Record<string, string> = {};
  for (const name of names) {
    const documents = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    counts[name] = documents.length;
    hashes[name] = createHash('sha256').update(JSON.stringify(documents)).digest('hex').slice(0, 16);
  }
  return { counts, hashes };
}

/** The collections whose count or content differ, with both counts. */
export function differences(before: DataSnapshot, after: DataSnapshot): string[] {
  const names = [...new Set([...Object.keys(before.counts), ...Object.keys(after.counts)])].sort();
  return names
    .filter((name) => before.counts[name] !== after.counts[name] || before.hashes[name] !== after.hashes[name])
    .map((name) => `${name}: ${before.counts[name] ?? 0} → ${after.counts[name] ?? 0} documents, content changed`);
}

/**
 * Waits until nothing changes in the database for `quietMs` (the fixtures' workflows have written their read models
 * and sent their emails), and returns that settled state.
 */
export async function settledSnapshot(
  mongo: Connection,
  options: { quietMs?: number; timeoutMs?: number } = {},
): Promise<DataSnapshot> {
  const quietMs = options.quietMs ?? 3000;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let last = await snapshotOf(mongo);
  let quietSince = Date.now();
  let lastChange: string[] = [];
  while (Date.now() - quietSince < quietMs) {
    if (Date.now() > deadline) throw new Error(`the database kept changing: ${lastChange.join('; ')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const next = await snapshotOf(mongo);
    lastChange = differences(last, next);
    if (lastChange.length > 0) {
      last = next;
      quietSince = Date.now();
    }
  }
  return last;
}
