import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../config';
import { createLogger } from '../config/logger';
import { connectMongo } from '../activities/models';
import { ensureFirstAdmin } from './auth/first-admin';
import { composeApp } from './compose';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config, 'api');
  // Lazy: the API starts even while Temporal is down, and /readyz says so instead of the process dying.
  const temporalConnection = Connection.lazy({ address: config.temporal.address });
  const temporal = new Client({ connection: temporalConnection, namespace: config.temporal.namespace });
  const { connection: mongo, models } = await connectMongo(config.mongodb, (error, attempt) =>
    log.warn({ err: error, attempt }, 'MongoDB not reachable yet; retrying'),
  );

  if (config.auth.firstAdmin) {
    const admin = await ensureFirstAdmin({ models }, config.auth.firstAdmin);
    log.info(
      { personId: admin.personId },
      admin.created ? 'first admin account created' : 'first admin account already exists; left unchanged',
    );
  }

  const app = composeApp({ config, log, temporal, temporalConnection, mongo, models });
  const server = app.listen(config.http.port, config.http.host, () => {
    log.info(`API listening on http://${config.http.host}:${config.http.port}`);
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'draining HTTP connections');
    const forced = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
    forced.unref();
    server.close(() => {
      void Promise.allSettled([mongo.close(), temporalConnection.close()]).then(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
