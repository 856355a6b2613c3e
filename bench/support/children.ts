/**
 * The bench's own Node processes (API, workers, SMTP sink), each in its own process group with its output in a log
 * file, stopped on the way out however the bench ends (Ctrl-C included), and measurable (RSS from /proc).
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { spawnManaged, type ManagedProcess } from '../../scripts/services/process';

export const repoRoot = path.resolve(__dirname, '../..');

export interface NodeChild {
  name: string;
  pid: number;
  logFile: string;
  /** `<pid>@<host>`: the identity the Temporal SDK polls with by default. */
  identity: string;
  exited(): boolean;
  stop(): Promise<void>;
  logTail(lines?: number): string;
}

const live = new Set<ManagedProcess>();

/** Counts a server process started elsewhere (scripts/services/*) among those stopped on the way out. */
export function adopt(managed: ManagedProcess): ManagedProcess {
  live.add(managed);
  return managed;
}

/** Stops every child still running (called on exit, SIGINT and SIGTERM). */
export async function stopAllChildren(): Promise<void> {
  await Promise.allSettled([...live].map((child) => child.stop()));
}

process.once('exit', () => {
  for (const child of live) {
    try {
      process.kill(-child.child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

/**
 * `node --import tsx <entry>` from the repository root, with `env` over this process's environment; or, for an entry
 * already compiled to JavaScript, `node <nodeFlags> <entry>` as production runs it.
 */
export function spawnNode(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
  compiled?: { nodeFlags: readonly string[] },
): NodeChild {
  const logFile = path.join(logDir, `${name}.log`);
  const managed = spawnManaged({
    name,
    command: process.execPath,
    args: compiled ? [...compiled.nodeFlags, entry] : ['--import', 'tsx', entry],
    cwd: repoRoot,
    env: { ...process.env, ...env },
    logFile,
  });
  if (managed.child.pid === undefined) throw new Error(`could not start ${name} (log: ${logFile})`);
  live.add(managed);
  const pid = managed.child.pid;
  return {
    name,
    pid,
    logFile,
    identity: `${pid}@${hostname()}`,
    exited: () => managed.child.exitCode !== null || managed.child.signalCode !== null,
    async stop() {
      await managed.stop();
      live.delete(managed);
    },
    logTail(lines = 30) {
      try {
        return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
  };
}

/** The process's resident set size and its high-water mark, in bytes (Linux /proc). */
export function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kib('VmRSS'), peak: kib('VmHWM') };
  } catch {
    return undefined;
  }
}

// temporal.api.enums.v1: TaskQueueKind NORMAL; TaskQueueType WORKFLOW and ACTIVITY.
const normalQueue = 1;
const queueTypes = [1, 2];

/** Resolves once Temporal lists this very process as a poller of `taskQueue` for workflow and activity tasks. */
export async function untilPolling(
  child: NodeChild,
  client: Client,
  namespace: string,
  taskQueue: string,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exited())
      throw new Error(`${child.name} exited before polling; log ${child.logFile}:\n${child.logTail()}`);
    const polling = await Promise.all(
      queueTypes.map((taskQueueType) =>
        client.workflowService
          .describeTaskQueue({ namespace, taskQueue: { name: taskQueue, kind: normalQueue }, taskQueueType })
          .then((queue) => (queue.pollers ?? []).some((poller) => poller.identity === child.identity))
          .catch(() => false),
      ),
    );
    if (polling.every(Boolean)) return;
    if (Date.now() > deadline) {
      throw new Error(`${child.name} did not poll ${taskQueue} in time; log ${child.logFile}:\n${child.logTail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Resolves once `url` answers 200. */
export async function untilAnswering(child: NodeChild, url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exited())
      throw new Error(`${child.name} exited before answering; log ${child.logFile}:\n${child.logTail()}`);
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${child.name} did not answer ${url} in time; log ${child.logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
