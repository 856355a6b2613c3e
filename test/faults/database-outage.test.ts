import request from 'supertest';
import { startProbe, stopProbes, statusesOf } from '../support/api-probe';
import { bearer } from '../support/auth';
import { startFaultStack, type FaultStack } from '../support/fault-stack';
import { bySize, faultSize } from '../support/fault-size';
import {
  expectLaunchIntact,
  launchOutcome,
  launchSettled,
  launchThroughApi,
  outcomeFigures,
  planLaunch,
  report,
  runsOnQueue,
  seconds,
  tasksStored,
  terminateQueue,
} from '../support/launch-outcome';
import {
  startRestartableMongo,
  startRestartableSmtpSink,
  type RestartableMongo,
  type RestartableSmtpSink,
} from '../support/servers';
import { eventually } from '../support/wait';

/**
 * The database stops in the middle of a cycle launch (its process ends, the port closes) and starts again on the same
 * port with the same data folder. Meanwhile the activities that write the read models and the email log fail and are
 * retried by Temporal with backoff; the API answers a signed-in read with 503 + Retry-After, and answers it normally
 * again once the database is back, without being restarted. Afterwards nothing is lost (what was written before the
 * outage is still there, every task exists) and nothing is doubled (each task once, each email once, but for a send
 * the outage cut between the SMTP server's acceptance and the record, which the log flags).
 * The database, and the SMTP server, are this test's own; Temporal is the test run's.
 */
const size = bySize({
  small: { units: 5, outageMs: 10_000, settleMs: 180_000 },
  large: { units: 20, outageMs: 30_000, settleMs: 300_000 },
});

let mongo: RestartableMongo | undefined;
let smtp: RestartableSmtpSink | undefined;
let stack: FaultStack | undefined;

beforeAll(async () => {
  [mongo, smtp] = await Promise.all([startRestartableMongo('zi-fault-database'), startRestartableSmtpSink()]);
  stack = await startFaultStack({ env: { MONGODB_URI: mongo.uri, SMTP_URL: smtp.url } });
}, 120_000);

afterAll(async () => {
  await stopProbes();
  if (stack) await terminateQueue(stack, 'database-outage test cleanup');
  await stack?.stop();
  await Promise.allSettled([mongo?.close(), smtp?.close()]);
}, 60_000);

describe(`the database stopped for ${seconds(size.outageMs)} during a ${size.units}-unit launch`, () => {
  it(
    'retries the activities, answers 503 + Retry-After meanwhile, recovers by itself; every task and email once after',
    async () => {
      const started = Date.now();
      const s = stack!;
      const db = mongo!;
      const plan = planLaunch(size.units);
      // Signed in before the outage: during it, the session lookup itself needs the database.
      const { cycleId, admin } = await launchThroughApi(s, plan);
      const readCycle = () => request(s.app).get(`/api/v1/cycles/${cycleId}`).auth(admin, bearer);

      // ---- Down once a good part, but not all, of the tasks are stored ----
      await tasksStored(s, cycleId, Math.max(1, Math.floor(plan.tasks * 0.3)));
      const before = (await s.models.Task.find({ cycleId }, { _id: 1 }).lean()).map((task) => task._id);
      await db.stop();
      const stoppedAt = Date.now();
      const probe = startProbe(readCycle);

      // While it is down, the activities fail and wait for their next attempt; Temporal shows them retrying.
      const retryingActivities = async () => {
        const open = await runsOnQueue(s, 'ExecutionStatus="Running"');
        const pending = await Promise.all(
          open.map(async (run) => (await s.client.workflow.getHandle(run.workflowId).describe()).raw.pendingActivities),
        );
        const attempts = pending
          .flat()
          .flatMap((activity) => ((activity?.attempt ?? 0) > 1 ? [activity!.attempt!] : []));
        return { activities: attempts.length, maxAttempt: Math.max(0, ...attempts) };
      };
      const firstRetries = await eventually(
        async () => {
          const retrying = await retryingActivities();
          return retrying.activities > 0 ? retrying : undefined;
        },
        { timeoutMs: size.outageMs, intervalMs: 1_000, what: 'an activity to be retried during the outage' },
      );
      const firstRetriesAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, stoppedAt + size.outageMs - Date.now())));
      const lastRetries = await retryingActivities();
      const duringOutage = probe.tally();

      // ---- Back on the same port with the same data; the API and the worker are not restarted ----
      await db.start();
      const restartedAt = Date.now();
      await eventually(
        async () => {
          const answer = await readCycle();
          // Thrown, so a timeout says what the API was still answering.
          if (answer.status !== 200)
            throw new Error(`HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
          return true;
        },
        { timeoutMs: 90_000, intervalMs: 250, what: 'the API to answer the read again' },
      );
      const recoveredAt = Date.now();
      const tally = await probe.stop();
      await launchSettled(s, plan, cycleId, () => smtp!.received(), size.settleMs);
      const settledAt = Date.now();
      const outcome = await launchOutcome(s, plan, cycleId, () => smtp!.received());
      const after = new Set(outcome.tasks.map((task) => task._id));
      report('database-outage', {
        size: `${faultSize()}: ${size.units} units, database down for ${seconds(restartedAt - stoppedAt)}`,
        beforeOutage: `${before.length} of ${plan.tasks} tasks stored`,
        duringOutage:
          `${firstRetries.activities} activities retrying ${seconds(firstRetriesAt - stoppedAt)} in, ` +
          `${lastRetries.activities} at the end (attempt up to ${lastRetries.maxAttempt}); API read: ` +
          `${statusesOf(duringOutage)} (${duringOutage.unavailableWithoutRetryAfter} 503 without Retry-After, ` +
          `${duringOutage.otherServerErrors} other 5xx)`,
        recovery: `API answered 200 again ${seconds(recoveredAt - restartedAt)} after the restart; all probes: ${statusesOf(tally)}`,
        ...outcomeFigures(plan, outcome),
        timing: `stop at ${seconds(stoppedAt - started)}, restart at ${seconds(restartedAt - started)}, settled at ${seconds(settledAt - started)}`,
      });

      expect(duringOutage.unavailable).toBeGreaterThan(0);
      expect(tally.unavailableWithoutRetryAfter).toBe(0);
      expect(tally.samples).toEqual([]);
      expect(tally.otherServerErrors).toBe(0);
      expect(before.filter((id) => !after.has(id))).toEqual([]);
      expectLaunchIntact(s, plan, cycleId, outcome);
    },
    size.outageMs + size.settleMs + 120_000,
  );
});
