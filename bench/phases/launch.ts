/**
 * 1. Launch fan-out. A cycle of N units × the default catalogue launched through the API as Bagian Organisasi, timed
 * until every task is in MongoDB and every assignment email is recorded `sent` (the SMTP server accepted it). Floor:
 * as many bare workflow starts as there are tasks, each running one activity that inserts one document, on the same
 * Temporal server and database, on the floor's worker process.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { WorkflowHandle } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { personIdOf } from '../../domain/people';
import { cycleWorkflowId, taskWorkflowType, unitWorkflowId, unitWorkflowType } from '../../workflows/definitions';
import { planLaunch, type LaunchPlan } from '../../test/support/launch-outcome';
import { floorInsertWorkflowType, type FloorInput } from '../floor/definitions';
import { startCpuMeter, type CpuUse } from '../support/cpu';
import { call, expectStatus } from '../support/http';
import { inPool, progress, waitUntil } from '../support/progress';
import { percentiles, type Percentiles } from '../support/stats';
import type { ApiProcess, BenchStack } from '../support/stack';

export interface LaunchResult {
  units: number;
  tasks: number;
  emails: number;
  floorMs: number;
  /** Until every task and every email: the figure. */
  productMs: number;
  productTasksMs: number;
  productEmailsMs: number;
  /** Messages the SMTP server holds for the launch's mailboxes (when its read API is known). */
  smtpReceived?: number;
  /** Where the product's time went, read back from the workflows' histories (a diagnostic, not a goal). */
  timeline?: LaunchTimeline;
  /** Why the histories could not be read back, when they could not. */
  timelineError?: string;
  /** CPU time each process used while the floor, then the product, was measured (a diagnostic, not a goal). */
  cpu?: { floor: CpuUse; product: CpuUse };
}

/**
 * Where the launch's time went, read back from the workflows' histories. Times are ms after the request was sent.
 */
export interface LaunchTimeline {
  /** When the cycle workflow asked for its unit workflows (first and last StartChildWorkflowExecutionInitiated). */
  unitStartsRequestedMs: { first: number; last: number };
  /** When the server had started the last unit workflow (ChildWorkflowExecutionStarted). */
  unitsStartedMs: number;
  /** Workflow tasks the cycle workflow completed until then. */
  cycleWorkflowTasks: number;
  /** Signals the cycle workflow received until then (units report their stage before starting their tasks). */
  cycleSignals?: number;
  /** The input of one unit workflow, in bytes (median). */
  unitInputBytes: number;
  /** When the last task workflow had started. */
  tasksStartedMs: number;
  tasksStartedPerUnit: number;
  /** Per unit: workflow tasks completed until its last task workflow had started, and how long from its own start. */
  workflowTasksPerUnit: Spread;
  unitStartSpanMs: Spread;
  /**
   * Every workflow task of the cycle and unit workflows until their last child started, and of a sample of the task
   * workflows until their task was recorded: how long each waited for the worker (scheduled → started) and how long
   * the worker took (started → completed).
   */
  workflowTaskWaitMs: Percentiles;
  workflowTaskRunMs: Percentiles;
  /** The sampled task workflows' first activity (recording the task): waiting for the worker, then running. */
  activityWaitMs: Percentiles;
  activityRunMs: Percentiles;
  /**
   * The task was recorded by a local activity (a marker in history), inside a workflow task: its time is in the
   * workflow tasks' run time, and the activity figures are zero.
   */
  recordedLocally?: boolean;
  /**
   * The units wrote their tasks' first records and sent the assignment emails (an `openStage` activity per unit and
   * stage, an `openTasks` one for a task opened later; workflows/task-opening.ts): the activity figures are those
   * activities', and the task workflows record nothing at start.
   */
  recordedByUnit?: boolean;
  taskWorkflowsSampled: number;
}

export interface Spread {
  median: number;
  max: number;
}

export interface LaunchContext {
  stack: BenchStack;
  api: ApiProcess;
  /** The product worker's log, quoted when a workflow task keeps failing. */
  workerLog?: string;
  floorQueue: string;
  startConcurrency: number;
  timeoutMs: number;
}

