/**
 * Servers a fault test owns and can really take down: stopped the way an operator or a crash stops them (the process
 * ends, the port closes) and started again on the same port with the same data, so clients that kept their address
 * have to find their way back by themselves. Each keeps its files in a temporary folder of its own, named in logs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalMongo, type LocalMongo } from '../../scripts/services/mongo';
import { freePort } from '../../scripts/services/process';
import { startSmtpSink, type SmtpSink, type StoredMessage } from '../../scripts/services/smtp-sink';
import { startTemporalDevServer, type TemporalDevServer } from '../../scripts/services/temporal';

export interface RestartableServer {
  /** Ends the server (its process, or its listeners); a no-op when it is already down. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data; a no-op when it is up. */
  start(): Promise<void>;
  readonly running: boolean;
  /** Stops it for good and removes its data. */
  close(): Promise<void>;
}

/**
 * Starts a server through `launch(port)`, remembering the port it got the first time so every restart binds the same
 * one. `launch` resolves once the server answers; `halt` ends that instance.
 */
function restartable<T>(
  launch: (port: number | undefined) => Promise<{ instance: T; port: number }>,
  halt: (instance: T) => Promise<void>,
  cleanUp: () => void,
) {
  let port: number | undefined;
  let current: T | undefined;
  const server = {
    get running() {
      return current !== undefined;
    },
    get instance() {
      return current;
    },
    async start() {
      if (current) return;
      const started = await launch(port);
      port = started.port;
      current = started.instance;
    },
    async stop() {
      if (!current) return;
      const instance = current;
      current = undefined;
      await halt(instance);
    },
    async close() {
      await server.stop();
      cleanUp();
    },
  };
  return server;
}

export interface RestartableMongo extends RestartableServer {
  uri: string;
  logFile: string;
}

/**
 * A MongoDB-wire server (ZI_MONGODB_SERVER: mongo-java-server by default, FerretDB too) whose data lives in a folder,
 * so a restart finds every document the stopped one held. It is stopped with SIGTERM: mongo-java-server closes its H2
 * store on the way out, as a database service being restarted would.
 */
export async function startRestartableMongo(database: string): Promise<RestartableMongo> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zi-fault-mongodb-'));
  const logFile = path.join(dir, 'mongodb.log');
  const dataDir = path.join(dir, 'data');
  // A fixed port from the start: the URI the clients hold must stay right across restarts.
  const fixedPort = await freePort();
  const server = restartable<LocalMongo>(
    async () => {
      const instance = await startLocalMongo({ database, port: fixedPort, dataDir, logFile });
      return { instance, port: fixedPort };
    },
    (instance) => instance.process.stop(),
    () => rmSync(dir, { recursive: true, force: true }),
  );
  await server.start();
  return Object.assign(server, { uri: `mongodb://127.0.0.1:${fixedPort}/${database}`, logFile });
}

export interface RestartableTemporal extends RestartableServer {
  address: string;
  dbFile: string;
  logFile: string;
  logTail(lines?: number): string;
}

/** `temporal server start-dev` on a SQLite file of its own: a restart resumes every workflow the file holds. */
export async function startRestartableTemporal(): Promise<RestartableTemporal> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zi-fault-temporal-'));
  const dbFile = path.join(dir, 'temporal.db');
  const logFile = path.join(dir, 'temporal.log');
  const fixedPort = await freePort();
  const server = restartable<TemporalDevServer>(
    async () => {
      const instance = await startTemporalDevServer({ port: fixedPort, dbFile, logFile });
      return { instance, port: fixedPort };
    },
    (instance) => instance.process.stop(),
    () => rmSync(dir, { recursive: true, force: true }),
  );
  await server.start();
  return Object.assign(server, {
    address: `127.0.0.1:${fixedPort}`,
    dbFile,
    logFile,
    logTail: (lines = 30) => tail(logFile, lines),
  });
}

export interface RestartableSmtpSink extends RestartableServer {
  url: string;
  /** Every message any instance accepted, in order: a restart empties the sink's memory, not this list. */
  received(): StoredMessage[];
}

/**
 * The project's SMTP sink (scripts/services/smtp-sink.ts) in this process. Stopping it closes its listening socket
 * (new connections are refused; a message already being received finishes first, as with a real server's graceful
 * stop); starting it again binds the same port.
 */
export async function startRestartableSmtpSink(): Promise<RestartableSmtpSink> {
  const earlier: StoredMessage[] = [];
  let httpPort: number | undefined;
  const server = restartable<SmtpSink>(
    async (port) => {
      const instance = await startSmtpSink({ smtpPort: port, httpPort });
      httpPort = instance.httpPort;
      return { instance, port: instance.smtpPort };
    },
    async (instance) => {
      await instance.close();
      earlier.push(...instance.messages);
    },
    () => undefined,
  );
  await server.start();
  const smtpPort = server.instance!.smtpPort;
  return Object.assign(server, {
    url: `smtp://127.0.0.1:${smtpPort}`,
    received: () => [...earlier, ...(server.instance?.messages ?? [])],
  });
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
