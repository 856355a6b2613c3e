/**
 * How the worker process is deployed: docker-compose.yml's `worker` service runs it this way, and the benchmarks
 * (bench/) run the product's worker exactly so, to measure what production runs. A unit test keeps the two in step.
 */
export const workerDeployment = {
  /**
   * Node flags of the worker process. V8 applies the heap limit to every isolate, so it also bounds the worker
   * thread that runs the workflows; without it V8 sizes heaps from the machine's memory (about 4 GB here) and lets
   * garbage pile up: 10,000 open task workflows held 520 MB of RSS with it unset and ≈ 360 MB with it.
   */
  nodeFlags: ['--max-old-space-size=256'],
  /** WORKER_MAX_CACHED_WORKFLOWS: workflows kept in memory between steps (about 0.5 MB each). */
  maxCachedWorkflows: 200,
} as const;
