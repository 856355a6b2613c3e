import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import mongoose from 'mongoose';
import { ensureFerretDb, ensureMongoWireServer, localMongoServer, type LocalMongoServer } from './tools';
import { canConnect, freePort, spawnManaged, type ManagedProcess } from './process';

export interface LocalMongo {
  uri: string;
  port: number;
  process: ManagedProcess;
}

export interface LocalMongoOptions {
  host?: string;
  port?: number;
  database?: string;
  /**
   * Folder where the server keeps its data across restarts (`npm start`: `.data/`): mongo-java-server's H2 file
   * `mongodb.mv`, or FerretDB's SQLite files (one per database) in `ferretdb/`. Absent: mongo-java-server keeps
   * everything in memory, FerretDB uses a fresh temporary folder that is removed when the process is stopped.
   */
  dataDir?: string;
  logFile?: string;
  prefixOutput?: boolean;
  /** Which server to start; ZI_MONGODB_SERVER (default mongo-java-server) when absent. */
  server?: LocalMongoServer;
}

const startTimeoutMs = 60_000;

interface ServerCommand {
  command: string;
  args: string[];
  /** Removes what the server needed only while it ran. */
  cleanUp?: () => void;
}

/**
 * Starts the local MongoDB-wire server and resolves once it answers a MongoDB `ping`.
 *
 * mongo-java-server is the default. FerretDB v1.24.2 (ZI_MONGODB_SERVER=ferretdb) builds and speaks everything the
 * product uses, but is far slower: it pushes down to SQLite only a filter that is exactly `{ _id: <string> }`, so every
 * other filter (`{ _id, seq: { $lt } }` in upsertNewer, `{ cycleId }` finds and counts) scans and decodes the whole
 * collection. Under the burst of a 60-unit launch writes then take seconds, activities time out and are retried, and
 * the worker-crash test fails.
 */
export async function startLocalMongo(options: LocalMongoOptions = {}): Promise<LocalMongo> {
  const server = options.server ?? localMongoServer();
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort());
  const { command, args, cleanUp } =
    server === 'ferretdb' ? ferretDbCommand(host, port, options.dataDir) : mongoJavaServerCommand(host, port, options);
  if (await canConnect(host, port)) {
    cleanUp?.();
    throw new Error(
      `Cannot start the local MongoDB-wire server: ${host}:${port} is already in use. ` +
        'Stop whatever listens there, choose another port (ZI_MONGODB_PORT) or use that server (MONGODB_URI).',
    );
  }

  const managed = spawnManaged({
    name: 'mongodb',
    command,
    args,
    logFile: options.logFile,
    prefixOutput: options.prefixOutput,
  });
  const process: ManagedProcess = {
    ...managed,
    stop: async () => {
      await managed.stop();
      cleanUp?.();
    },
  };
  const uri = `mongodb://${host}:${port}/${options.database ?? 'zi'}`;
  try {
    await waitForPing(process, `${server} (local MongoDB-wire server)`, uri, options.logFile);
  } catch (error) {
    await process.stop();
    throw error;
  }
  return { uri, port, process };
}

function mongoJavaServerCommand(host: string, port: number, options: LocalMongoOptions): ServerCommand {
  const java = ensureMongoWireServer();
  const args = [...java.args, '--host', host, '--port', String(port)];
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    args.push('--file', path.join(options.dataDir, 'mongodb.mv'));
  }
  return { command: java.command, args };
}

/** FerretDB v1 on its SQLite backend. */
function ferretDbCommand(host: string, port: number, dataDir: string | undefined): ServerCommand {
  const ferretdb = ensureFerretDb();
  const temporaryDir = dataDir ? undefined : mkdtempSync(path.join(tmpdir(), 'zi-ferretdb-'));
  const sqliteDir = dataDir ? path.join(dataDir, 'ferretdb') : temporaryDir!;
  mkdirSync(sqliteDir, { recursive: true });
  return {
    command: ferretdb,
    args: [
      '--handler=sqlite',
      // A file: URL of the folder, with the trailing slash FerretDB requires.
      `--sqlite-url=${pathToFileURL(sqliteDir).href.replace(/\/?$/, '/')}`,
      `--listen-addr=${host}:${port}`,
      '--telemetry=disable',
      // No debug/metrics HTTP listener (it would want port 8088) and no state.json (instance id, telemetry state).
      '--debug-addr=-',
      '--state-dir=-',
      // Still logs every reply with an error (what FerretDB refused, and why); INFO would log every connection.
      '--log-level=warn',
    ],
    cleanUp: () => {
      if (temporaryDir) rmSync(temporaryDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the server answers a MongoDB `ping` (accepting TCP connections is not enough: its backend may not be up). */
async function waitForPing(
  service: ManagedProcess,
  description: string,
  uri: string,
  logFile: string | undefined,
): Promise<void> {
  const where = logFile ? ` (log: ${logFile})` : '';
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) {
      const how = service.child.signalCode ?? `code ${service.child.exitCode}`;
      throw new Error(`${description} exited (${how}) before answering ping${where}`);
    }
    if (await answersPing(uri)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${description} did not answer ping at ${uri} within ${startTimeoutMs} ms${where}`);
}

async function answersPing(uri: string): Promise<boolean> {
  const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  connection.on('error', () => undefined); // a refused connection means "not yet", not an error to report
  try {
    await connection.asPromise();
    const reply = await connection.db?.admin().ping();
    return reply?.ok === 1;
  } catch {
    return false;
  } finally {
    await connection.close(true).catch(() => undefined);
  }
}
