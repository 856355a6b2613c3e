/**
 * 2. Complete-task latency. `clients` signed-in people at once, each working their own tasks through HTTP: the
 * anggota claims and submits (with the required documents as links), the ketua tim approves. Every request's time is
 * a sample. Floor: the raw round trip of an update on a trivial workflow (answered at once by the floor's worker),
 * from as many concurrent callers, as many times.
 */
import { randomUUID } from 'node:crypto';
import { defaultCatalogue, tasksForStage } from '../../domain/catalogue';
import type { Grant } from '../../domain/access';
import { personIdOf } from '../../domain/people';
import {
  claimTaskUpdate,
  reviewTaskUpdate,
  submitTaskUpdate,
  taskWorkflowId,
  taskWorkflowType,
  type TaskPerson,
  type TaskView,
  type TaskWorkflowInput,
} from '../../workflows/definitions';
import { finishSignal, floorUpdateWorkflowType, pingUpdate } from '../floor/definitions';
import { startCpuMeter, type CpuUse } from '../support/cpu';
import { call } from '../support/http';
import { inPool, progress, waitUntil } from '../support/progress';
import { percentiles, type Percentiles } from '../support/stats';
import type { ApiProcess, BenchStack } from '../support/stack';

export interface LatencyResult {
  clients: number;
  completions: number;
  floor: Percentiles;
  product: Percentiles;
  byStep: Record<Step, Percentiles>;
  /**
   * Diagnostic, not a goal: the same three updates sent straight to the task workflows through the Temporal client
   * (no HTTP, no API), so the report can say where the product's time goes.
   */
  direct: Percentiles;
  /** Requests that did not answer 200 (left out of the samples). */
  failures: number;
  firstFailure?: string;
  productSeconds: number;
  floorSeconds: number;
  /** CPU time each process used while the floor's updates, then the HTTP clients, ran (a diagnostic, not a goal). */
  cpu?: { floor: CpuUse; product: CpuUse };
}

export interface LatencyContext {
  stack: BenchStack;
  api: ApiProcess;
  productQueue: string;
  floorQueue: string;
  clients: number;
  tasksPerClient: number;
  startConcurrency: number;
  timeoutMs: number;
}

// Work of the pelaksanaan stage: an anggota tim does it, the ketua tim reviews it.
const templates = tasksForStage(defaultCatalogue, 'pelaksanaan');

type Step = 'claim' | 'submit' | 'review';

interface Client {
  unitCode: string;
  anggota: { person: TaskPerson; token: string };
  ketua: { person: TaskPerson; token: string };
  taskIds: string[];
}

const evidenceFor = (client: Client, index: number) =>
  templates[index % templates.length]!.evidence.documents.map((document, n) => ({
    document,
    ref: `https://drive.pemkot.test/${client.unitCode}/${index}/${n}`,
  }));

