/**
 * `npm start`: the whole system on embedded defaults — Temporal dev server (with its web UI), the local
 * MongoDB-wire server, an SMTP sink, the worker and the API. A server the environment already names
 * (TEMPORAL_ADDRESS, MONGODB_URI, SMTP_URL) is used instead of starting one. Ctrl-C or SIGTERM stops
 * everything this script started.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { startLocalMongo } from './services/mongo';
import { spawnManaged, type ManagedProcess } from './services/process';
import { startSmtpSink, type SmtpSink } from './services/smtp-sink';
import { startTemporalDevServer } from './services/temporal';
import { projectRoot } from './services/tools';

const dataDir = path.join(projectRoot, '.data');
const ports = {
  temporal: Number(process.env.ZI_TEMPORAL_PORT ?? 7233),
  temporalUi: Number(process.env.ZI_TEMPORAL_UI_PORT ?? 8233),
  mongodb: Number(process.env.ZI_MONGODB_PORT ?? 27017),
  smtp: Number(process.env.ZI_SMTP_PORT ?? 2525),
  mailbox: Number(process.env.ZI_MAILBOX_PORT ?? 8025),
};

/**
 * The local stack's first Bagian Organisasi account, so a fresh clone can sign in at once. Only here (the local
 * stack): production names its own through ZI_ADMIN_EMAIL / ZI_ADMIN_PASSWORD or `npm run admin`.
 */
const localAdmin = { email: 'admin@zi.localhost', password: 'admin-zi-lokal' };

const processes: ManagedProcess[] = [];
let sink: SmtpSink | undefined;
let shuttingDown = false;

async function start(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env };
  const urls: string[] = [];

  const [temporal, mongo] = await Promise.all([
    env.TEMPORAL_ADDRESS
      ? undefined
      : startTemporalDevServer({
          port: ports.temporal,
          uiPort: ports.temporalUi,
          dbFile: path.join(dataDir, 'temporal.sqlite'),
          logFile: path.join(dataDir, 'temporal.log'),
        }),
    env.MONGODB_URI
      ? undefined
      : startLocalMongo({
          port: ports.mongodb,
          dataDir,
          logFile: path.join(dataDir, 'mongodb.log'),
        }),
  ]);
  if (temporal) {
    processes.push(temporal.process);
    env.TEMPORAL_ADDRESS = temporal.address;
    urls.push(`Temporal UI        ${temporal.uiUrl}`);
  }
  if (mongo) {
    processes.push(mongo.process);
    env.MONGODB_URI = mongo.uri;
  }
  if (!env.SMTP_URL) {
    sink = await startSmtpSink({
      smtpPort: ports.smtp,
      httpPort: ports.mailbox,
      storeDir: path.join(dataDir, 'mail'),
    });
    env.SMTP_URL = `smtp://127.0.0.1:${sink.smtpPort}`;
    urls.push(`Mailbox (sink)     http://127.0.0.1:${sink.httpPort}`);
  }

  if (!env.ZI_ADMIN_EMAIL) {
    env.ZI_ADMIN_EMAIL = localAdmin.email;
    env.ZI_ADMIN_PASSWORD = localAdmin.password;
  }
  const config = loadConfig(env);
  for (const [name, entry] of [
    ['worker', 'worker/main.ts'],
    ['api', 'api/server.ts'],
  ] as const) {
    const child = spawnManaged({
      name,
      command: process.execPath,
      args: ['--import', 'tsx', entry],
      cwd: projectRoot,
      env,
      prefixOutput: true,
    });
    processes.push(child);
    child.child.once('exit', (code, signal) => {
      if (!shuttingDown) {
        console.error(`[start] ${name} exited (${signal ?? code}); stopping everything.`);
        void shutdown(1);
      }
    });
  }

  urls.unshift(`API                http://${config.http.host}:${config.http.port}  (readiness: /readyz)`);
  urls.push(`Temporal gRPC      ${config.temporal.address}`, `MongoDB            ${config.mongodb.uri}`);
  if (env.ZI_ADMIN_EMAIL === localAdmin.email) {
    urls.push(`Sign in (local)    ${localAdmin.email} / ${localAdmin.password}`);
  }
  console.log(
    ['', 'ZI Orchestrator is starting:', ...urls.map((u) => `  ${u}`), '  Ctrl-C stops everything.', ''].join('\n'),
  );
}

async function shutdown(exitCode: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log('\n[start] stopping...');
  // Clients first (API, worker), then the servers they use.
  const [api, worker, ...servers] = [...processes].reverse();
  await Promise.allSettled([api?.stop(), worker?.stop()]);
  await Promise.allSettled([...servers.map((p) => p.stop()), sink?.close()]);
  console.log('[start] stopped.');
  process.exit(exitCode);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
// If whoever launched us disappears without a signal (a killed terminal), take the stack down rather than orphan it.
const launcher = process.ppid;
setInterval(() => {
  if (process.ppid !== launcher) void shutdown(0);
}, 1000).unref();

start().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
