import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createWorkingCalendar } from '../../domain/calendar';
import { defaultCatalogue, tasksForStage } from '../../domain/catalogue';
import { defaultMonevCadence, monevPeriods } from '../../domain/monev';
import { progressReportTemplate } from '../../domain/progress-report';
import {
  cycleWorkflowId,
  monevWorkflowId,
  taskWorkflowId,
  unitWorkflowId,
  type CycleWorkflowState,
} from '../../workflows/definitions';
import { pinnedLaunchBody } from '../fixtures/cycles';
import type { MailSummary } from '../support/mailbox';
import { startTestStack, type TestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';
import { adminToken, bearer, launchRequest } from '../support/auth';
import { personIdOf } from '../../domain/people';

/**
 * The worker dies the hard way (SIGKILL: no drain, activities and workflow tasks in flight simply lost) in the middle
 * of launching a cycle of 60 units, and a new worker process takes over the same task queue. Temporal replays the
 * histories and retries what was lost; the deterministic ids and the notification log must make that invisible:
 * every task exists once, every email arrives once. Real servers, real worker processes; nothing is mocked.
 */
const unitCount = 60;
const persiapan = tasksForStage(defaultCatalogue, 'persiapan');
const assignedToHead = persiapan.filter((template) => template.assigneeRole === 'pimpinan');

let stack: TestStack | undefined;
const workers: WorkerProcess[] = [];
let cycleId: string | undefined;
let cycleClosed = false;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
}, 120_000);

afterAll(async () => {
  // A failed run still leaves nothing behind: whatever still runs on this queue is terminated, then the workers stop.
  if (stack && cycleId && !cycleClosed) {
    const open = await runsOnQueue(stack, 'ExecutionStatus="Running"').catch(() => []);
    await Promise.allSettled(
      open.map((run) => stack!.client.workflow.getHandle(run.workflowId).terminate('worker-crash test cleanup')),
    );
  }
  await Promise.allSettled(workers.map((worker) => worker.stop()));
  await stack?.stop();
}, 60_000);

