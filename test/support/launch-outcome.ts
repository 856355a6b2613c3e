/**
 * A cycle launch of many units as the fault tests use it: what it must end with (tasks, workflows, emails), how to
 * collect what it did end with, the figures to print, and the checks that nothing was lost or done twice. Follows
 * test/integration/worker-crash.test.ts, which keeps its own copy of these rules.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createWorkingCalendar } from '../../domain/calendar';
import { defaultCatalogue, tasksForStage } from '../../domain/catalogue';
import { defaultMonevCadence, monevPeriods } from '../../domain/monev';
import { personIdOf } from '../../domain/people';
import { progressReportTemplate } from '../../domain/progress-report';
import { cycleWorkflowId, monevWorkflowId, taskWorkflowId, unitWorkflowId } from '../../workflows/definitions';
import { pinnedLaunchBody } from '../fixtures/cycles';
import { adminToken, bearer, launchRequest } from './auth';
import type { MailSummary } from './mailbox';
import type { TestStack } from './stack';
import { eventually } from './wait';

const persiapan = tasksForStage(defaultCatalogue, 'persiapan');
const assignedToHead = persiapan.filter((template) => template.assigneeRole === 'pimpinan');

export type LaunchBody = ReturnType<typeof launchOf>;

export interface LaunchPlan {
  body: LaunchBody;
  /** Each unit's task keys once the launch is done: its persiapan tasks and the monev report(s) open at the start. */
  keysPerUnit: string[];
  tasks: number;
  /** The launch's emails: each head hears of each task assigned to the pimpinan and of the stage opening; the launcher of the launch. */
  emails: number;
  /** Every mailbox of this launch (lower case). */
  addresses: Set<string>;
}

/** pinnedLaunchBody() with `count` units `UNIT001`…, each head with a mailbox of this run's own. */
export function launchOf(count: number) {
  const body = pinnedLaunchBody();
  const tag = randomUUID().slice(0, 8);
  const units = Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(3, '0');
    return {
      code: `UNIT${n}`,
      name: `Unit Kerja ${n}`,
      head: { name: `Kepala Unit Kerja ${n}`, email: `kepala.unit${n}-${tag}@pemkot.test` },
    };
  });
  return { ...body, units };
}

export function planLaunch(unitCount: number): LaunchPlan {
  const body = launchOf(unitCount);
  const origin = Date.parse(body.clock.origin);
  const reports = monevPeriods(body.timeline.monev, createWorkingCalendar({ zone: 'WIB' }), defaultMonevCadence)
    .filter((period) => period.opens.getTime() <= origin && period.due.getTime() > origin)
    .map((period) => progressReportTemplate(period).key);
  const keysPerUnit = [...persiapan.map((template) => template.key), ...reports].sort();
  const addresses = new Set(
    [body.launchedBy.email, ...body.units.map((unit) => unit.head.email)].map((a) => a.toLowerCase()),
  );
  return {
    body,
    keysPerUnit,
    tasks: unitCount * keysPerUnit.length,
    // The monev report goes to the ketua tim, whom no unit has named yet: no email.
    emails: unitCount * (assignedToHead.length + 1) + 1,
    addresses,
  };
}

/**
 * The heads already have accounts, as in an instansi that has run cycles before: the launch invites nobody, so every
 * email counted is one the cycle itself sends. Then the launch, through the API as Bagian Organisasi.
 */
export async function launchThroughApi(
  stack: TestStack,
  plan: LaunchPlan,
): Promise<{ cycleId: string; admin: string }> {
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
  const admin = await adminToken(stack, plan.body.launchedBy);
  const launched = await request(stack.app)
    .post('/api/v1/cycles')
    .auth(admin, bearer)
    .send(launchRequest(plan.body))
    .expect(202);
  return { cycleId: launched.body.id as string, admin };
}

/** Waits until at least `count` of the cycle's tasks are in the read model; returns how many were. */
export function tasksStored(stack: TestStack, cycleId: string, count: number, timeoutMs = 120_000): Promise<number> {
  return eventually(
    async () => {
      const stored = await stack.models.Task.countDocuments({ cycleId });
      return stored >= count ? stored : undefined;
    },
    { timeoutMs, intervalMs: 25, what: `${count} tasks of ${cycleId} to be stored` },
  );
}

