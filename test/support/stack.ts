import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';
import type { Connection as MongoConnection } from 'mongoose';
import pino from 'pino';
import type { Express } from 'express';
import { loadConfig, type Config } from '../../config';
import { createActivities, type Activities } from '../../activities';
import { createMailer, type Mailer } from '../../activities/mailer';
import { connectMongo, type Models } from '../../activities/models';
import { createEmailRenderer } from '../../activities/templates';
import { composeApp } from '../../api/compose';
import { connectTemporalWithRetry, createWorker, installRuntimeLogging } from '../../worker/worker';

/**
 * The whole system wired as in production, against the servers the global setup started: a real worker on
 * its own task queue (so test files never share work) and the Express app, ready for supertest. With
 * `{ worker: false }` nothing polls the queue in this process: the test runs its worker elsewhere (its own OS
 * process, see worker-process.ts) on `config.temporal.taskQueue`.
 */
export interface TestStack {
  config: Config;
  app: Express;
  models: Models;
  mongo: MongoConnection;
  activities: Activities;
  client: Client;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  /** Run a worker in this process on the stack's task queue (default true). */
  worker?: boolean;
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    PUBLIC_URL: 'http://zi.test',
  });
  const log = pino({ level: 'silent' });
  installRuntimeLogging('warn');
  const { connection: mongo, models } = await connectMongo(config.mongodb);
  const mailer: Mailer = createMailer(config.smtp);
  const activities = createActivities({
    models,
    mailer,
    render: createEmailRenderer(),
    publicUrl: config.http.publicUrl,
  });
  let inProcess: { worker: Worker; connection: NativeConnection; running: Promise<void> } | undefined;
  if (options.worker ?? true) {
    const nativeConnection = await connectTemporalWithRetry(config.temporal.address, () => undefined);
    const worker = await createWorker({ config, connection: nativeConnection, activities });
    inProcess = { worker, connection: nativeConnection, running: worker.run() };
  }

  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection, namespace: config.temporal.namespace });
  const app = composeApp({ config, log, temporal: client, temporalConnection: connection, mongo, models });

  return {
    config,
    app,
    models,
    mongo,
    activities,
    client,
    async stop() {
      if (inProcess) {
        inProcess.worker.shutdown();
        await inProcess.running;
      }
      await Promise.allSettled([connection.close(), inProcess?.connection.close(), mongo.close()]);
      mailer.close();
    },
  };
}

/** Starts one stack for the test file (before all its tests) and stops it after them; call at the top level. */
export function useTestStack(options: TestStackOptions = {}): () => TestStack {
  let stack: TestStack | undefined;
  beforeAll(async () => {
    stack = await startTestStack(options);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });
  return () => {
    if (!stack) throw new Error('the test stack is not started yet');
    return stack;
  };
}