export async function launchPhase(context: LaunchContext, units: number): Promise<LaunchResult> {
  progress(`launch: warm-up (a 2-unit launch and its floor, not measured)`);
  const warmUp = planLaunch(2);
  await floorRun(context, warmUp.tasks);
  await productLaunch(context, warmUp);

  const plan = planLaunch(units);
  progress(`launch floor: ${plan.tasks} bare workflow starts, one document each`);
  const floorMeter = startCpuMeter(context.stack.processes());
  const floorMs = await floorRun(context, plan.tasks);
  const floorCpu = floorMeter.stop();
  progress(`launch floor: ${(floorMs / 1000).toFixed(1)} s`);

  progress(`launch: ${units} units through POST /api/v1/cycles (${plan.tasks} tasks, ${plan.emails} emails expected)`);
  const product = await productLaunch(context, plan, { measureCpu: true }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `the product's launch did not finish (${reason}); the floor had stored its ${plan.tasks} documents in ` +
        `${(floorMs / 1000).toFixed(1)} s`,
    );
  });
  progress(
    `launch: tasks at ${(product.tasksMs / 1000).toFixed(1)} s, emails at ${(product.emailsMs / 1000).toFixed(1)} s`,
  );
  const smtpReceived = context.stack.servers.smtpReadUrl ? await received(context, plan) : undefined;
  let timelineError: string | undefined;
  const timeline = await launchTimeline(context, product.cycleId, product.sentAt, plan).catch((error: unknown) => {
    timelineError = error instanceof Error ? error.message : String(error);
    progress(`launch: could not read the workflows' histories (${timelineError})`);
    return undefined;
  });
  if (timeline) {
    progress(
      `launch: the cycle asked for its unit workflows from ${(timeline.unitStartsRequestedMs.first / 1000).toFixed(1)} ` +
        `to ${(timeline.unitStartsRequestedMs.last / 1000).toFixed(1)} s, all started at ` +
        `${(timeline.unitsStartedMs / 1000).toFixed(1)} s; every task workflow started at ` +
        `${(timeline.tasksStartedMs / 1000).toFixed(1)} s; workflow tasks waited for the worker p50 ` +
        `${timeline.workflowTaskWaitMs.p50.toFixed(0)} ms, p95 ${timeline.workflowTaskWaitMs.p95.toFixed(0)} ms`,
    );
  }
  return {
    units,
    tasks: plan.tasks,
    emails: plan.emails,
    floorMs,
    productMs: Math.max(product.tasksMs, product.emailsMs),
    productTasksMs: product.tasksMs,
    productEmailsMs: product.emailsMs,
    smtpReceived,
    timeline,
    timelineError,
    cpu: product.cpu ? { floor: floorCpu, product: product.cpu } : undefined,
  };
}

/** `count` floor workflows started from this process; the time from the first start to the last document. */
async function floorRun(context: LaunchContext, count: number): Promise<number> {
  const { stack } = context;
  const run = randomUUID();
  const documents = stack.floorDocuments();
  const started = performance.now();
  const starting = inPool(
    Array.from({ length: count }, (_, n) => n),
    context.startConcurrency,
    async (n) => {
      const input: FloorInput = { run, n };
      await stack.client.workflow.start(floorInsertWorkflowType, {
        workflowId: `floor-launch-${run}-${n}`,
        taskQueue: context.floorQueue,
        args: [input],
      });
    },
  );
  const done = await waitUntil(
    'floor documents',
    async () => {
      const stored = await documents.countDocuments({ run });
      return { done: stored >= count, state: `${stored}/${count} documents` };
    },
    { timeoutMs: context.timeoutMs },
  );
  await starting;
  return done - started;
}