/** Waits until every task is stored and every email both recorded as sent and received. */
export async function launchSettled(
  stack: TestStack,
  plan: LaunchPlan,
  cycleId: string,
  mails: () => MailSummary[],
  timeoutMs: number,
): Promise<void> {
  let seen = '';
  await eventually(
    async () => {
      const [tasks, notifications] = await Promise.all([
        stack.models.Task.countDocuments({ cycleId }),
        notificationsOf(stack, plan, cycleId),
      ]);
      const sent = notifications.filter((n) => n.status === 'sent').length;
      const received = mailsOf(plan, mails()).length;
      seen = `${tasks} tasks, ${sent} sent, ${received} received`;
      return tasks >= plan.tasks && sent >= plan.emails && received >= plan.emails ? true : undefined;
    },
    {
      timeoutMs,
      intervalMs: 500,
      what: `${plan.tasks} tasks and ${plan.emails} emails of ${cycleId} (last seen: ${seen || 'nothing'})`,
    },
  );
  // A duplicate would come from a retry racing the record; give one the time to land before counting.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
}

export interface LaunchOutcome {
  tasks: { _id: string; unitCode: string; templateKey: string; status: string }[];
  distinctTaskIds: number;
  unitsWithProgress: string[];
  runs: { workflowId: string; status: { name: string } }[];
  /** Workflow ids Temporal ran more than once. */
  startedTwice: string[];
  notifications: { _id: string; status: string; attempts: number; messageId?: string; possibleDuplicate?: boolean }[];
  mails: MailSummary[];
  /** Message-IDs received more than once, with their number of copies. */
  repeats: Map<string, number>;
  /** Message-IDs whose send was interrupted between the SMTP server's acceptance and the record (flagged). */
  flagged: Set<string>;
  /** Repeats nothing accounts for: not flagged, or more than one extra copy. Must be empty. */
  unexplained: string[];
  extraCopies: number;
}

/** Everything the launch left behind, read back from the database, Temporal and the SMTP server. */
export async function launchOutcome(
  stack: TestStack,
  plan: LaunchPlan,
  cycleId: string,
  mails: () => MailSummary[],
): Promise<LaunchOutcome> {
  const [tasks, progress, runs, notifications] = await Promise.all([
    stack.models.Task.find({ cycleId }).lean(),
    stack.models.UnitProgress.find({ cycleId }).lean(),
    runsOnQueue(stack),
    notificationsOf(stack, plan, cycleId),
  ]);
  const received = mailsOf(plan, mails());
  const repeats = new Map([...countBy(received.map((mail) => mail.MessageID))].filter(([, n]) => n > 1));
  // SMTP cannot be exactly-once: a send interrupted between the server accepting a message and the record saying so
  // leaves the record `sending`, and the retry sends again, flagging it. Any other repeat is a defect.
  const flagged = new Set(notifications.filter((n) => n.possibleDuplicate).map((n) => n.messageId!));
  return {
    tasks,
    distinctTaskIds: new Set(tasks.map((task) => task._id)).size,
    unitsWithProgress: progress.map((unit) => unit.unitCode).sort(),
    runs,
    startedTwice: [...countBy(runs.map((run) => run.workflowId))].filter(([, n]) => n > 1).map(([id]) => id),
    notifications,
    mails: received,
    repeats,
    flagged,
    unexplained: [...repeats].filter(([id, n]) => !flagged.has(id) || n > 2).map(([id, n]) => `${id} ×${n}`),
    extraCopies: [...repeats.values()].reduce((sum, n) => sum + n - 1, 0),
  };
}

/** The figures a fault test prints: counts of tasks, workflows, emails and duplicates. */
export function outcomeFigures(plan: LaunchPlan, outcome: LaunchOutcome): Record<string, string> {
  return {
    tasks: `${outcome.tasks.length} stored (${outcome.distinctTaskIds} distinct ids) of ${plan.tasks} expected`,
    workflows: `${outcome.runs.length} runs, ${outcome.startedTwice.length} workflow ids started twice`,
    emails:
      `${outcome.mails.length} received, ${outcome.notifications.length} notification records ` +
      `(${outcome.notifications.filter((n) => n.status === 'sent').length} sent) of ${plan.emails} expected`,
    duplicates:
      `${outcome.extraCopies} extra copies (${outcome.flagged.size} sends interrupted mid-SMTP and flagged as ` +
      `possible duplicates), ${outcome.unexplained.length} unexplained`,
  };
}

