import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime, type NativeConnection, type Worker } from '@temporalio/worker';
import pino from 'pino';
import { loadConfig } from '../../config';
import { createActivities } from '../../activities';
import { createMailer } from '../../activities/mailer';
import { connectMongo } from '../../activities/models';
import { createEmailRenderer } from '../../activities/templates';
import { composeApp } from '../../api/compose';
import { connectTemporalWithRetry, createWorker } from '../../worker/worker';
import type { TestStack } from './stack';

/**
 * The whole system wired as in production (like stack.ts), but on the servers a fault test names in `env`
 * (TEMPORAL_ADDRESS, MONGODB_URI, SMTP_URL of servers it will take down) over those of the global setup, with its own
 * task queue. `env` is kept so a worker process (worker-process.ts) can be started on the very same servers.
 */
export interface FaultStack extends TestStack {
  /** The environment the stack was configured from, minus the global setup's: hand it to a worker process. */
  env: NodeJS.ProcessEnv;
}

export interface FaultStackOptions {
  env?: NodeJS.ProcessEnv;
  /** Run a worker in this process on the stack's task queue (default true). */
  worker?: boolean;
}

export async function startFaultStack(options: FaultStackOptions = {}): Promise<FaultStack> {
  const env: NodeJS.ProcessEnv = {
    // A database call fails after a second while the database is down, so the API answers 503 promptly and an
    // activity gives up its attempt (and retries) instead of holding it.
    MONGODB_SERVER_SELECTION_TIMEOUT_MS: '1000',
    ...options.env,
    TEMPORAL_TASK_QUEUE: `fault-${randomUUID()}`,
  };
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', PUBLIC_URL: 'http://zi.test', ...env });
  quietRuntime();
  const { connection: mongo, models } = await connectMongo(config.mongodb);
  const mailer = createMailer(config.smtp);
  const activities = createActivities({
    models,
    mailer,
    render: createEmailRenderer(),
    publicUrl: config.http.publicUrl,
    signInLinkTtlSeconds: config.auth.signInLinkTtlSeconds,
  });
  let inProcess: { worker: Worker; connection: NativeConnection; running: Promise<void> } | undefined;
  if (options.worker ?? true) {
    const nativeConnection = await connectTemporalWithRetry(config.temporal.address, () => undefined);
    const worker = await createWorker({ config, connection: nativeConnection, activities });
    inProcess = { worker, connection: nativeConnection, running: worker.run() };
  }
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection, namespace: config.temporal.namespace });
  const log = pino({ level: 'silent' });
  const app = composeApp({ config, log, temporal: client, temporalConnection: connection, mongo, models });

  return {
    env,
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
      await Promise.allSettled([connection.close(), inProcess?.connection.close(), mongo.close(true)]);
      mailer.close();
    },
  };
}

let runtimeInstalled = false;

/**
 * Failing activities and refused connections are what these tests cause on purpose: the SDK's warning for each (and
 * its native core's, which it prints itself unless filtered) would bury the figures. Errors still show.
 */
function quietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
  });
  runtimeInstalled = true;
}
