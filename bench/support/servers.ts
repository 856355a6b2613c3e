/**
 * The servers a bench size runs on: those the environment names (TEMPORAL_ADDRESS, MONGODB_URI, SMTP_URL with
 * SMTP_READ_URL), or fresh local ones started here exactly as the test harness starts them (scripts/services/*), so
 * one size's leftovers never weigh on the next. Every database the bench writes is its own (`zi-bench-…`).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { startLocalMongo } from '../../scripts/services/mongo';
import { canConnect, freePort, type ManagedProcess } from '../../scripts/services/process';
import { startTemporalDevServer } from '../../scripts/services/temporal';
import { ensureTemporal, localMongoServer } from '../../scripts/services/tools';
import versions from '../../scripts/tool-versions.json';
import { adopt, spawnNode, type NodeChild } from './children';
import type { NamedProcess } from './cpu';

export interface BenchServers {
  temporalAddress: string;
  namespace: string;
  smtpUrl: string;
  /** The Mailpit-compatible read API of the SMTP server, when known. */
  smtpReadUrl?: string;
  /** The MongoDB URI of one of the bench's own databases on the database server. */
  mongoUri(database: string): string;
  /** Which servers were started here (the others the environment named). */
  owned: { temporal: boolean; mongo: boolean; smtp: boolean };
  /** The servers started here, as OS processes whose CPU time the bench can read. */
  processes: NamedProcess[];
  stop(): Promise<void>;
}

export interface ServerVersions {
  temporal: string;
  database: string;
  smtp: string;
}

export async function startServers(logDir: string): Promise<BenchServers> {
  const processes: (ManagedProcess | NodeChild)[] = [];
  const named: NamedProcess[] = [];
  const stop = async () => {
    await Promise.allSettled(processes.map((p) => p.stop()));
  };
  try {
    const [temporalAddress, mongoBase] = await Promise.all([
      process.env.TEMPORAL_ADDRESS ??
        startTemporalDevServer({ logFile: path.join(logDir, 'temporal.log') }).then((server) => {
          processes.push(adopt(server.process));
          named.push({ name: 'Temporal server', pid: server.process.child.pid! });
          return server.address;
        }),
      process.env.MONGODB_URI ??
        startLocalMongo({ database: 'zi-bench', logFile: path.join(logDir, 'mongodb.log') }).then((server) => {
          processes.push(adopt(server.process));
          named.push({ name: 'database', pid: server.process.child.pid! });
          return server.uri;
        }),
    ]);
    let smtpUrl = process.env.SMTP_URL;
    let smtpReadUrl = process.env.SMTP_READ_URL;
    if (!smtpUrl) {
      const [smtpPort, httpPort] = [await freePort(), await freePort()];
      const sink = spawnNode(
        'smtp-sink',
        'bench/support/smtp-sink-main.ts',
        { BENCH_SMTP_PORT: String(smtpPort), BENCH_SMTP_HTTP_PORT: String(httpPort) },
        logDir,
      );
      processes.push(sink);
      named.push({ name: 'SMTP sink', pid: sink.pid });
      await untilPort(sink, smtpPort);
      await untilPort(sink, httpPort);
      smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
      smtpReadUrl = `http://127.0.0.1:${httpPort}`;
    }
    return {
      temporalAddress,
      namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
      smtpUrl,
      smtpReadUrl,
      mongoUri: (database) => withDatabase(mongoBase, database),
      owned: {
        temporal: !process.env.TEMPORAL_ADDRESS,
        mongo: !process.env.MONGODB_URI,
        smtp: !process.env.SMTP_URL,
      },
      processes: named,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function untilPort(child: NodeChild, port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await canConnect('127.0.0.1', port))) {
    if (child.exited() || Date.now() > deadline) {
      throw new Error(`${child.name} did not listen on ${port}; log ${child.logFile}:\n${child.logTail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The same server with another database (hosts, credentials and options kept). */
export function withDatabase(uri: string, database: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`cannot read the MongoDB URI ${uri}`);
  return `${match[1]}/${database}${match[2] ?? ''}`;
}

/** What each server is and reports: the Temporal CLI and server versions, the database server and its version. */
export async function serverVersions(servers: BenchServers): Promise<ServerVersions> {
  const connection = await Connection.connect({ address: servers.temporalAddress });
  let temporalServer = 'unknown';
  try {
    const info = await connection.workflowService.getClusterInfo({});
    temporalServer = info.serverVersion ?? 'unknown';
  } finally {
    await connection.close();
  }
  let cli = 'not started by the bench';
  if (servers.owned.temporal) {
    const binary = ensureTemporal();
    const reports = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
    // A `go install`ed CLI reports 0.0.0-DEV; the pinned version is the one scripts/tool-versions.json names.
    cli = binary.endsWith(`temporal-${versions.temporal.version}`)
      ? `Temporal CLI ${versions.temporal.version} (scripts/tool-versions.json; it reports "${reports}")`
      : `the \`temporal\` on PATH ("${reports}")`;
  }
  const mongo = await mongoose.createConnection(servers.mongoUri('zi-bench-info')).asPromise();
  let reported = 'unknown';
  try {
    const info = await mongo.db!.admin().buildInfo();
    reported = String(info.version);
  } finally {
    await mongo.close();
  }
  const localServer = localMongoServer();
  const database = servers.owned.mongo
    ? localServer === 'ferretdb'
      ? `FerretDB ${versions.ferretdb.version} (SQLite backend), reports MongoDB ${reported}`
      : `mongo-java-server ${versions.mongoWireServer.version} (H2 backend, in memory), reports MongoDB ${reported}`
    : `the server MONGODB_URI names, reports MongoDB ${reported}`;
  return {
    temporal: `Temporal server ${temporalServer} (${servers.owned.temporal ? `\`temporal server start-dev\`, in memory; ${cli}` : 'the server TEMPORAL_ADDRESS names'})`,
    database,
    smtp: servers.owned.smtp
      ? "the project's SMTP sink (scripts/services/smtp-sink.ts) in a process of its own"
      : 'the server SMTP_URL names',
  };
}
