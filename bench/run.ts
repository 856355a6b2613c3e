/**
 * `npm run bench`: for each size (BENCH_SIZES, unit counts), fresh servers (or those the environment names), the
 * product's processes and the floor's, then the four measurements — launch fan-out, complete-task latency, queries,
 * worker memory — each next to its floor. docs/benchmarks.md and its plot are rewritten after every phase.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { benchOptions } from './options';
import { latencyPhase } from './phases/latency';
import { launchPhase } from './phases/launch';
import { memoryPhase } from './phases/memory';
import { queriesPhase } from './phases/queries';
import { buildBundles } from './support/bundles';
import { repoRoot, stopAllChildren } from './support/children';
import { codeVersion, machine, packageVersions } from './support/environment';
import { lineChartsSvg } from './support/plot';
import { elapsed, progress } from './support/progress';
import { launchRatio, latencyRatio, peakOf, queryRatio, renderReport } from './support/report';
import { goals, type Phase, type RunResult, type SizeResult } from './support/results';
import { serverVersions, startServers } from './support/servers';
import { startBenchStack, type BenchStack } from './support/stack';

const MiB = 1024 * 1024;

/** What runs now, so an interrupted run can say so in its report before it ends. */
let interrupt: ((signal: NodeJS.Signals) => void) | undefined;