describe('a worker killed (SIGKILL) in the middle of a 60-unit cycle launch, then restarted', () => {
  it('ends with every task once and every email once', async () => {
    const started = Date.now();
    const s = stack!;
    const { taskQueue, namespace } = s.config.temporal;
    const spawnWorker = async () => {
      const worker = await startWorkerProcess({ client: s.client, namespace, taskQueue });
      workers.push(worker);
      return worker;
    };
    const body = launchOf(unitCount);
    const heads = body.units.map((unit) => unit.head.email);
    const launcher = body.launchedBy.email;
    const addresses = new Set([launcher, ...heads].map((address) => address.toLowerCase()));

    // What the launch must end with: each unit's persiapan tasks and the monev report(s) already open at the
    // pinned start (every stage is open; only the first stage's tasks start until its required ones are approved).
    const origin = Date.parse(body.clock.origin);
    const reports = monevPeriods(body.timeline.monev, createWorkingCalendar({ zone: 'WIB' }), defaultMonevCadence)
      .filter((period) => period.opens.getTime() <= origin && period.due.getTime() > origin)
      .map((period) => progressReportTemplate(period).key);
    const keysPerUnit = [...persiapan.map((template) => template.key), ...reports].sort();
    const expectedTasks = unitCount * keysPerUnit.length;
    // Emails: each head is told of each persiapan task assigned to the pimpinan and of the stage opening; the
    // launcher of the launch. The monev report goes to the ketua tim, whom no unit has named yet: no email.
    const expectedEmails = unitCount * (assignedToHead.length + 1) + 1;

    // The heads already have accounts, as in an instansi that has run cycles before: the launch invites nobody, so
    // every email counted here is one the cycle itself sends.
    await s.models.Account.insertMany(
      body.units.map((unit) => ({
        _id: personIdOf(unit.head.email),
        email: unit.head.email,
        name: unit.head.name,
        status: 'active',
        grants: [{ role: 'pimpinan', unitCode: unit.code }],
        sessionVersion: 0,
      })),
    );
    const first = await spawnWorker();
    const admin = await adminToken(s, body.launchedBy);
    const launched = await request(s.app)
      .post('/api/v1/cycles')
      .auth(admin, bearer)
      .send(launchRequest(body))
      .expect(202);
    const id: string = launched.body.id;
    cycleId = id;

    // ---- The kill point: once a good part, but not all, of the tasks are in the read model ----
    const killAt = Math.max(1, Math.floor(expectedTasks * 0.3));
    const tasksAtKill = await eventually(
      async () => {
        const count = await s.models.Task.countDocuments({ cycleId: id });
        return count >= killAt ? count : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 25, what: `${killAt} of ${expectedTasks} tasks to be stored before the kill` },
    );
    await first.kill('SIGKILL');
    const killedAfterMs = Date.now() - started;
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const atKill = {
      tasks: await s.models.Task.countDocuments({ cycleId: id }),
      notifications: await notificationsOf(s, addresses, id),
      mails: await mailsTo(addresses),
    };
    const unsentAtKill = atKill.notifications.filter((n) => n.status !== 'sent');
    // Emails the SMTP server already holds although their record was not yet marked sent: the dead worker was
    // between the send and the record. The retry cannot know, so these are the ones that would arrive twice.
    const receivedUnrecorded = unsentAtKill.filter((n) =>
      atKill.mails.some((mail) => isTo(mail, n.to) && mail.Subject === n.subject),
    );

    // ---- A new worker process on the same queue finishes the launch ----
    const second = await spawnWorker();
    const restartedAfterMs = Date.now() - started;
    const settled = await eventually(
      async () => {
        const [tasks, notifications, mails] = await Promise.all([
          s.models.Task.countDocuments({ cycleId: id }),
          notificationsOf(s, addresses, id),
          mailsTo(addresses),
        ]);
        const sent = notifications.filter((n) => n.status === 'sent').length;
        return tasks >= expectedTasks && sent >= expectedEmails && mails.length >= expectedEmails ? true : undefined;
      },
      {
        timeoutMs: 150_000,
        intervalMs: 500,
        what: `${expectedTasks} tasks and ${expectedEmails} emails after restart`,
      },
    );
    expect(settled).toBe(true);
    const settledAfterMs = Date.now() - started;
    // A duplicate would come from a retry racing the record; give one the time to land before counting.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    // Everything that is there now, and the figures, before any assertion: a failure still states them.
    const [tasks, progress, runs, mails, notifications] = await Promise.all([
      s.models.Task.find({ cycleId: id }).lean(),
      s.models.UnitProgress.find({ cycleId: id }).lean(),
      runsOnQueue(s),
      mailsTo(addresses),
      notificationsOf(s, addresses, id),
    ]);
    const taskIds = tasks.map((task) => task._id);
    const runsPerId = countBy(runs.map((run) => run.workflowId));
    const duplicates = duplicatesOf(mails);
    // SMTP cannot be exactly-once: a worker killed between the server accepting a message and the record saying
    // so leaves the record `sending`, and the retry sends again, flagging it. Any other repeat is a defect.
    const flagged = new Set(notifications.filter((n) => n.possibleDuplicate).map((n) => n.messageId!));
    const repeats = repeatedCopies(mails);
    report({
      units: unitCount,
      tasksExpected: expectedTasks,
      emailsExpected: expectedEmails,
      killedAt: `${tasksAtKill} tasks seen by the poll, ${atKill.tasks} stored once the worker was dead`,
      atKill:
        `${atKill.mails.length} emails received, ${atKill.notifications.length} notification records, ` +
        `${unsentAtKill.length} not marked sent (${receivedUnrecorded.length} of them already received)`,
      after:
        `${tasks.length} tasks (${new Set(taskIds).size} distinct ids), ${runs.length} workflow runs ` +
        `(${runsPerId.size} workflow ids), ${mails.length} emails, ${notifications.length} notification records`,
      duplicates:
        `${duplicates.messageIds.length} Message-IDs and ${duplicates.recipientSubjects.length} ` +
        `(recipient, subject) pairs received more than once; ${flagged.size} sends interrupted mid-SMTP ` +
        `and flagged as possible duplicates`,
      timing:
        `kill at ${seconds(killedAfterMs)}, second worker polling at ${seconds(restartedAfterMs)}, ` +
        `settled at ${seconds(settledAfterMs)}`,
    });

    // ---- Tasks: each exactly once, in the read model and in Temporal ----
    expect(new Set(taskIds).size).toBe(taskIds.length);
    expect(tasks).toHaveLength(expectedTasks);
    for (const unit of body.units) {
      const keys = tasks
        .filter((task) => task.unitCode === unit.code)
        .map((task) => task.templateKey)
        .sort();
      expect([unit.code, keys]).toEqual([unit.code, keysPerUnit]);
    }
    expect(tasks.every((task) => task._id === taskWorkflowId(id, task.unitCode, task.templateKey))).toBe(true);
    expect(tasks.filter((task) => task.status !== 'open').map((task) => task._id)).toEqual([]);
    expect(progress.map((unit) => unit.unitCode).sort()).toEqual(body.units.map((unit) => unit.code).sort());

    const startedTwice = [...runsPerId].filter(([, n]) => n > 1).map(([workflowId]) => workflowId);
    expect(startedTwice).toEqual([]);
    const expectedWorkflows = [
      cycleWorkflowId(id),
      monevWorkflowId(id),
      ...body.units.map((unit) => unitWorkflowId(id, unit.code)),
      ...body.units.flatMap((unit) => keysPerUnit.map((key) => taskWorkflowId(id, unit.code, key))),
    ].sort();
    expect([...runsPerId.keys()].sort()).toEqual(expectedWorkflows);
    expect(runs.filter((run) => run.status.name !== 'RUNNING').map((run) => run.workflowId)).toEqual([]);

    // ---- Emails: each exactly once but for sends the kill interrupted, and each head got exactly its assignments ----
    expect(unexplained(repeats, flagged)).toEqual([]);
    expect(mails).toHaveLength(expectedEmails + extraCopies(repeats));
    for (const unit of body.units) {
      const received = [
        ...new Set(mails.filter((mail) => isTo(mail, unit.head.email)).map((mail) => mail.MessageID)),
      ].map((messageId) => mails.find((mail) => mail.MessageID === messageId)!.Subject);
      const assignments = received.filter((subject) => subject.startsWith('Tugas baru: ')).sort();
      expect([unit.code, assignments]).toEqual([
        unit.code,
        assignedToHead.map((template) => `Tugas baru: ${template.title} (${unit.code})`).sort(),
      ]);
      expect(received.filter((subject) => subject.startsWith('Tahap Persiapan dimulai'))).toHaveLength(1);
      expect(received).toHaveLength(assignedToHead.length + 1);
    }
    expect([...new Set(mails.filter((mail) => isTo(mail, launcher)).map((mail) => mail.Subject))]).toEqual([
      `Siklus Zona Integritas "${body.name}" (${body.year}) telah diluncurkan`,
    ]);

    // The notification log agrees: every record sent, none left pending or retrying, each message id delivered once.
    expect(notifications.filter((n) => n.status !== 'sent').map((n) => `${n._id}: ${n.status}`)).toEqual([]);
    expect(notifications).toHaveLength(expectedEmails);
    expect(new Set(notifications.map((n) => n.messageId))).toEqual(new Set(mails.map((mail) => mail.MessageID)));

    // ---- Cancel through the API, so nothing keeps running; the cancellation emails arrive once each too ----
    await request(s.app)
      .post(`/api/v1/cycles/${id}/cancel`)
      .auth(admin, bearer)
      .send({ reason: 'Uji selesai' })
      .expect(200);
    const final = (await s.client.workflow.getHandle(cycleWorkflowId(id)).result()) as CycleWorkflowState;
    cycleClosed = true;
    expect(final.status).toBe('cancelled');
    // Each head: unit withdrawn + cycle cancelled; the launcher: cycle cancelled.
    const expectedAfterCancel = expectedEmails + unitCount * 2 + 1;
    const allMails = await eventually(
      async () => {
        const now = await mailsTo(addresses);
        return now.length >= expectedAfterCancel + extraCopies(repeats) ? now : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500, what: `${expectedAfterCancel} emails after the cancellation` },
    );
    await eventually(
      async () => ((await runsOnQueue(s, 'ExecutionStatus="Running"')).length === 0 ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 500, what: 'every workflow of the cycle to have ended' },
    );
    const repeatsInAll = repeatedCopies(allMails);
    const flaggedInAll = new Set(
      (await notificationsOf(s, addresses, id)).filter((n) => n.possibleDuplicate).map((n) => n.messageId!),
    );
    expect(unexplained(repeatsInAll, flaggedInAll)).toEqual([]);
    expect(allMails).toHaveLength(expectedAfterCancel + extraCopies(repeatsInAll));
    expect(await s.models.Task.countDocuments({ cycleId: id, status: { $ne: 'cancelled' } })).toBe(0);

    await second.stop();
    expect((await second.exited).code).toBe(0);
    report({ total: `${seconds(Date.now() - started)} with the cancellation, ${allMails.length} emails in all` });
  }, 270_000);
});

