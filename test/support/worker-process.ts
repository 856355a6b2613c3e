/**
 * The real worker (`worker/main.ts`) as an OS process of its own, so a test can kill it the hard way (SIGKILL: no
 * drain, no shutdown hook, in-flight activities and workflow tasks simply lost) and start another one, exactly as a
 * crashed and restarted production worker. Its output goes to a log file named in every failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';

const repoRoot = path.resolve(__dirname, '../..');

// temporal.api.enums.v1 values (the proto package is only a transitive dependency): TaskQueueKind NORMAL,
// TaskQueueType WORKFLOW and ACTIVITY.
const normalQueue = 1;
const workflowTasks = 1;
const activityTasks = 2;

export interface WorkerProcess {
  pid: number;
  /** The identity the SDK polls with (`<pid>@<host>`, its default), as Temporal lists it among the pollers. */
  identity: string;
  logFile: string;
  /** Resolves once the process has exited, with how. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal and waits until the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** SIGTERM (the worker drains), then SIGKILL if it is still there after `graceMs`; a no-op once it has exited. */
  stop(graceMs?: number): Promise<void>;
  /** The end of its log, for failure messages. */
  logTail(lines?: number): string;
}

export interface WorkerProcessOptions {
  client: Client;
  namespace: string;
  taskQueue: string;
  /** Extra environment, over the test servers' addresses. */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the worker to poll both its workflow and activity queues. */
  readyTimeoutMs?: number;
}

/** Every worker process started here, so none outlives the test process even when an afterAll never runs. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
});

/**
 * Starts `node --import tsx worker/main.ts` against the test servers (TEMPORAL_ADDRESS, MONGODB_URI, SMTP_URL from
 * the environment the global setup prepared) on `taskQueue`, and resolves once Temporal lists this very process
 * (by its identity) as a poller of the queue for workflow and for activity tasks.
 */
export async function startWorkerProcess(options: WorkerProcessOptions): Promise<WorkerProcess> {
  const logDir = mkdtempSync(path.join(tmpdir(), 'zi-worker-'));
  const logFile = path.join(logDir, 'worker.log');
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      TEMPORAL_NAMESPACE: options.namespace,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      PUBLIC_URL: 'http://zi.test',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    // Its own process group, so a signal reaches whatever it might spawn; the exit hook above reaps it.
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  if (child.pid === undefined) {
    await new Promise((resolve) => child.once('error', resolve));
    throw new Error(`could not start the worker process (log: ${logFile})`);
  }
  const pid = child.pid;
  live.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void exited.then((how) => (exit = how));

  const logTail = (lines = 40) => {
    try {
      return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  const kill = async (signal: NodeJS.Signals) => {
    if (exit) return;
    signalGroup(pid, signal);
    await exited;
  };
  const worker: WorkerProcess = {
    pid,
    identity: `${pid}@${hostname()}`,
    logFile,
    exited,
    kill,
    logTail,
    async stop(graceMs = 20_000) {
      if (exit) return;
      signalGroup(pid, 'SIGTERM');
      const forced = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(forced);
      // Nothing it spawned stays behind.
      signalGroup(pid, 'SIGKILL');
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  for (;;) {
    if (exit) {
      throw new Error(
        `the worker process exited (${exit.signal ?? `code ${exit.code}`}) before polling; log ${logFile}:\n${logTail()}`,
      );
    }
    const polling = await Promise.all(
      [workflowTasks, activityTasks].map((taskQueueType) =>
        options.client.workflowService
          .describeTaskQueue({
            namespace: options.namespace,
            taskQueue: { name: options.taskQueue, kind: normalQueue },
            taskQueueType,
          })
          .then((queue) => (queue.pollers ?? []).some((poller) => poller.identity === worker.identity))
          .catch(() => false),
      ),
    );
    if (polling.every(Boolean)) return worker;
    if (Date.now() > deadline) {
      await worker.stop(2_000);
      throw new Error(`the worker process did not poll ${options.taskQueue} in time; log ${logFile}:\n${logTail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
