import path from 'node:path';
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel } from '@temporalio/worker';
import type { Config } from '../config';
import type { Activities } from '../activities';
import { workflowsFromSource } from './workflow-bundle';

/**
 * Production loads the prebuilt bundle (`npm run build`), so start-up does no webpack work and runs exactly
 * the code that was built; development bundles from source.
 */
export function workflowSource(config: Pick<Config, 'env' | 'workflowBundlePath'>) {
  return config.env === 'production'
    ? { workflowBundle: { codePath: path.resolve(process.cwd(), config.workflowBundlePath) } }
    : workflowsFromSource();
}

export async function createWorker(options: {
  config: Pick<Config, 'env' | 'workflowBundlePath' | 'temporal' | 'shutdownGraceMs' | 'worker'>;
  connection: NativeConnection;
  activities: Activities;
}): Promise<Worker> {
  const { config, connection, activities } = options;
  return Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities,
    shutdownGraceTime: config.shutdownGraceMs,
    ...config.worker,
    ...workflowSource(config),
  });
}

/** Connects to Temporal, waiting while it is not up yet (the worker may start before the server). */
export async function connectTemporalWithRetry(
  address: string,
  onRetry: (error: unknown, attempt: number) => void,
): Promise<NativeConnection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await NativeConnection.connect({ address });
    } catch (error) {
      onRetry(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 5000)));
    }
  }
}

const sdkLevels: Record<Config['logLevel'], LogLevel> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'ERROR',
  silent: 'ERROR',
};

let runtimeInstalled = false;

/** The SDK logs through its own runtime (once per process); keep it at the level the app logs at. */
export function installRuntimeLogging(level: Config['logLevel']): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger(sdkLevels[level]) });
  runtimeInstalled = true;
}