/** pinnedLaunchBody() with `count` units `UNIT01`…, each head with a mailbox of this run's own. */
function launchOf(count: number) {
  const body = pinnedLaunchBody();
  const tag = randomUUID().slice(0, 8);
  const units = Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(2, '0');
    return {
      code: `UNIT${n}`,
      name: `Unit Kerja ${n}`,
      head: { name: `Kepala Unit Kerja ${n}`, email: `kepala.unit${n}-${tag}@pemkot.test` },
    };
  });
  return { ...body, units };
}

/**
 * Every message the SMTP server holds for these addresses. Pages through the Mailpit-compatible list (Mailpit
 * caps a page; the local sink returns everything at once and says how many there are).
 */
async function mailsTo(addresses: Set<string>): Promise<MailSummary[]> {
  const base = process.env.SMTP_READ_URL!.replace(/\/$/, '');
  const seen = new Map<string, MailSummary>();
  for (let start = 0; ;) {
    const response = await fetch(`${base}/api/v1/messages?start=${start}&limit=1000`);
    const page = (await response.json()) as { total: number; messages: MailSummary[] };
    for (const message of page.messages) seen.set(message.ID, message);
    start += page.messages.length;
    if (page.messages.length === 0 || start >= page.total) break;
  }
  return [...seen.values()].filter((mail) => mail.To.some((to) => addresses.has(to.Address.toLowerCase())));
}