/** The heads already hold accounts (an instansi that has run cycles before), so the launch invites nobody. */
async function productLaunch(
  context: LaunchContext,
  plan: LaunchPlan,
  { measureCpu = false } = {},
): Promise<{ tasksMs: number; emailsMs: number; cycleId: string; sentAt: number; cpu?: CpuUse }> {
  const { stack, api } = context;
  await stack.models.Account.insertMany(
    plan.body.units.map((unit) => ({
      _id: personIdOf(unit.head.email),
      email: unit.head.email,
      name: unit.head.name,
      status: 'active',
      grants: [{ role: 'pimpinan', unitCode: unit.code }],
      sessionVersion: 0,
    })),
  );
  const admin = await stack.tokenFor(plan.body.launchedBy, [{ role: 'admin_organisasi' }]);
  const { launchedBy: _launcher, ...body } = plan.body;
  const meter = measureCpu ? startCpuMeter(stack.processes()) : undefined;
  const sentAt = Date.now();
  const started = performance.now();
  const launched = expectStatus(await call(api.url, 'POST', '/api/v1/cycles', admin, body), 202, 'launch');
  const cycleId = (launched.body as { id: string }).id;
  const escaped = cycleId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let tasksAt: number | undefined;
  let emailsAt: number | undefined;
  let checkedAt = Date.now();
  try {
    await waitUntil(
      `launch of ${plan.body.units.length} units`,
      async () => {
        // A launch whose cycle workflow cannot get on would only end at the time-out: it fails the phase at once.
        if (Date.now() - checkedAt > 10_000) {
          checkedAt = Date.now();
          await failIfStuck(context, cycleWorkflowId(cycleId));
        }
        const [tasks, sent] = await Promise.all([
          tasksAt === undefined ? stack.models.Task.countDocuments({ cycleId }) : plan.tasks,
          emailsAt === undefined
            ? stack.models.Notification.countDocuments({ _id: { $regex: escaped }, status: 'sent' })
            : plan.emails,
        ]);
        if (tasksAt === undefined && tasks >= plan.tasks) tasksAt = performance.now();
        if (emailsAt === undefined && sent >= plan.emails) emailsAt = performance.now();
        return {
          done: tasksAt !== undefined && emailsAt !== undefined,
          state: `${tasks}/${plan.tasks} tasks, ${sent}/${plan.emails} emails sent`,
        };
      },
      { timeoutMs: context.timeoutMs },
    );
  } catch (error) {
    // Ended, so a cycle that cannot finish its launch does not weigh on the phases after this one.
    await stack.client.workflow
      .getHandle(cycleWorkflowId(cycleId))
      .terminate('bench: the launch did not finish')
      .catch(() => undefined);
    throw error;
  }
  return { tasksMs: tasksAt! - started, emailsMs: emailsAt! - started, cycleId, sentAt, cpu: meter?.stop() };
}

/**
 * Fails when the workflow's current workflow task has failed again and again (the server retries it for ever): with
 * the failure the worker reported, from the history's WorkflowTaskFailed event.
 */
async function failIfStuck(context: LaunchContext, workflowId: string): Promise<void> {
  const handle = context.stack.client.workflow.getHandle(workflowId);
  const attempt = (await handle.describe()).raw.pendingWorkflowTask?.attempt ?? 0;
  if (attempt < 3) return;
  const events = (await handle.fetchHistory()).events ?? [];
  const failed = events.filter((event) => event.workflowTaskFailedEventAttributes).at(-1)
    ?.workflowTaskFailedEventAttributes?.failure;
  const type = failed?.applicationFailureInfo?.type;
  // What the server answered the worker, when its log says (e.g. the gRPC message size limit).
  const logged = context.workerLog
    ? /grpc: [^"\n]*larger than max \d+/.exec(readFileSync(context.workerLog, 'utf8'))?.[0]
    : undefined;
  throw new Error(
    `the workflow task of ${workflowId} failed ${attempt - 1} times and is retried for ever` +
      (failed ? `: "${failed.message}"${type ? ` (${type})` : ''}` : '') +
      (logged ? `; the worker's log: "${logged}"` : '') +
      ` (${events.length} history events)`,
  );
}

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];

const idOf = (value: unknown) => Number(String(value ?? 0));
const timeOf = (event: HistoryEvent | undefined) => tsToMs(event?.eventTime);

