import request from 'supertest';
import { startProbe, stopProbes, statusesOf } from '../support/api-probe';
import { bearer } from '../support/auth';
import { startFaultStack, type FaultStack } from '../support/fault-stack';
import { bySize, faultSize } from '../support/fault-size';
import {
  expectLaunchIntact,
  isTo,
  launchOutcome,
  launchThroughApi,
  launchSettled,
  mailsOf,
  notificationsOf,
  outcomeFigures,
  planLaunch,
  report,
  seconds,
  tasksStored,
  terminateQueue,
} from '../support/launch-outcome';
import { startRestartableSmtpSink, type RestartableSmtpSink } from '../support/servers';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

/**
 * The worker dies the hard way (SIGKILL: no drain, activities and workflow tasks in flight simply lost) in the middle
 * of a cycle launch of 100 units (20 under `npm test`), and a new worker process takes over the same task queue.
 * Temporal replays the histories and retries what was lost; the deterministic ids and the notification log make that
 * invisible: every task exists once, and no email arrives twice but for a send the kill cut between the SMTP server's
 * acceptance and the record, which the log flags as a possible duplicate.
 * (test/integration/worker-crash.test.ts does the same at 60 units and goes on to cancel the cycle.)
 * The workers are real `worker/main.ts` processes; the SMTP server is this test's own; Temporal and the database are
 * the test run's.
 */
// settleMs: how long the second worker may take to finish the launch (a hang guard, not a timing goal).
const size = bySize({
  small: { units: 20, settleMs: 180_000 },
  large: { units: 100, settleMs: 600_000 },
});

let smtp: RestartableSmtpSink | undefined;
let stack: FaultStack | undefined;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  smtp = await startRestartableSmtpSink();
  stack = await startFaultStack({ env: { SMTP_URL: smtp.url }, worker: false });
}, 120_000);

afterAll(async () => {
  await stopProbes();
  // What still runs on this queue is ended, so the shared Temporal server keeps no work of this test.
  if (stack) await terminateQueue(stack, 'worker-kill test cleanup');
  await Promise.allSettled(workers.map((worker) => worker.stop()));
  await stack?.stop();
  await smtp?.close();
}, 60_000);

describe(`a worker killed (SIGKILL) during a ${size.units}-unit launch, then restarted`, () => {
  it(
    'ends with every task once and no email twice',
    async () => {
      const started = Date.now();
      const s = stack!;
      const sink = smtp!;
      const { taskQueue, namespace } = s.config.temporal;
      const spawnWorker = async () => {
        const worker = await startWorkerProcess({ client: s.client, namespace, taskQueue, env: s.env });
        workers.push(worker);
        return worker;
      };
      const plan = planLaunch(size.units);
      const first = await spawnWorker();
      const firstReadyAt = Date.now();
      const { cycleId, admin } = await launchThroughApi(s, plan);
      // The API does not depend on the worker: a signed-in read keeps answering throughout.
      const probe = startProbe(() => request(s.app).get(`/api/v1/cycles/${cycleId}`).auth(admin, bearer));

      // ---- The kill point: once a good part, but not all, of the tasks are in the read model ----
      const seenAtKill = await tasksStored(s, cycleId, Math.max(1, Math.floor(plan.tasks * 0.3)));
      await first.kill('SIGKILL');
      const killedAt = Date.now();
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      const [tasksAtKill, notificationsAtKill] = await Promise.all([
        s.models.Task.countDocuments({ cycleId }),
        notificationsOf(s, plan, cycleId),
      ]);
      const mailsAtKill = mailsOf(plan, sink.received());
      const unsentAtKill = notificationsAtKill.filter((n) => n.status !== 'sent');
      // Emails the SMTP server already holds although their record is not marked sent: the dead worker was between the
      // send and the record. The retry cannot know, so these are the ones that may arrive twice (flagged).
      const receivedUnrecorded = unsentAtKill.filter((n) =>
        mailsAtKill.some((mail) => mail.Subject === n.subject && isTo(mail, n.to)),
      );

      // ---- A new worker process on the same queue finishes the launch ----
      const second = await spawnWorker();
      const restartedAt = Date.now();
      await launchSettled(s, plan, cycleId, () => sink.received(), size.settleMs).catch((error: unknown) => {
        throw new Error(`${String(error)}\nsecond worker's log:\n${second.logTail()}`);
      });
      const settledAt = Date.now();
      const tally = await probe.stop();
      const outcome = await launchOutcome(s, plan, cycleId, () => sink.received());
      report('worker-kill', {
        size: `${faultSize()}: ${size.units} units`,
        atKill:
          `${seenAtKill} of ${plan.tasks} tasks seen by the poll, ${tasksAtKill} stored once the worker was dead; ` +
          `${mailsAtKill.length} emails received, ${notificationsAtKill.length} notification records, ` +
          `${unsentAtKill.length} not marked sent (${receivedUnrecorded.length} of them already received)`,
        ...outcomeFigures(plan, outcome),
        api: `signed-in read during the kill and restart: ${statusesOf(tally)} (${tally.otherServerErrors + tally.unavailable} 5xx)`,
        timing:
          `first worker polling at ${seconds(firstReadyAt - started)}, kill at ${seconds(killedAt - started)}, ` +
          `second worker polling at ${seconds(restartedAt - started)}, settled at ${seconds(settledAt - started)}`,
      });

      expectLaunchIntact(s, plan, cycleId, outcome);
      expect(tally.otherServerErrors + tally.unavailable).toBe(0);
    },
    size.settleMs + 180_000,
  );
});
