import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
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

/** A ZI_* variable names a server this project cannot provide. */
export class UnknownToolError extends Error {}

const noBuildHint =
  'Or build nothing: point the project at existing servers with TEMPORAL_ADDRESS=host:port and ' +
  'MONGODB_URI=mongodb://host:port/zi (and SMTP_URL for mail).';

const goInstallHint = (minimum: string) => `Go >= ${minimum}: \`apt-get install golang-go\` or https://go.dev/dl/`;

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
    requireToolchain('go', `the Temporal CLI ${version}`, goInstallHint('1.23'));
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

/** The local MongoDB-wire servers this project can build and start. */
export const localMongoServers = ['mongo-java-server', 'ferretdb'] as const;
export type LocalMongoServer = (typeof localMongoServers)[number];

/**
 * Which one `npm start`, `npm run tools` and the tests use: ZI_MONGODB_SERVER, mongo-java-server by default.
 * FerretDB is opt-in until the product passes the integration suite on it (see scripts/services/mongo.ts).
 */
export function localMongoServer(env: NodeJS.ProcessEnv = process.env): LocalMongoServer {
  const chosen = env.ZI_MONGODB_SERVER || 'mongo-java-server';
  const known = localMongoServers.find((server) => server === chosen);
  if (known) return known;
  throw new UnknownToolError(`ZI_MONGODB_SERVER must be one of ${localMongoServers.join(', ')}; got "${chosen}".`);
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

/**
 * FerretDB v1 (MongoDB wire protocol over SQLite), built once per machine from the Go module proxy. Idempotent.
 *
 * Not `go install module@version`: the module's `build/version/version.txt` is generated by FerretDB's own release
 * tooling and is not in the module zip, so a binary built straight from it panics at start-up ("Invalid
 * build/version/version.txt"). The module is therefore fetched in a throw-away Go module (`go get -tool`, the way
 * the proxy serves it), copied, given that file — exactly what FerretDB's docs say to do by hand — and built with
 * `go build`. CGO is off: the SQLite backend is pure Go (modernc.org/sqlite).
 *
 * A `ferretdb` on PATH is deliberately not used: FerretDB v2 has other flags and needs PostgreSQL with DocumentDB.
 */
export function ensureFerretDb(log: (line: string) => void = console.log): string {
  const { version } = versions.ferretdb;
  const local = path.join(projectToolsDir, 'bin', `ferretdb-${version}`);
  if (existsSync(local)) return local;

  const cacheDir = path.join(machineToolsCache(), `ferretdb-${version}`);
  if (!existsSync(path.join(cacheDir, 'ferretdb'))) {
    requireToolchain('go', `FerretDB ${version}`, goInstallHint('1.24'));
    requireGoVersion(1, 24, `FerretDB ${version}`);
    log(`Building FerretDB ${version} (first time on this machine: a minute or two)...`);
    buildAtomically(cacheDir, (staging) => buildFerretDb(path.join(staging, 'ferretdb')));
  }
  mkdirSync(path.dirname(local), { recursive: true });
  copyFileSync(path.join(cacheDir, 'ferretdb'), local);
  log(`ferretdb ${version} ready at ${path.relative(projectRoot, local)}`);
  return local;
}

function buildFerretDb(output: string): void {
  const { module, command, version } = versions.ferretdb;
  const work = mkdtempSync(path.join(tmpdir(), 'zi-ferretdb-build-'));
  try {
    const go = (args: string[], cwd: string): string => runGo(args, cwd, { CGO_ENABLED: '0' });
    go(['mod', 'init', 'zi-tools'], work);
    go(['get', '-tool', `${command}@${version}`], work);
    const moduleDir = go(['list', '-m', '-f', '{{.Dir}}', module], work).trim();
    const source = path.join(work, 'src');
    cpSync(moduleDir, source, { recursive: true });
    makeWritable(source); // the module cache is read-only, and so is a plain copy of it
    writeFileSync(path.join(source, 'build', 'version', 'version.txt'), `${version}\n`);
    go(['build', '-buildvcs=false', '-o', output, `./${command.slice(module.length + 1)}`], source);
  } finally {
    makeWritable(work);
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs `go`, answering its stdout; on failure throws with the command and everything it printed. */
function runGo(args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const result = spawnSync('go', args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) {
    const output = [result.error?.message, result.stdout, result.stderr].filter(Boolean).join('\n').trim();
    throw new Error(`\`go ${args.join(' ')}\` failed (in ${cwd}):\n${output}`);
  }
  return result.stdout;
}

function requireGoVersion(major: number, minor: number, forWhat: string): void {
  const reported = spawnSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).stdout.trim();
  const match = /^go(\d+)\.(\d+)/.exec(reported);
  if (!match) return; // a development toolchain: let the build speak for itself
  const [found, wanted] = [Number(match[1]) * 1000 + Number(match[2]), major * 1000 + minor];
  if (found >= wanted) return;
  throw new MissingToolchainError(
    [
      `Cannot build ${forWhat}: it needs Go >= ${major}.${minor}, and \`go\` is ${reported}.`,
      `Install a newer Go (${goInstallHint(`${major}.${minor}`)}), then run \`npm run tools\` again.`,
      noBuildHint,
    ].join('\n'),
  );
}

function makeWritable(dir: string): void {
  if (!existsSync(dir)) return;
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    chmodSync(path.join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
}
