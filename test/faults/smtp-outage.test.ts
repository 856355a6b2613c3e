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
  mailsOf,
  notificationsOf,
  outcomeFigures,
  planLaunch,
  report,
  seconds,
  terminateQueue,
} from '../support/launch-outcome';
import { startRestartableSmtpSink, type RestartableSmtpSink } from '../support/servers';
import { eventually } from '../support/wait';

/**
 * The SMTP server goes away in the middle of a cycle launch (its listening socket closed: connections refused) and
 * comes back later on the same port. The emails it could not take are recorded as `retrying` while Temporal retries
 * their activities with backoff, then each is delivered exactly once when the server returns; the email log that
 * Bagian Organisasi reads through the API shows the history (more than one attempt, then sent).
 * Real SMTP server (the project's sink, in this process), real worker, Temporal and database of the test run.
 */
const size = bySize({
  small: { units: 3, outageMs: 10_000, settleMs: 180_000 },
  large: { units: 20, outageMs: 60_000, settleMs: 300_000 },
});

interface LogItem {
  id: string;
  to: string;
  status: string;
  attempts: number;
  lastError?: string;
}

let smtp: RestartableSmtpSink | undefined;
let stack: FaultStack | undefined;

beforeAll(async () => {
  smtp = await startRestartableSmtpSink();
  stack = await startFaultStack({ env: { SMTP_URL: smtp.url } });
}, 120_000);

afterAll(async () => {
  await stopProbes();
  if (stack) await terminateQueue(stack, 'smtp-outage test cleanup');
  await stack?.stop();
  await smtp?.close();
}, 60_000);

describe(`the SMTP server stopped for ${seconds(size.outageMs)} during a ${size.units}-unit launch`, () => {
  it(
    'records the emails as retrying, then delivers each exactly once when it returns; the log shows it',
    async () => {
      const started = Date.now();
      const s = stack!;
      const sink = smtp!;
      const plan = planLaunch(size.units);
      const { cycleId, admin } = await launchThroughApi(s, plan);
      const log = async (to: string, status?: string) => {
        const response = await request(s.app)
          .get('/api/v1/notifications')
          .query({ to, limit: '200', ...(status ? { status } : {}) })
          .auth(admin, bearer)
          .expect(200);
        return (response.body.items as LogItem[]).filter((item) => item.id.includes(cycleId));
      };

      // ---- Down as soon as the first of the launch's emails has arrived ----
      await eventually(async () => (mailsOf(plan, sink.received()).length > 0 ? true : undefined), {
        timeoutMs: 60_000,
        intervalMs: 10,
        what: 'the first email of the launch',
      });
      await sink.stop();
      const stoppedAt = Date.now();
      const receivedBefore = mailsOf(plan, sink.received()).length;
      // The API has nothing to do with SMTP: the email log keeps answering throughout.
      const probe = startProbe(() =>
        request(s.app).get('/api/v1/notifications').query({ status: 'retrying' }).auth(admin, bearer),
      );

      // Every email not yet delivered fails its attempt and is recorded as retrying, with the reason.
      const retrying = await eventually(
        async () => {
          const records = await notificationsOf(s, plan, cycleId);
          const waiting = records.filter((n) => n.status === 'retrying');
          const unsent = plan.emails - records.filter((n) => n.status === 'sent').length;
          return records.length === plan.emails && waiting.length === unsent ? waiting : undefined;
        },
        { timeoutMs: size.outageMs + 60_000, intervalMs: 250, what: 'every undelivered email to be retrying' },
      );
      expect(retrying.length).toBeGreaterThan(0);
      // The email log says so: one head's undelivered emails, listed as retrying with the server's refusal.
      const someone = retrying[0]!.to;
      const logged = await log(someone, 'retrying');
      expect(logged.map((item) => item.id).sort()).toEqual(
        retrying
          .filter((n) => n.to === someone)
          .map((n) => n._id)
          .sort(),
      );
      // Refused connections, or, for an email caught mid-transaction as the server stopped, its 421 shutting down.
      const unexplained = logged.filter(
        (item) => item.attempts < 1 || !/ECONNREFUSED|connect|421|shutting down/i.test(item.lastError ?? ''),
      );
      expect(unexplained.map((item) => `${item.id}: ${item.attempts} attempts, ${item.lastError}`)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, stoppedAt + size.outageMs - Date.now())));
      const duringOutage = await notificationsOf(s, plan, cycleId);
      const attemptsDuringOutage = Math.max(...duringOutage.map((n) => n.attempts));

      // ---- Back on the same port ----
      await sink.start();
      const restartedAt = Date.now();
      await launchSettled(s, plan, cycleId, () => sink.received(), size.settleMs);
      const settledAt = Date.now();
      const tally = await probe.stop();
      const outcome = await launchOutcome(s, plan, cycleId, () => sink.received());
      const entries = (await Promise.all([...plan.addresses].map((address) => log(address)))).flat();
      const retried = new Set(retrying.map((n) => n._id));
      const attempts = outcome.notifications.map((n) => n.attempts);
      report('smtp-outage', {
        size: `${faultSize()}: ${size.units} units, SMTP down for ${seconds(restartedAt - stoppedAt)}`,
        beforeOutage: `${receivedBefore} emails received before the server stopped`,
        duringOutage:
          `${retrying.length} emails recorded as retrying, up to ${attemptsDuringOutage} attempts each; ` +
          `API meanwhile: ${statusesOf(tally)} (${tally.otherServerErrors} 5xx)`,
        ...outcomeFigures(plan, outcome),
        emailLog:
          `${entries.length} entries for the launch; ${entries.filter((e) => e.attempts > 1).length} sent after more ` +
          `than one attempt (attempts ${Math.min(...attempts)}..${Math.max(...attempts)})`,
        timing: `stop at ${seconds(stoppedAt - started)}, restart at ${seconds(restartedAt - started)}, settled at ${seconds(settledAt - started)}`,
      });

      // No worker died: nothing can have been sent twice, not even flagged.
      expect(outcome.repeats.size).toBe(0);
      expect(outcome.flagged.size).toBe(0);
      expectLaunchIntact(s, plan, cycleId, outcome);
      expect(tally.otherServerErrors).toBe(0);
      expect(tally.unavailable).toBe(0);

      // The log through the API: every email of the launch sent; each one the outage held back took more than one
      // attempt and no longer carries an error.
      expect(entries).toHaveLength(plan.emails);
      expect(entries.filter((e) => e.status !== 'sent').map((e) => `${e.id}: ${e.status}`)).toEqual([]);
      const heldBack = entries.filter((e) => retried.has(e.id));
      expect(heldBack).toHaveLength(retried.size);
      expect(heldBack.filter((e) => e.attempts < 2 || e.lastError !== undefined).map((e) => e.id)).toEqual([]);
      expect(entries.filter((e) => !retried.has(e.id) && e.attempts !== 1).map((e) => e.id)).toEqual([]);
    },
    size.outageMs + size.settleMs + 120_000,
  );
});
