import { loadConfig } from '../config';
import { createLogger } from '../config/logger';
import { createActivities } from '../activities';
import { createMailer } from '../activities/mailer';
import { connectMongo } from '../activities/models';
import { createEmailRenderer } from '../activities/templates';
import { connectTemporalWithRetry, createWorker, installRuntimeLogging } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config, 'worker');
  installRuntimeLogging(config.logLevel);
  const { connection: mongo, models } = await connectMongo(config.mongodb, (error, attempt) =>
    log.warn({ err: error, attempt }, 'MongoDB not reachable yet; retrying'),
  );
  const mailer = createMailer(config.smtp);
  const temporal = await connectTemporalWithRetry(config.temporal.address, (error, attempt) =>
    log.warn({ err: error, attempt }, 'Temporal not reachable yet; retrying'),
  );
  try {
    const activities = createActivities({
      models,
      mailer,
      render: createEmailRenderer(),
      publicUrl: config.http.publicUrl,
      signInLinkTtlSeconds: config.auth.signInLinkTtlSeconds,
    });
    const worker = await createWorker({ config, connection: temporal, activities });
    log.info({ taskQueue: config.temporal.taskQueue, mode: config.env }, 'worker running');
    // The SDK's runtime shuts the worker down on SIGINT/SIGTERM; run() resolves once in-flight tasks drained.
    await worker.run();
    log.info('worker stopped');
  } finally {
    await temporal.close();
    mailer.close();
    await mongo.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
