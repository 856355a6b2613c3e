import request from 'supertest';
import { defaultCatalogue } from '../../domain/catalogue';
import { taskWorkflowId } from '../../workflows/definitions';
import { startProbe, stopProbes, statusesOf } from '../support/api-probe';
import { bearer, tokenFor } from '../support/auth';
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
  seconds,
  tasksStored,
} from '../support/launch-outcome';
import {
  startRestartableSmtpSink,
  startRestartableTemporal,
  type RestartableSmtpSink,
  type RestartableTemporal,
} from '../support/servers';
import { eventually } from '../support/wait';

/**
 * The Temporal server restarts in the middle of a cycle launch: `temporal server start-dev` on a SQLite file of this
 * test's own is stopped (SIGTERM) while the launch fans out, and started again on the same port and file. Every
 * workflow continues where its history left it: the launch completes with each task once and each email once, and
 * the tasks can then be worked through the API (claim, submit, approve) as if nothing had happened.
 *
 * Nothing is restarted but Temporal: the worker runs in this process and keeps its one NativeConnection, whose pollers
 * find the server again by themselves; the API's client connection does the same.
 * The database is the test run's; the SMTP server is this test's own, so its figures are this test's alone.
 */
const size = bySize({
  small: { units: 5, downMs: 5_000, settleMs: 180_000 },
  large: { units: 30, downMs: 20_000, settleMs: 300_000 },
});
const worked = defaultCatalogue.templates.find((template) => template.key === 'pencanangan_zi')!;

let temporal: RestartableTemporal | undefined;
let smtp: RestartableSmtpSink | undefined;
let stack: FaultStack | undefined;

beforeAll(async () => {
  [temporal, smtp] = await Promise.all([startRestartableTemporal(), startRestartableSmtpSink()]);
  stack = await startFaultStack({ env: { TEMPORAL_ADDRESS: temporal.address, SMTP_URL: smtp.url } });
}, 120_000);

afterAll(async () => {
  await stopProbes();
  // The server is this test's: stopping it ends every workflow of the test with it.
  await stack?.stop();
  await Promise.allSettled([temporal?.close(), smtp?.close()]);
}, 60_000);

describe(`the Temporal server restarted (same SQLite file) during a ${size.units}-unit launch`, () => {
  it(
    'continues every workflow: the launch completes once, and the tasks can be worked afterwards',
    async () => {
      const started = Date.now();
      const s = stack!;
      const server = temporal!;
      const plan = planLaunch(size.units);
      const { cycleId, admin } = await launchThroughApi(s, plan);

      // ---- Down once a good part, but not all, of the tasks are stored ----
      const storedAtStop = await tasksStored(s, cycleId, Math.max(1, Math.floor(plan.tasks * 0.3)));
      await server.stop();
      const stoppedAt = Date.now();
      const readiness = startProbe(() => request(s.app).get('/readyz'));
      await new Promise((resolve) => setTimeout(resolve, size.downMs));
      const storedWhileDown = await s.models.Task.countDocuments({ cycleId });
      const duringOutage = readiness.tally();

      // ---- Back on the same port and file ----
      await server.start();
      const restartedAt = Date.now();
      await launchSettled(s, plan, cycleId, () => smtp!.received(), size.settleMs).catch((error: unknown) => {
        throw new Error(`${String(error)}\nTemporal log:\n${server.logTail()}`);
      });
      const settledAt = Date.now();
      const readinessAfter = await readiness.stop();
      const outcome = await launchOutcome(s, plan, cycleId, () => smtp!.received());
      report('temporal-restart', {
        size: `${faultSize()}: ${size.units} units, Temporal down for ${seconds(restartedAt - stoppedAt)}`,
        atStop: `${storedAtStop} of ${plan.tasks} tasks stored; ${storedWhileDown} once down for ${seconds(size.downMs)}`,
        duringOutage: `/readyz ${statusesOf(duringOutage)} (${duringOutage.otherServerErrors} other 5xx); until settled ${statusesOf(readinessAfter)}`,
        ...outcomeFigures(plan, outcome),
        timing: `stop at ${seconds(stoppedAt - started)}, restart at ${seconds(restartedAt - started)}, settled at ${seconds(settledAt - started)}`,
      });
      expect(duringOutage.unavailable).toBeGreaterThan(0);
      expect(readinessAfter.otherServerErrors).toBe(0);
      expect(readinessAfter.unavailableWithoutRetryAfter).toBe(0);
      expectLaunchIntact(s, plan, cycleId, outcome);

      // ---- The workflows are alive: each unit's head claims and submits a task, Bagian Organisasi approves it ----
      const workedAt = Date.now();
      const statuses: Record<string, number> = {};
      const act = async (token: string, taskId: string, action: string, body?: object) => {
        const response = await request(s.app)
          .post(`/api/v1/tasks/${encodeURIComponent(taskId)}/${action}`)
          .auth(token, bearer)
          .send(body ?? {});
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (response.status !== 200)
          throw new Error(`${action} ${taskId}: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body as { status: string };
      };
      // A link per document (document names have spaces: the link must be a valid URL).
      const evidence = worked.evidence.documents.map((document) => ({
        document,
        ref: `https://drive.test/${encodeURIComponent(document)}`,
      }));
      const work = await Promise.allSettled(
        plan.body.units.map(async (unit) => {
          const head = await tokenFor(s, unit.head, [{ role: 'pimpinan', unitCode: unit.code }]);
          const taskId = taskWorkflowId(cycleId, unit.code, worked.key);
          await act(head, taskId, 'claim');
          await act(head, taskId, 'submit', { evidence });
          return (await act(admin, taskId, 'review', { decision: 'approve' })).status;
        }),
      );
      const failures = work.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
      expect(failures).toEqual([]);
      const approved = work.map((result) => (result.status === 'fulfilled' ? result.value : 'failed'));
      await eventually(
        async () => {
          const done = await s.models.Task.countDocuments({ cycleId, templateKey: worked.key, status: 'approved' });
          return done === size.units ? true : undefined;
        },
        { timeoutMs: 30_000, what: `${worked.key} approved in every unit's read model` },
      );
      const afterWork = await launchOutcome(s, plan, cycleId, () => smtp!.received());
      report('temporal-restart', {
        afterRestart:
          `${approved.filter((status) => status === 'approved').length} of ${size.units} units' ${worked.key} ` +
          `claimed, submitted and approved through the API in ${seconds(Date.now() - workedAt)} ` +
          `(HTTP ${Object.entries(statuses)
            .map(([status, n]) => `${status}×${n}`)
            .join(', ')}); ` +
          `${afterWork.mails.length} emails in all, ${afterWork.unexplained.length} unexplained duplicates`,
      });
      expect(approved).toEqual(plan.body.units.map(() => 'approved'));
      expect(afterWork.unexplained).toEqual([]);
      expect(afterWork.startedTwice).toEqual([]);
    },
    size.downMs + size.settleMs + 120_000,
  );
});
