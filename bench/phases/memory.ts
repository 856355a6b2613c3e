/**
 * 4. Worker memory. A fresh worker process (the product's `worker/main.ts`, configured as in production) while it holds
 * workflowsPerUnit × units open task workflows (10,000 at 200 units) started directly, each persisted and then
 * waiting on its first reminder timer weeks away. Its resident set size (RSS, /proc) is sampled throughout: idle
 * before, the highest while they start, and steady once all wait. Floor: a fresh floor worker process holding as
 * many trivial workflows that inserted one document and sleep on a timer.
 */
import { randomUUID } from 'node:crypto';
import { defaultCatalogue } from '../../domain/catalogue';
import { taskWorkflowId, taskWorkflowType, type TaskView, type TaskWorkflowInput } from '../../workflows/definitions';
import { floorSleepWorkflowType, type FloorInput } from '../floor/definitions';
import { memoryOf, type NodeChild } from '../support/children';
import { inPool, progress, waitUntil } from '../support/progress';
import type { BenchStack } from '../support/stack';

export interface WorkerMemory {
  idle: number;
  /** Highest RSS: the kernel's high-water mark (VmHWM), or a higher sample of ours (VmHWM is updated lazily). */
  peak: number;
  /** After every workflow waits: the highest of the samples over the settle window. */
  steady: number;
  /** From the first start until every workflow's document was written. */
  startSeconds: number;
}

export interface MemoryResult {
  workflows: number;
  product: WorkerMemory;
  floor: WorkerMemory;
  /** The workflow cache size both workers ran with (the product's `WORKER_MAX_CACHED_WORKFLOWS`). */
  maxCachedWorkflows: number;
}

export interface MemoryContext {
  stack: BenchStack;
  startConcurrency: number;
  timeoutMs: number;
}

const settleMs = 15_000;
const sampleMs = 500;

export async function memoryPhase(context: MemoryContext, units: number, perUnit: number): Promise<MemoryResult> {
  const { stack } = context;
  const workflows = units * perUnit;
  const tag = randomUUID().slice(0, 8);

  progress(`memory floor: a fresh floor worker with ${workflows} sleeping workflows`);
  const floorQueue = stack.newQueue('memory-floor');
  const floorWorker = await stack.startFloorWorker(floorQueue);
  const floor = await measure(context, floorWorker, workflows, {
    start: async (n) => {
      const input: FloorInput = { run: tag, n };
      await stack.client.workflow.start(floorSleepWorkflowType, {
        workflowId: `floor-sleep-${tag}-${n}`,
        taskQueue: floorQueue,
        args: [input],
      });
    },
    stored: () => stack.floorDocuments().countDocuments({ run: tag }),
  });
  await floorWorker.stop();
  progress(`memory floor: steady ${mb(floor.steady)} MB, peak ${mb(floor.peak)} MB`);

  progress(`memory: a fresh product worker with ${workflows} open task workflows`);
  const productQueue = stack.newQueue('memory');
  const productWorker = await stack.startProductWorker(productQueue);
  const cycleId = `bench-mem-${tag}`;
  const templates = defaultCatalogue.templates;
  const product = await measure(context, productWorker, workflows, {
    start: async (n) => {
      const unitCode = `MEM${String(Math.floor(n / perUnit) + 1).padStart(3, '0')}`;
      const index = n % perUnit;
      const base = templates[index % templates.length]!;
      const template = index < templates.length ? base : { ...base, key: `${base.key}_${index}` };
      // Due weeks away (spread so the timers are not all alike); open to the role, so no email at the start.
      const due = new Date(Date.now() + (30 + (n % 60)) * 86_400_000).toISOString();
      const input: TaskWorkflowInput = {
        cycleId,
        unit: { code: unitCode, name: `Unit Memori ${unitCode}` },
        template,
        due,
        assignees: [],
        reviewers: [],
      };
      await stack.client.workflow.start<(input: TaskWorkflowInput) => Promise<TaskView>>(taskWorkflowType, {
        workflowId: taskWorkflowId(cycleId, unitCode, template.key),
        taskQueue: productQueue,
        args: [input],
      });
    },
    stored: () => stack.models.Task.countDocuments({ cycleId }),
  });
  await productWorker.stop();
  progress(`memory: steady ${mb(product.steady)} MB, peak ${mb(product.peak)} MB`);

  return { workflows, product, floor, maxCachedWorkflows: stack.worker.maxCachedWorkflows };
}

async function measure(
  context: MemoryContext,
  worker: NodeChild,
  count: number,
  how: { start: (n: number) => Promise<void>; stored: () => Promise<number> },
): Promise<WorkerMemory> {
  let highest = 0;
  const rss = () => {
    const now = memoryOf(worker.pid)?.rss ?? 0;
    highest = Math.max(highest, now);
    return now;
  };
  const idleSamples: number[] = [];
  for (let i = 0; i < 6; i++) {
    idleSamples.push(rss());
    await new Promise((resolve) => setTimeout(resolve, sampleMs));
  }
  const started = performance.now();
  const starting = inPool(
    Array.from({ length: count }, (_, n) => n),
    context.startConcurrency,
    how.start,
  );
  const done = await waitUntil(
    'workflows stored',
    async () => {
      const stored = await how.stored();
      return { done: stored >= count, state: `${stored}/${count}, worker RSS ${mb(rss())} MB` };
    },
    { timeoutMs: context.timeoutMs, intervalMs: 1_000 },
  );
  await starting;
  const startSeconds = (done - started) / 1000;
  progress(`  all ${count} stored after ${startSeconds.toFixed(1)} s; settling ${settleMs / 1000} s`);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const steadySamples: number[] = [];
  for (let i = 0; i < 10; i++) {
    steadySamples.push(rss());
    await new Promise((resolve) => setTimeout(resolve, sampleMs));
  }
  return {
    idle: Math.max(...idleSamples),
    peak: Math.max(memoryOf(worker.pid)?.peak ?? 0, highest),
    steady: Math.max(...steadySamples),
    startSeconds,
  };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
