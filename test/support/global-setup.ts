/**
 * Starts the real servers once per test run on free loopback ports, unless the environment names them
 * (TEMPORAL_ADDRESS, MONGODB_URI, SMTP_URL + SMTP_READ_URL). Test workers inherit the addresses via process.env.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ManagedProcess } from '../../scripts/services/process';
import { startLocalMongo } from '../../scripts/services/mongo';
import { startSmtpSink, type SmtpSink } from '../../scripts/services/smtp-sink';
import { startTemporalDevServer } from '../../scripts/services/temporal';

export interface StartedServices {
  processes: ManagedProcess[];
  sink?: SmtpSink;
}

declare global {
  var __ziServices: StartedServices | undefined;
}

export default async function globalSetup(): Promise<void> {
  const logDir = mkdtempSync(path.join(tmpdir(), 'zi-test-servers-'));
  const services: StartedServices = { processes: [] };
  globalThis.__ziServices = services;
  const log = (line: string) => process.stdout.write(`\n[test servers] ${line}`);

  const temporal = process.env.TEMPORAL_ADDRESS
    ? undefined
    : startTemporalDevServer({ logFile: path.join(logDir, 'temporal.log') }).then((server) => {
        services.processes.push(server.process);
        process.env.TEMPORAL_ADDRESS = server.address;
      });
  const mongo = process.env.MONGODB_URI
    ? undefined
    : startLocalMongo({ database: 'zi-test', logFile: path.join(logDir, 'mongodb.log') }).then((server) => {
        services.processes.push(server.process);
        process.env.MONGODB_URI = server.uri;
      });
  if (!process.env.SMTP_URL) {
    services.sink = await startSmtpSink();
    process.env.SMTP_URL = `smtp://127.0.0.1:${services.sink.smtpPort}`;
    process.env.SMTP_READ_URL = `http://127.0.0.1:${services.sink.httpPort}`;
  }
  const results = await Promise.allSettled([temporal, mongo]);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    await stopServices(services);
    throw failure.reason;
  }
  log(
    `Temporal ${process.env.TEMPORAL_ADDRESS}, MongoDB ${process.env.MONGODB_URI}, SMTP ${process.env.SMTP_URL} ` +
      `(server logs in ${logDir})\n`,
  );
}

export async function stopServices(services: StartedServices): Promise<void> {
  await Promise.allSettled([...services.processes.map((p) => p.stop()), services.sink?.close()]);
}