/** The scheduled, started and completed events of every activity of the `types` in `events`. */
function ofActivity(events: HistoryEvent[], types: readonly string[]): HistoryEvent[] {
  const scheduled = new Set(
    events
      .filter((event) => types.includes(event.activityTaskScheduledEventAttributes?.activityType?.name ?? ''))
      .map((event) => idOf(event.eventId)),
  );
  const started = new Set(
    events
      .filter((event) => scheduled.has(idOf(event.activityTaskStartedEventAttributes?.scheduledEventId)))
      .map((event) => idOf(event.eventId)),
  );
  return events.filter(
    (event) =>
      scheduled.has(idOf(event.eventId)) ||
      started.has(idOf(event.eventId)) ||
      started.has(idOf(event.activityTaskCompletedEventAttributes?.startedEventId)),
  );
}

/** Scheduled → started and started → completed of every workflow task and activity task in `events`. */
function taskTimes(events: HistoryEvent[]) {
  const byId = new Map(events.map((event) => [idOf(event.eventId), event]));
  const times = { workflowWait: [] as number[], workflowRun: [] as number[], activityWait: [] as number[] };
  const activityRun: number[] = [];
  for (const event of events) {
    const started = event.workflowTaskStartedEventAttributes;
    if (started) times.workflowWait.push(timeOf(event) - timeOf(byId.get(idOf(started.scheduledEventId))));
    const completed = event.workflowTaskCompletedEventAttributes;
    if (completed) times.workflowRun.push(timeOf(event) - timeOf(byId.get(idOf(completed.startedEventId))));
    const activityStarted = event.activityTaskStartedEventAttributes;
    if (activityStarted) {
      times.activityWait.push(timeOf(event) - timeOf(byId.get(idOf(activityStarted.scheduledEventId))));
    }
    const activityCompleted = event.activityTaskCompletedEventAttributes;
    if (activityCompleted) activityRun.push(timeOf(event) - timeOf(byId.get(idOf(activityCompleted.startedEventId))));
  }
  return { ...times, activityRun };
}

/** The events up to and including the last one that `matches` (all of them when none does). */
/** The marker Temporal's core SDK records for a local activity's result. */
const localActivityMarker = 'core_local_activity';

function upToLast(events: HistoryEvent[], matches: (event: HistoryEvent) => boolean): HistoryEvent[] {
  let last = events.length - 1;
  while (last >= 0 && !matches(events[last]!)) last--;
  return last < 0 ? events : events.slice(0, last + 1);
}

const payloadBytes = (event: HistoryEvent) =>
  (event.startChildWorkflowExecutionInitiatedEventAttributes?.input?.payloads ?? []).reduce(
    (sum, payload) => sum + (payload.data?.length ?? 0),
    0,
  );

/**
 * Reads the launch back from Temporal: the cycle's history (when it asked for each unit workflow and when each
 * started), every unit's (when each of its task workflows started, and its workflow tasks until then), and a sample
 * of the task workflows' (until the task was recorded). Event times are the Temporal server's clock, on the same
 * machine as the bench's.
 */