const isTo = (mail: MailSummary, address: string) =>
  mail.To.some((to) => to.Address.toLowerCase() === address.toLowerCase());

/** Message-IDs received more than once, with how many copies. */
function repeatedCopies(mails: MailSummary[]): Map<string, number> {
  return new Map([...countBy(mails.map((mail) => mail.MessageID))].filter(([, n]) => n > 1));
}

/** Repeats the system cannot account for: not flagged as an interrupted send, or more than one extra copy. */
function unexplained(repeats: Map<string, number>, flagged: Set<string>): string[] {
  return [...repeats].filter(([id, n]) => !flagged.has(id) || n > 2).map(([id, n]) => `${id} ×${n}`);
}

const extraCopies = (repeats: Map<string, number>) => [...repeats.values()].reduce((sum, n) => sum + n - 1, 0);

function duplicatesOf(mails: MailSummary[]) {
  const twice = (keys: string[]) =>
    [...countBy(keys)]
      .filter(([, n]) => n > 1)
      .map(([key, n]) => `${key} ×${n}`)
      .sort();
  return {
    messageIds: twice(mails.map((mail) => mail.MessageID)),
    recipientSubjects: twice(
      mails.flatMap((mail) => mail.To.map((to) => `${to.Address.toLowerCase()} | ${mail.Subject}`)),
    ),
  };
}

/** The notification records of this cycle (their dedupe keys name it) for this run's addresses. */
async function notificationsOf(s: TestStack, addresses: Set<string>, id: string) {
  const records = await s.models.Notification.find({ to: { $in: [...addresses] } }).lean();
  return records.filter((record) => record._id.includes(id));
}

/** Every workflow run on the stack's task queue (children inherit it), as Temporal's visibility lists them. */
async function runsOnQueue(s: TestStack, filter?: string) {
  const query = [`TaskQueue="${s.config.temporal.taskQueue}"`, filter].filter(Boolean).join(' AND ');
  const runs: { workflowId: string; runId: string; status: { name: string } }[] = [];
  for await (const run of s.client.workflow.list({ query })) runs.push(run);
  return runs;
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The figures CI output should state, on stdout (not only in a failure message). */
function report(figures: Record<string, string | number>): void {
  const lines = Object.entries(figures).map(([key, value]) => `  ${key}: ${value}`);
  process.stdout.write(`\n[worker-crash]\n${lines.join('\n')}\n`);
}