/** Every task exactly once, every workflow running once, every email sent and received once (but for flagged ones). */
export function expectLaunchIntact(stack: TestStack, plan: LaunchPlan, cycleId: string, outcome: LaunchOutcome): void {
  const { body } = plan;
  expect(outcome.distinctTaskIds).toBe(outcome.tasks.length);
  expect(outcome.tasks).toHaveLength(plan.tasks);
  for (const unit of body.units) {
    const keys = outcome.tasks
      .filter((task) => task.unitCode === unit.code)
      .map((task) => task.templateKey)
      .sort();
    expect([unit.code, keys]).toEqual([unit.code, plan.keysPerUnit]);
  }
  expect(outcome.tasks.every((task) => task._id === taskWorkflowId(cycleId, task.unitCode, task.templateKey))).toBe(
    true,
  );
  expect(outcome.tasks.filter((task) => task.status !== 'open').map((task) => task._id)).toEqual([]);
  expect(outcome.unitsWithProgress).toEqual(body.units.map((unit) => unit.code).sort());

  expect(outcome.startedTwice).toEqual([]);
  const expectedWorkflows = [
    cycleWorkflowId(cycleId),
    monevWorkflowId(cycleId),
    ...body.units.map((unit) => unitWorkflowId(cycleId, unit.code)),
    ...body.units.flatMap((unit) => plan.keysPerUnit.map((key) => taskWorkflowId(cycleId, unit.code, key))),
  ].sort();
  expect([...new Set(outcome.runs.map((run) => run.workflowId))].sort()).toEqual(expectedWorkflows);
  expect(outcome.runs.filter((run) => run.status.name !== 'RUNNING').map((run) => run.workflowId)).toEqual([]);

  expect(outcome.unexplained).toEqual([]);
  expect(outcome.mails).toHaveLength(plan.emails + outcome.extraCopies);
  for (const unit of body.units) {
    const subjects = [...new Map(outcome.mails.filter((m) => isTo(m, unit.head.email)).map((m) => [m.MessageID, m]))]
      .map(([, mail]) => mail.Subject)
      .sort();
    expect([unit.code, subjects.filter((subject) => subject.startsWith('Tugas baru: '))]).toEqual([
      unit.code,
      assignedToHead.map((template) => `Tugas baru: ${template.title} (${unit.code})`).sort(),
    ]);
    expect(subjects.filter((subject) => subject.startsWith('Tahap Persiapan dimulai'))).toHaveLength(1);
    expect(subjects).toHaveLength(assignedToHead.length + 1);
  }
  expect([...new Set(outcome.mails.filter((m) => isTo(m, body.launchedBy.email)).map((m) => m.Subject))]).toEqual([
    `Siklus Zona Integritas "${body.name}" (${body.year}) telah diluncurkan`,
  ]);

  expect(outcome.notifications.filter((n) => n.status !== 'sent').map((n) => `${n._id}: ${n.status}`)).toEqual([]);
  expect(outcome.notifications).toHaveLength(plan.emails);
  expect(new Set(outcome.notifications.map((n) => n.messageId))).toEqual(
    new Set(outcome.mails.map((mail) => mail.MessageID)),
  );
}

/** The notification records of this cycle (their dedupe keys name it) for the launch's addresses. */
export async function notificationsOf(stack: TestStack, plan: LaunchPlan, cycleId: string) {
  const records = await stack.models.Notification.find({ to: { $in: [...plan.addresses] } }).lean();
  return records.filter((record) => record._id.includes(cycleId));
}

/** The messages addressed to the launch's mailboxes. */
export function mailsOf(plan: LaunchPlan, mails: MailSummary[]): MailSummary[] {
  return mails.filter((mail) => mail.To.some((to) => plan.addresses.has(to.Address.toLowerCase())));
}

export const isTo = (mail: MailSummary, address: string) =>
  mail.To.some((to) => to.Address.toLowerCase() === address.toLowerCase());

/** Every workflow run on the stack's task queue (children inherit it), as Temporal's visibility lists them. */
export async function runsOnQueue(stack: TestStack, filter?: string) {
  const query = [`TaskQueue="${stack.config.temporal.taskQueue}"`, filter].filter(Boolean).join(' AND ');
  const runs: { workflowId: string; runId: string; status: { name: string } }[] = [];
  for await (const run of stack.client.workflow.list({ query })) runs.push(run);
  return runs;
}

/** Ends whatever still runs on the stack's queue, so a shared Temporal server keeps no work of this test. */
export async function terminateQueue(stack: TestStack, reason: string): Promise<void> {
  const open = await runsOnQueue(stack, 'ExecutionStatus="Running"').catch(() => []);
  await Promise.allSettled(open.map((run) => stack.client.workflow.getHandle(run.workflowId).terminate(reason)));
}

export function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The figures CI output should state, on stdout (not only in a failure message). */
export function report(test: string, figures: Record<string, string | number>): void {
  const lines = Object.entries(figures).map(([key, value]) => `  ${key}: ${value}`);
  process.stdout.write(`\n[fault: ${test}]\n${lines.join('\n')}\n`);
}
