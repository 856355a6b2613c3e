import { ensureMongoWireServer } from './tools';
import { freePort, spawnManaged, waitForPort, type ManagedProcess } from './process';

export interface LocalMongo {
  uri: string;
  port: number;
  process: ManagedProcess;
}

export interface LocalMongoOptions {
  host?: string;
  port?: number;
  database?: string;
  /** H2 file that keeps data across restarts; in memory when absent. */
  dataFile?: string;
  logFile?: string;
  prefixOutput?: boolean;
}

/** Starts the local MongoDB-wire server (mongo-java-server) and resolves once it accepts connections. */
export async function startLocalMongo(options: LocalMongoOptions = {}): Promise<LocalMongo> {
  const java = ensureMongoWireServer();
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort());
  const args = [...java.args, '--host', host, '--port', String(port)];
  if (options.dataFile) args.push('--file', options.dataFile);
  const process = spawnManaged({
    name: 'mongodb',
    command: java.command,
    args,
    logFile: options.logFile,
    prefixOutput: options.prefixOutput,
  });
  try {
    await waitForPort(process, host, port, 60_000, 'local MongoDB-wire server');
  } catch (error) {
    await process.stop();
    throw error;
  }
  return { uri: `mongodb://${host}:${port}/${options.database ?? 'zi'}`, port, process };
}
