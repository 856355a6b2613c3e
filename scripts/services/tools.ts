import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import versions from '../tool-versions.json';

export const projectRoot = path.resolve(__dirname, '..', '..');

/** Project-local copies of the binaries (git-ignored). */
export const projectToolsDir = path.join(projectRoot, '.tools');

const mongoWireSource = path.join(projectRoot, 'scripts', 'mongo-wire-server');

/**
 * Built tools are kept per version outside the clone, so fresh clones (CI) on the same machine reuse them
 * instead of compiling for minutes. Override with ZI_TOOLS_CACHE.
 */
export function machineToolsCache(): string {
  const base = process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache');
  return process.env.ZI_TOOLS_CACHE ?? path.join(base, 'zi-orchestrator', 'tools');
}

export class MissingToolchainError extends Error {}

const noBuildHint =
  'Or build nothing: point the project at existing servers with TEMPORAL_ADDRESS=host:port and ' +
  'MONGODB_URI=mongodb://host:port/zi (and SMTP_URL for mail).';

function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const location = found.stdout.trim();
  return found.status === 0 && location !== '' ? location : undefined;
}

function requireToolchain(command: string, forWhat: string, install: string): void {
  if (onPath(command)) return;
  throw new MissingToolchainError(
    [
      `Cannot build ${forWhat}: \`${command}\` is not on PATH.`,
      `Install it (${install}), then run \`npm run tools\` again.`,
      noBuildHint,
    ].join('\n'),
  );
}

/** Builds into `<final>.partial` and renames at the end, so an interrupted build never looks cached. */
function buildAtomically(finalDir: string, build: (stagingDir: string) => void): void {
  const staging = `${finalDir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  build(staging);
  rmSync(finalDir, { recursive: true, force: true });
  renameSync(staging, finalDir);
}

/** The `temporal` CLI: one on PATH wins; otherwise built once per machine with `go install`. Idempotent. */
export function ensureTemporal(log: (line: string) => void = console.log): string {
  const existing = onPath('temporal');
  if (existing) return existing;

  const { module, version } = versions.temporal;
  const local = path.join(projectToolsDir, 'bin', `temporal-${version}`);
  if (existsSync(local)) return local;

  const cacheDir = path.join(machineToolsCache(), `temporal-${version}`);
  if (!existsSync(path.join(cacheDir, 'temporal'))) {
    requireToolchain(
      'go',
      `the Temporal CLI ${version}`,
      'Go >= 1.23: `apt-get install golang-go` or https://go.dev/dl/',
    );
    log(`Building the Temporal CLI ${version} with go install (first time on this machine: several minutes)...`);
    buildAtomically(cacheDir, (staging) =>
      execFileSync('go', ['install', `${module}@${version}`], {
        stdio: 'inherit',
        env: { ...process.env, GOBIN: staging, CGO_ENABLED: '0' },
      }),
    );
  }
  mkdirSync(path.dirname(local), { recursive: true });
  copyFileSync(path.join(cacheDir, 'temporal'), local);
  log(`temporal ${version} ready at ${path.relative(projectRoot, local)}`);
  return local;
}

/** How to run the local MongoDB-wire server: a `java` command line without its own arguments. */
export interface JavaCommand {
  command: string;
  args: string[];
}

/** mongo-java-server, built with Maven once per machine and per source revision. Idempotent. */
export function ensureMongoWireServer(log: (line: string) => void = console.log): JavaCommand {
  const { version } = versions.mongoWireServer;
  const sourceHash = createHash('sha256')
    .update(readFileSync(path.join(mongoWireSource, 'pom.xml')))
    .update(readFileSync(path.join(mongoWireSource, 'src/main/java/zi/MongoWireServer.java')))
    .digest('hex')
    .slice(0, 12);
  const cacheDir = path.join(machineToolsCache(), `mongo-wire-server-${version}-${sourceHash}`);
  const jar = path.join(cacheDir, 'target', `mongo-wire-server-${version}.jar`);
  requireToolchain('java', 'the local MongoDB-wire server', 'a JDK >= 17: `apt-get install openjdk-17-jdk-headless`');
  if (!existsSync(jar)) {
    requireToolchain('mvn', 'the local MongoDB-wire server', 'Maven: `apt-get install maven`');
    log(`Building the local MongoDB-wire server (mongo-java-server ${version}) with Maven...`);
    buildAtomically(cacheDir, (staging) => {
      cpSync(path.join(mongoWireSource, 'pom.xml'), path.join(staging, 'pom.xml'));
      cpSync(path.join(mongoWireSource, 'src'), path.join(staging, 'src'), { recursive: true });
      execFileSync('mvn', ['-q', '-B', 'package'], { cwd: staging, stdio: 'inherit' });
    });
  }
  return {
    command: 'java',
    args: [
      '-Xmx512m',
      // Per-connection INFO lines drown everything else; warnings and errors still reach the log.
      '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
      '-cp',
      `${jar}${path.delimiter}${path.join(cacheDir, 'target', 'lib', '*')}`,
      'zi.MongoWireServer',
    ],
  };
}
