/** The machine, the versions and the state of the code a run measured, for the report. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './children';

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  loadAtStart: number[];
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    loadAtStart: os.loadavg(),
  };
}

const packages = [
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/workflow',
  'mongoose',
  'mongodb',
  'express',
  'nodemailer',
  'zod',
  'tsx',
];

export function packageVersions(): Record<string, string> {
  return Object.fromEntries(
    packages.map((name) => {
      try {
        const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8'));
        return [name, String(manifest.version)];
      } catch {
        return [name, 'not installed'];
      }
    }),
  );
}

/** The commit measured, and whether the working tree differed from it (read only: nothing in git is changed). */
export function codeVersion(): string {
  try {
    const run = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    const commit = run('rev-parse', '--short', 'HEAD');
    const dirty = run('status', '--porcelain', '--untracked-files=no') !== '';
    return `${commit}${dirty ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}
