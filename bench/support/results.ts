import type { LatencyResult } from '../phases/latency';
import type { LaunchResult } from '../phases/launch';
import type { MemoryResult } from '../phases/memory';
import type { QueriesResult } from '../phases/queries';
import type { BenchOptions } from '../options';
import type { Machine } from './environment';
import type { ServerVersions } from './servers';

export const phases = ['launch', 'latency', 'queries', 'memory'] as const;
export type Phase = (typeof phases)[number];

/** What one size measured; a phase that failed or did not run has no result and, if it failed, an error. */
export interface SizeResult {
  units: number;
  launch?: LaunchResult;
  latency?: LatencyResult;
  queries?: QueriesResult;
  memory?: MemoryResult;
  errors: Partial<Record<Phase, string>>;
  /** Phases not started because the time budget (BENCH_BUDGET_MINUTES) was spent. */
  skipped: Phase[];
  /** Phases left out by BENCH_PHASES. */
  notSelected?: Phase[];
  minutes?: number;
}

export interface RunResult {
  startedAt: Date;
  finishedAt?: Date;
  /** When the report was last written again from the recorded results (`--render`), without measuring. */
  renderedAt?: Date;
  options: BenchOptions;
  machine: Machine;
  loadAtEnd?: number[];
  node: string;
  packages: Record<string, string>;
  code: string;
  servers?: ServerVersions;
  sizes: SizeResult[];
  /** Sizes asked for but not run (the run was stopped or ran out of time). */
  notRun: number[];
}

/** The goals. */
export const goals = { launch: 1.3, latencyP99: 1.5, queryP95: 2, memoryMiB: 400 };
