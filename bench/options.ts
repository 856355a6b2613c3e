import { workerDeployment } from '../config/worker-deployment';
import { phases, type Phase } from './support/results';

/**
 * What `npm run bench` measures and at which sizes, from the environment, so a quick run (`BENCH_SIZES=10`) and the
 * issue's full run (the default) are the same code. Sizes are unit counts; the other figures scale with them so the
 * largest default size (200 units) is the issue's: 100,000 tasks in the database and 10,000 open task workflows.
 */
export interface BenchOptions {
  /** Unit counts to run, smallest first. @default 10,50,200 */
  sizes: number[];
  /** Tasks in the database per unit for the query benchmark (500 × 200 units = 100,000). @default 500 */
  tasksPerUnit: number;
  /** Open task workflows per unit for the memory benchmark (50 × 200 units = 10,000). @default 50 */
  workflowsPerUnit: number;
  /** Concurrent signed-in clients completing tasks. @default 20 */
  clients: number;
  /** Tasks each client completes (claim → submit → review) while measured. @default 10 */
  tasksPerClient: number;
  /** Requests per query kind (and as many floor queries), one at a time. @default 100 */
  querySamples: number;
  /** Workflow starts in flight at once when the bench itself starts workflows. @default 50 */
  startConcurrency: number;
  /**
   * Longest wait for one thing a phase waits on (tasks stored, emails sent, workflows started); past it the phase fails
   * and is reported as not finished. @default 1800000 (30 min)
   */
  phaseTimeoutMs: number;
  /**
   * Minutes after which no further phase starts (the ones left are reported as not run), so a run on a busy machine
   * still ends with a report. @default none
   */
  budgetMinutes: number;
  /** Where the report goes, relative to the repository. @default docs/benchmarks.md */
  output: string;
  /** Phases to run (a quick look at one figure); the others are reported as not run. @default all four */
  phases: Phase[];
  /**
   * How both workers run: as deployed (config/worker-deployment.ts), unless an experiment sets the cache
   * (WORKER_MAX_CACHED_WORKFLOWS) or the node flags (BENCH_WORKER_NODE_FLAGS, space-separated; empty for none).
   */
  worker: { nodeFlags: readonly string[]; maxCachedWorkflows: number };
}

const positiveInt = (name: string, fallback: number, env: NodeJS.ProcessEnv): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
};

export function benchOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const sizes = (env.BENCH_SIZES ?? '10,50,200')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(Number);
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1 || size > 999)) {
    throw new Error(`BENCH_SIZES must be a comma list of unit counts (1 to 999), not "${env.BENCH_SIZES}"`);
  }
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    tasksPerUnit: positiveInt('BENCH_TASKS_PER_UNIT', 500, env),
    workflowsPerUnit: positiveInt('BENCH_WORKFLOWS_PER_UNIT', 50, env),
    clients: positiveInt('BENCH_CLIENTS', 20, env),
    tasksPerClient: positiveInt('BENCH_TASKS_PER_CLIENT', 10, env),
    querySamples: positiveInt('BENCH_QUERY_SAMPLES', 100, env),
    startConcurrency: positiveInt('BENCH_START_CONCURRENCY', 50, env),
    phaseTimeoutMs: positiveInt('BENCH_PHASE_TIMEOUT_MS', 1_800_000, env),
    budgetMinutes: env.BENCH_BUDGET_MINUTES ? positiveInt('BENCH_BUDGET_MINUTES', 0, env) : Number.POSITIVE_INFINITY,
    output: env.BENCH_OUTPUT ?? 'docs/benchmarks.md',
    phases: phasesFrom(env.BENCH_PHASES),
    worker: {
      nodeFlags: env.BENCH_WORKER_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? workerDeployment.nodeFlags,
      maxCachedWorkflows: positiveInt('WORKER_MAX_CACHED_WORKFLOWS', workerDeployment.maxCachedWorkflows, env),
    },
  };
}

function phasesFrom(raw: string | undefined): Phase[] {
  if (raw === undefined || raw.trim() === '') return [...phases];
  const chosen = raw.split(',').map((part) => part.trim());
  const unknown = chosen.filter((name) => !(phases as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`BENCH_PHASES takes ${phases.join(', ')}; not "${unknown.join(', ')}"`);
  return phases.filter((name) => chosen.includes(name));
}