async function launchTimeline(
  context: LaunchContext,
  cycleId: string,
  sentAt: number,
  plan: LaunchPlan,
): Promise<LaunchTimeline> {
  const { client } = context.stack;
  const history = async (workflowId: string) =>
    (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const startedChild = (type: string) => (event: HistoryEvent) =>
    event.childWorkflowExecutionStartedEventAttributes?.workflowType?.name === type;
  const since = (event: HistoryEvent) => timeOf(event) - sentAt;
  const all = { workflowWait: [] as number[], workflowRun: [] as number[] };
  const collect = (times: ReturnType<typeof taskTimes>) => {
    all.workflowWait.push(...times.workflowWait);
    all.workflowRun.push(...times.workflowRun);
  };

  const cycle = upToLast(await history(cycleWorkflowId(cycleId)), startedChild(unitWorkflowType));
  const unitsStarted = cycle.filter(startedChild(unitWorkflowType)).map(since);
  const unitRequests = cycle.filter(
    (event) => event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowType?.name === unitWorkflowType,
  );
  collect(taskTimes(cycle));

  const perUnit: { starts: number[]; workflowTasks: number; span: number }[] = [];
  const activity = { wait: [] as number[], run: [] as number[] };
  await inPool(plan.body.units, 20, async (unit) => {
    const full = await history(unitWorkflowId(cycleId, unit.code));
    const events = upToLast(full, startedChild(taskWorkflowType));
    const starts = events.filter(startedChild(taskWorkflowType)).map(since);
    collect(taskTimes(events));
    // A stage opens in `openStage` (records, progress, emails); tasks opened later, as monev's report, in `openTasks`.
    const opening = taskTimes(ofActivity(full, ['openStage', 'openTasks']));
    activity.wait.push(...opening.activityWait);
    activity.run.push(...opening.activityRun);
    perUnit.push({
      starts,
      workflowTasks: events.filter((event) => event.workflowTaskCompletedEventAttributes).length,
      span: Math.max(...starts) - since(events[0]!),
    });
  });
  const taskStarts = perUnit.flatMap((unit) => unit.starts);
  if (unitsStarted.length !== plan.body.units.length || taskStarts.length === 0) {
    throw new Error(`found ${unitsStarted.length} unit and ${taskStarts.length} task workflow starts in the histories`);
  }

  // Every task workflow's history would be thousands of reads at 200 units: an even sample is enough for latencies.
  const taskIds = (await context.stack.models.Task.find({ cycleId }, { _id: 1 }).lean()).map((task) => task._id);
  const step = Math.max(1, Math.floor(taskIds.length / 200));
  const sampled = taskIds.filter((_, n) => n % step === 0);
  const recordedByUnit = activity.run.length > 0;
  let recordedLocally = false;
  await inPool(sampled, 20, async (taskId) => {
    const all = await history(taskId);
    // Recorded: the first local activity's marker, or (before recording went local) the first activity's completion;
    // a task its unit opened records nothing at start, so its first workflow task is the sample.
    const recorded = all.findIndex((event) =>
      recordedByUnit
        ? event.workflowTaskCompletedEventAttributes
        : event.markerRecordedEventAttributes?.markerName === localActivityMarker ||
          event.activityTaskCompletedEventAttributes,
    );
    const events = recorded < 0 ? all : all.slice(0, recorded + 1);
    if (events.at(-1)?.markerRecordedEventAttributes) recordedLocally = true;
    const times = taskTimes(events);
    collect(times);
    activity.wait.push(...times.activityWait);
    activity.run.push(...times.activityRun);
  });

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;
  const spread = (values: number[]) => ({ median: median(values), max: Math.max(...values) });
  const orZero = (values: number[]) => percentiles(values.length > 0 ? values : [0]);
  return {
    unitStartsRequestedMs: {
      first: Math.min(...unitRequests.map(since)),
      last: Math.max(...unitRequests.map(since)),
    },
    unitsStartedMs: Math.max(...unitsStarted),
    cycleWorkflowTasks: cycle.filter((event) => event.workflowTaskCompletedEventAttributes).length,
    cycleSignals: cycle.filter((event) => event.workflowExecutionSignaledEventAttributes).length,
    unitInputBytes: median(unitRequests.map(payloadBytes)),
    tasksStartedMs: Math.max(...taskStarts),
    tasksStartedPerUnit: taskStarts.length / perUnit.length,
    workflowTasksPerUnit: spread(perUnit.map((unit) => unit.workflowTasks)),
    unitStartSpanMs: spread(perUnit.map((unit) => unit.span)),
    workflowTaskWaitMs: orZero(all.workflowWait),
    workflowTaskRunMs: orZero(all.workflowRun),
    activityWaitMs: orZero(activity.wait),
    activityRunMs: orZero(activity.run),
    recordedLocally,
    recordedByUnit,
    taskWorkflowsSampled: sampled.length,
  };
}

async function received(context: LaunchContext, plan: LaunchPlan): Promise<number> {
  const response = await fetch(`${context.stack.servers.smtpReadUrl}/api/v1/messages`);
  const { messages } = (await response.json()) as { messages: { To: { Address: string }[] }[] };
  return messages.filter((message) => message.To.some((to) => plan.addresses.has(to.Address.toLowerCase()))).length;
}