async function main(): Promise<void> {
  const options = benchOptions();
  const runDir = mkdtempSync(path.join(tmpdir(), 'zi-bench-'));
  const tag = randomUUID().slice(0, 6);
  const run: RunResult = {
    startedAt: new Date(),
    options,
    machine: machine(),
    node: process.version,
    packages: packageVersions(),
    code: codeVersion(),
    sizes: [],
    notRun: [...options.sizes],
  };
  const resultsFile = path.join(runDir, 'results.json');
  const write = () => {
    writeFileSync(resultsFile, JSON.stringify(run, null, 2));
    writeOutputs(run);
  };

  const overBudget = () => Date.now() - run.startedAt.getTime() > options.budgetMinutes * 60_000;
  let current: { result: SizeResult; phase: Phase; started: number } | undefined;
  interrupt = (signal) => {
    if (current) {
      const seconds = ((Date.now() - current.started) / 1000).toFixed(0);
      current.result.errors[current.phase] = `interrupted (${signal}) after ${seconds} s`;
    }
    write();
  };

  progress(`sizes ${options.sizes.join(', ')} units; logs, bundles and results.json in ${runDir}`);
  progress('building the workflow bundles and compiling the workers (product and floor) and the API');
  const bundles = await buildBundles(path.join(runDir, 'bundles'));

  for (const units of options.sizes) {
    if (overBudget()) {
      progress(`time budget of ${options.budgetMinutes} min spent: ${units} units not run`);
      continue;
    }
    const sizeStarted = Date.now();
    const result: SizeResult = { units, errors: {}, skipped: [] };
    run.sizes.push(result);
    run.notRun = run.notRun.filter((size) => size !== units);
    const logDir = path.join(runDir, `u${units}`);
    mkdirSync(logDir, { recursive: true });
    progress(`==== ${units} units: starting servers (logs in ${logDir})`);
    const servers = await startServers(logDir);
    run.servers ??= await serverVersions(servers);
    const stack = await startBenchStack({
      servers,
      database: `zi-bench-u${units}-${tag}`,
      bundles,
      logDir,
      worker: options.worker,
    });
    const phase = async <T>(name: Phase, work: () => Promise<T>): Promise<T | undefined> => {
      if (!options.phases.includes(name)) {
        (result.notSelected ??= []).push(name);
        return undefined;
      }
      if (overBudget()) {
        result.skipped.push(name);
        progress(`time budget of ${options.budgetMinutes} min spent: ${name} not run`);
        write();
        return undefined;
      }
      const started = Date.now();
      current = { result, phase: name, started };
      try {
        return await work();
      } catch (error) {
        result.errors[name] = error instanceof Error ? error.message : String(error);
        progress(`${name} failed: ${result.errors[name]}`);
        return undefined;
      } finally {
        current = undefined;
        progress(`${name} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
        write();
      }
    };
    try {
      const productQueue = stack.newQueue('product');
      const floorQueue = stack.newQueue('floor');
      progress('starting the floor worker, the product worker and the API (each its own process)');
      const floorWorker = await stack.startFloorWorker(floorQueue);
      const productWorker = await stack.startProductWorker(productQueue);
      const api = await stack.startApi(productQueue);
      const common = { stack, startConcurrency: options.startConcurrency, timeoutMs: options.phaseTimeoutMs };

      result.launch = await phase('launch', () =>
        launchPhase({ ...common, api, floorQueue, workerLog: productWorker.logFile }, units),
      );
      result.latency = await phase('latency', () =>
        latencyPhase({
          ...common,
          api,
          productQueue,
          floorQueue,
          clients: options.clients,
          tasksPerClient: options.tasksPerClient,
        }),
      );
      // The queries need neither worker; the memory phase starts fresh ones.
      await Promise.all([floorWorker.stop(), productWorker.stop()]);
      result.queries = await phase('queries', () =>
        queriesPhase({ stack, api, samples: options.querySamples }, units, units * options.tasksPerUnit),
      );
      await api.child.stop();
      result.memory = await phase('memory', () => memoryPhase(common, units, options.workflowsPerUnit));
    } finally {
      await cleanUp(stack);
      await stack.stop();
      await servers.stop();
      result.minutes = (Date.now() - sizeStarted) / 60_000;
      progress(`==== ${units} units done in ${result.minutes.toFixed(1)} min`);
    }
  }
  run.finishedAt = new Date();
  run.loadAtEnd = os.loadavg();
  write();
  const { report, plotFile } = outputFiles(run);
  progress(`wrote ${path.relative(repoRoot, report)} and ${path.relative(repoRoot, plotFile)} (${elapsed()})`);
}

function outputFiles(run: RunResult): { report: string; plotFile: string } {
  const report = path.resolve(repoRoot, run.options.output);
  return { report, plotFile: report.replace(/\.md$/, '') + '.svg' };
}

/** docs/benchmarks.md and its plot from what was measured so far. */
function writeOutputs(run: RunResult): void {
  const { report, plotFile } = outputFiles(run);
  mkdirSync(path.dirname(report), { recursive: true });
  const measured = run.sizes.some((s) => s.launch || s.latency || s.queries || s.memory);
  if (measured) writeFileSync(plotFile, plot(run));
  writeFileSync(report, renderReport(run, measured ? path.basename(plotFile) : undefined));
}

/**
 * `--render <results.json>`: the report and plot written again from a run's recorded results (the run directory's
 * results.json), e.g. after a change to how the report reads; nothing is measured.
 */
function renderAgain(file: string): void {
  const run = JSON.parse(readFileSync(file, 'utf8'), (key, value: unknown) =>
    ['startedAt', 'finishedAt', 'renderedAt'].includes(key) && typeof value === 'string' ? new Date(value) : value,
  ) as RunResult;
  // JSON has no Infinity: an unlimited budget comes back as null.
  run.options.budgetMinutes ??= Number.POSITIVE_INFINITY;
  if (process.env.BENCH_OUTPUT) run.options.output = process.env.BENCH_OUTPUT;
  run.renderedAt = new Date();
  writeOutputs(run);
  const { report, plotFile } = outputFiles(run);
  progress(`rendered ${path.relative(repoRoot, report)} and ${path.relative(repoRoot, plotFile)} from ${file}`);
}

/**
 * Servers the bench started are simply stopped. On servers the environment named, the bench's workflows are ended
 * and its database dropped (BENCH_KEEP_DATA=1 keeps it), so nothing of it stays behind.
 */
async function cleanUp(stack: BenchStack): Promise<void> {
  if (process.env.BENCH_KEEP_DATA === '1') return;
  if (!stack.servers.owned.temporal) {
    progress('ending the bench workflows on the shared Temporal server');
    for (const queue of stack.queues) {
      const ids: string[] = [];
      try {
        const query = `TaskQueue="${queue}" AND ExecutionStatus="Running"`;
        for await (const execution of stack.client.workflow.list({ query })) ids.push(execution.workflowId);
      } catch {
        // Visibility may refuse the query: the queue is the bench's own, so its work simply idles.
      }
      for (let i = 0; i < ids.length; i += 100) {
        await Promise.allSettled(
          ids.slice(i, i + 100).map((id) => stack.client.workflow.getHandle(id).terminate('bench finished')),
        );
      }
    }
  }
  if (!stack.servers.owned.mongo) await stack.mongo.dropDatabase().catch(() => undefined);
}

function plot(run: RunResult): string {
  const sizes = run.sizes;
  return lineChartsSvg({
    title: 'ZI Orchestrator benchmarks: growth with the number of units',
    xLabel: 'units',
    xs: sizes.map((s) => String(s.units)),
    panels: [
      {
        title: 'Product ÷ floor (same run, same servers)',
        yLabel: 'ratio to the floor (log scale)',
        log: true,
        format: (v) => `${v < 1 ? v.toFixed(2) : v.toFixed(1)}×`,
        series: [
          {
            name: 'launch fan-out',
            colour: '#1f77b4',
            values: sizes.map(launchRatio),
            goal: goals.launch,
            failed: sizes.map((s) => Boolean(s.errors.launch)),
          },
          {
            name: 'task latency p99',
            colour: '#d62728',
            values: sizes.map(latencyRatio),
            goal: goals.latencyP99,
            failed: sizes.map((s) => Boolean(s.errors.latency)),
          },
          {
            name: 'ketua inbox p95',
            colour: '#2ca02c',
            values: sizes.map((s) => queryRatio(s, 'unitInbox')),
            goal: goals.queryP95,
          },
          {
            name: 'instansi inbox p95 (goal 2.0×)',
            colour: '#9467bd',
            values: sizes.map((s) => queryRatio(s, 'instansiInbox')),
          },
          {
            name: 'cycle progress p95 (goal 2.0×)',
            colour: '#8c564b',
            values: sizes.map((s) => queryRatio(s, 'cycleProgress')),
          },
        ],
      },
      {
        title: `Worker RSS with units × ${run.options.workflowsPerUnit} open task workflows`,
        yLabel: 'MB',
        format: (v) => v.toFixed(0),
        series: [
          {
            name: 'product worker, steady',
            colour: '#d62728',
            values: sizes.map((s) => (s.memory ? s.memory.product.steady / MiB : undefined)),
            goal: goals.memoryMiB,
          },
          {
            name: 'product worker, peak',
            colour: '#ff9896',
            dashed: true,
            values: sizes.map((s) => (s.memory ? peakOf(s.memory.product) / MiB : undefined)),
          },
          {
            name: 'floor worker, steady',
            colour: '#7f7f7f',
            values: sizes.map((s) => (s.memory ? s.memory.floor.steady / MiB : undefined)),
          },
        ],
      },
    ],
  });
}

const stop = (signal: NodeJS.Signals) => {
  progress(`${signal}: writing what was measured, then stopping every process the bench started`);
  interrupt?.(signal);
  void stopAllChildren().then(() => process.exit(130));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

const renderIndex = process.argv.indexOf('--render');
(renderIndex >= 0 ? Promise.resolve().then(() => renderAgain(process.argv[renderIndex + 1] ?? '')) : main())
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    void stopAllChildren().then(() => process.exit());
  });
