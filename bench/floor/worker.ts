/**
 * The floor worker: its own OS process, as the product's worker is in the bench, polling its own task queue with the
 * SDK's default worker options (but the product's workflow cache size) and the floor workflows' prebuilt bundle.
 * Env: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE, MONGODB_URI, BENCH_FLOOR_BUNDLE,
 * WORKER_MAX_CACHED_WORKFLOWS.
 */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import mongoose from 'mongoose';
import { createFloorActivities } from './activities';
import { floorCollection } from './definitions';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const mongo = await mongoose.createConnection(required('MONGODB_URI')).asPromise();
  const connection = await NativeConnection.connect({ address: required('TEMPORAL_ADDRESS') });
  try {
    const worker = await Worker.create({
      connection,
      namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
      taskQueue: required('TEMPORAL_TASK_QUEUE'),
      workflowBundle: { codePath: required('BENCH_FLOOR_BUNDLE') },
      activities: createFloorActivities(mongo.db!.collection(floorCollection)),
      shutdownGraceTime: '10 seconds',
      ...(process.env.WORKER_MAX_CACHED_WORKFLOWS
        ? { maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS) }
        : {}),
    });
    await worker.run();
  } finally {
    await connection.close();
    await mongo.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
