import { Connection } from '@temporalio/client';
import { ensureTemporal } from './tools';
import { freePort, spawnManaged, waitForPort, type ManagedProcess } from './process';

export interface TemporalDevServer {
  address: string;
  uiUrl?: string;
  process: ManagedProcess;
}

export interface TemporalDevServerOptions {
  host?: string;
  /** gRPC port; a free one when absent. */
  port?: number;
  /** Web UI port; no UI when absent. */
  uiPort?: number;
  /** SQLite file that keeps workflows across restarts; in memory (throw-away) when absent. */
  dbFile?: string;
  namespace?: string;
  logFile?: string;
  prefixOutput?: boolean;
}

/** Starts `temporal server start-dev` and resolves once its namespace answers. */
export async function startTemporalDevServer(options: TemporalDevServerOptions = {}): Promise<TemporalDevServer> {
  const binary = ensureTemporal();
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort());
  const namespace = options.namespace ?? 'default';
  const args = ['server', 'start-dev', '--ip', host, '--port', String(port), '--namespace', namespace];
  args.push('--log-level', 'warn');
  if (options.uiPort) args.push('--ui-ip', host, '--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.dbFile) args.push('--db-filename', options.dbFile);

  const process = spawnManaged({
    name: 'temporal',
    command: binary,
    args,
    logFile: options.logFile,
    prefixOutput: options.prefixOutput,
  });
  const address = `${host}:${port}`;
  try {
    await waitForPort(process, host, port, 60_000, 'Temporal dev server');
    await waitForNamespace(address, namespace, 60_000);
  } catch (error) {
    await process.stop();
    throw error;
  }
  return { address, uiUrl: options.uiPort ? `http://${host}:${options.uiPort}` : undefined, process };
}

/** The port opens before the server has registered its namespaces; wait for the one we use. */
export async function waitForNamespace(address: string, namespace: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const connection = await Connection.connect({ address, connectTimeout: 2000 }).catch((error: unknown) => {
      lastError = error;
      return undefined;
    });
    if (connection) {
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } catch (error) {
        lastError = error;
      } finally {
        await connection.close();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`Temporal at ${address} did not serve namespace ${namespace} in time: ${String(lastError)}`);
}