export async function latencyPhase(context: LatencyContext): Promise<LatencyResult> {
  const { clients, tasksPerClient } = context;
  // The first task (or update) of every client warms its path up and is not counted.
  const perClient = tasksPerClient + 1;
  const floor = await floorLatency(context, perClient * 3);
  progress(`latency floor: p50 ${floor.samples.p50.toFixed(1)} ms, p99 ${floor.samples.p99.toFixed(1)} ms`);

  progress(`latency: ${clients} clients × ${perClient} tasks, straight to the task workflows (diagnostic)`);
  const direct = await directLatency(context, await prepareClients(context, perClient));
  progress(`latency, straight to the workflows: p50 ${direct.p50.toFixed(1)} ms, p99 ${direct.p99.toFixed(1)} ms`);

  progress(`latency: ${clients} clients × ${perClient} tasks: starting the task workflows`);
  const people = await prepareClients(context, perClient);
  progress(`latency: ${clients} clients completing ${tasksPerClient} tasks each over HTTP (claim → submit → review)`);
  const steps: Record<Step, number[]> = { claim: [], submit: [], review: [] };
  let failures = 0;
  let firstFailure: string | undefined;
  const meter = startCpuMeter(context.stack.processes());
  const started = performance.now();
  await Promise.all(
    people.map(async (client) => {
      for (const [index, taskId] of client.taskIds.entries()) {
        const path = `/api/v1/tasks/${encodeURIComponent(taskId)}`;
        const evidence = evidenceFor(client, index);
        const requests = [
          ['claim', () => call(context.api.url, 'POST', `${path}/claim`, client.anggota.token)],
          ['submit', () => call(context.api.url, 'POST', `${path}/submit`, client.anggota.token, { evidence })],
          [
            'review',
            () => call(context.api.url, 'POST', `${path}/review`, client.ketua.token, { decision: 'approve' }),
          ],
        ] as const;
        for (const [step, send] of requests) {
          const answer = await send();
          if (answer.status !== 200) {
            failures++;
            firstFailure ??= `${step} ${taskId}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
            break;
          }
          if (index > 0) steps[step].push(answer.ms);
        }
      }
    }),
  );
  const productSeconds = (performance.now() - started) / 1000;
  const productCpu = meter.stop();
  const all = [...steps.claim, ...steps.submit, ...steps.review];
  if (all.length === 0) throw new Error(`no task was completed: ${firstFailure ?? 'no failure recorded'}`);
  const product = percentiles(all);
  progress(`latency: p50 ${product.p50.toFixed(1)} ms, p99 ${product.p99.toFixed(1)} ms, ${failures} failures`);
  return {
    clients,
    completions: steps.review.length,
    floor: floor.samples,
    product,
    byStep: { claim: percentiles(steps.claim), submit: percentiles(steps.submit), review: percentiles(steps.review) },
    direct,
    failures,
    firstFailure,
    productSeconds,
    floorSeconds: floor.seconds,
    cpu: { floor: floor.cpu, product: productCpu },
  };
}

/** Each client: one unit of their own, an anggota and a ketua tim signed in, and their tasks waiting (real time). */
async function prepareClients(context: LatencyContext, perClient: number): Promise<Client[]> {
  const { stack } = context;
  const tag = randomUUID().slice(0, 8);
  const cycleId = `bench-lat-${tag}`;
  const due = new Date(Date.now() + 60 * 86_400_000).toISOString();
  const people: Client[] = [];
  const inputs: TaskWorkflowInput[] = [];
  for (let i = 0; i < context.clients; i++) {
    const unitCode = `LAT${String(i + 1).padStart(2, '0')}`;
    const member = (role: 'anggota_tim' | 'ketua_tim'): TaskPerson => {
      const email = `${role.replace('_tim', '')}.${unitCode.toLowerCase()}-${tag}@pemkot.test`;
      return { personId: personIdOf(email), roles: [role], name: `${role} ${unitCode}`, email };
    };
    const [anggota, ketua] = [member('anggota_tim'), member('ketua_tim')];
    const grant = (role: Grant['role']): Grant[] => [{ role, unitCode }];
    people.push({
      unitCode,
      anggota: { person: anggota, token: await stack.tokenFor(anggota, grant('anggota_tim')) },
      ketua: { person: ketua, token: await stack.tokenFor(ketua, grant('ketua_tim')) },
      taskIds: [],
    });
    for (let j = 0; j < perClient; j++) {
      const base = templates[j % templates.length]!;
      const template = j < templates.length ? base : { ...base, key: `${base.key}_${j}` };
      people[i]!.taskIds.push(taskWorkflowId(cycleId, unitCode, template.key));
      inputs.push({
        cycleId,
        unit: { code: unitCode, name: `Unit Latensi ${unitCode}` },
        template,
        due,
        assignees: [anggota],
        reviewers: [ketua],
      });
    }
  }
  await inPool(inputs, context.startConcurrency, async (input) => {
    await stack.client.workflow.start<(input: TaskWorkflowInput) => Promise<TaskView>>(taskWorkflowType, {
      workflowId: taskWorkflowId(input.cycleId, input.unit.code, input.template.key),
      taskQueue: context.productQueue,
      args: [input],
    });
  });
  await waitUntil(
    'latency tasks stored',
    async () => {
      const stored = await stack.models.Task.countDocuments({ cycleId });
      return { done: stored >= inputs.length, state: `${stored}/${inputs.length}` };
    },
    { timeoutMs: context.timeoutMs },
  );
  return people;
}

/** The same work as the HTTP clients, as updates sent straight to each task workflow (test/support/drive-task.ts). */
async function directLatency(context: LatencyContext, people: Client[]): Promise<Percentiles> {
  const samples: number[] = [];
  await Promise.all(
    people.map(async (client) => {
      for (const [index, taskId] of client.taskIds.entries()) {
        const task = context.stack.client.workflow.getHandle(taskId);
        const anggota = client.anggota.person;
        const updates = [
          () => task.executeUpdate(claimTaskUpdate, { args: [{ actor: anggota }] }),
          () =>
            task.executeUpdate(submitTaskUpdate, { args: [{ actor: anggota, evidence: evidenceFor(client, index) }] }),
          () => task.executeUpdate(reviewTaskUpdate, { args: [{ actor: client.ketua.person, decision: 'approve' }] }),
        ];
        for (const update of updates) {
          const sent = performance.now();
          await update();
          if (index > 0) samples.push(performance.now() - sent);
        }
      }
    }),
  );
  // Approved tasks still send their emails and then end: wait for that, so it does not weigh on the HTTP run.
  await Promise.all(
    people.flatMap((client) =>
      client.taskIds.map((taskId) => context.stack.client.workflow.getHandle(taskId).result()),
    ),
  );
  return percentiles(samples);
}

/** `clients` callers, each sending `updates` updates one after another to a trivial workflow of its own. */
async function floorLatency(
  context: LatencyContext,
  updates: number,
): Promise<{ samples: Percentiles; seconds: number; cpu: CpuUse }> {
  const { stack } = context;
  const tag = randomUUID().slice(0, 8);
  const handles = await Promise.all(
    Array.from({ length: context.clients }, (_, i) =>
      stack.client.workflow.start(floorUpdateWorkflowType, {
        workflowId: `floor-update-${tag}-${i}`,
        taskQueue: context.floorQueue,
      }),
    ),
  );
  const samples: number[] = [];
  const meter = startCpuMeter(stack.processes());
  const started = performance.now();
  await Promise.all(
    handles.map(async (handle) => {
      for (let n = 0; n < updates; n++) {
        const sent = performance.now();
        await handle.executeUpdate(pingUpdate);
        // The first task's worth of updates warms the path up, as on the product side.
        if (n >= 3) samples.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = meter.stop();
  await Promise.all(handles.map((handle) => handle.signal(finishSignal)));
  return { samples: percentiles(samples), seconds, cpu };
}
