import type { mongo } from 'mongoose';
import type { FloorInput } from './definitions';

/** The floor's one activity: insert one document (no read, no upsert rule, no audit event, no email). */
export function createFloorActivities(collection: mongo.Collection<{ _id: string; run: string; n: number; at: Date }>) {
  return {
    async insertOne(input: FloorInput): Promise<void> {
      await collection.insertOne({ _id: `${input.run}:${input.n}`, run: input.run, n: input.n, at: new Date() });
    },
  };
}

export type FloorActivities = ReturnType<typeof createFloorActivities>;
