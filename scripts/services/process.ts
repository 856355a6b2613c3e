import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import net from 'node:net';

/** A server process this project started, and how to stop it with everything it spawned. */
export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** File that receives the process's stdout and stderr; inherited from the parent when absent. */
  logFile?: string;
  /** Prefix each line of output with the name (for `npm start`, which shows every service's output). */
  prefixOutput?: boolean;
}

/**
 * Starts a process in its own process group, so stopping it also stops whatever it spawned
 * (no orphan left behind when `npm start` or a test run ends).
 */
export function spawnManaged(options: SpawnOptions): ManagedProcess {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sink = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      if (sink) sink.write(chunk);
      else if (options.prefixOutput) process.stdout.write(prefixLines(options.name, chunk.toString()));
      else process.stdout.write(chunk);
    });
  }
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      signalGroup(child.pid, 'SIGTERM');
      const forced = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
      // Anything the process left running in its group goes too.
      signalGroup(child.pid, 'SIGKILL');
      sink?.end();
    })();
    return stopping;
  };
  return { name: options.name, child, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function prefixLines(name: string, text: string): string {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => `[${name}] ${line}\n`)
    .join('');
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function canConnect(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Waits until host:port accepts connections, or fails naming the service and showing where its log is. */
export async function waitForPort(
  service: ManagedProcess | undefined,
  host: string,
  port: number,
  timeoutMs: number,
  description: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(host, port)) return;
    if (service && service.child.exitCode !== null) {
      throw new Error(`${description} exited with code ${service.child.exitCode} before accepting connections`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${description} did not accept connections on ${host}:${port} within ${timeoutMs} ms`);
}
