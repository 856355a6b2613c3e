import request from 'supertest';
import { createWorkingCalendar, defaultHolidays } from '../../domain/calendar';
import { defaultCatalogue, requiredTasksForStage } from '../../domain/catalogue';
import { expectedShare, monevPeriods } from '../../domain/monev';
import { stageCodes, type CycleTimeline } from '../../domain/stages';
import { taskDueInstant } from '../../domain/task-due';
import { monevWorkflowId, taskWorkflowId } from '../../workflows/definitions';
import { pinnedLaunchBody } from '../fixtures/cycles';
import { openTimeline } from '../fixtures/lifecycle';
import { launchPeople, UnitDriver } from '../support/drive-cycle';
import { messagesTo } from '../support/mailbox';
import { recordHistoryIfAsked } from '../support/record-history';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { adminToken, bearer, launchRequest, tokenFor } from '../support/auth';

const stack = useTestStack();

/** Every stage open from Monday 2 March; monev until Friday 20 March, reviewed every 5 working days. */
const timeline: CycleTimeline = { ...openTimeline, monev: { opens: '2026-03-02', due: '2026-03-20' } };
const cadence = { kind: 'every_working_days', workingDays: 5 } as const;

describe('monev: periodic progress reports and lagging units, one period per run of a workflow that continues as new', () => {
  it('asks every unit for its report, flags the unit below the expected share, and tells Bagian Organisasi', async () => {
    const body = { ...pinnedLaunchBody(86_400), timeline, monev: cadence };
    const [ahead, behind] = body.units;
    const admin = await adminToken(stack(), body.launchedBy);
    const launched = await request(stack().app)
      .post('/api/v1/cycles')
      .auth(admin, bearer)
      .send(launchRequest(body))
      .expect(202);
    const id: string = launched.body.id;

    const calendar = createWorkingCalendar({ zone: 'WIB', holidays: defaultHolidays });
    const [first] = monevPeriods(timeline.monev, calendar, cadence);
    const required = stageCodes.flatMap((stage) => requiredTasksForStage(defaultCatalogue, stage));
    const expected = expectedShare(
      required.map((template) => taskDueInstant(template.due, timeline[template.stage], calendar)),
      first!.due,
    );
    expect(expected).toBeGreaterThan(0);
    // As many approved tasks as the plan expects by the period's due date keep a unit off the lagging list.
    const needed = Math.ceil(expected * required.length - 1e-9);
    const persiapan = requiredTasksForStage(defaultCatalogue, 'persiapan');
    expect(needed).toBeLessThanOrEqual(persiapan.length);

    // One unit gets what the plan expects approved straight away; the other does nothing.
    const driver = new UnitDriver(
      stack(),
      id,
      ahead!.code,
      launchPeople(ahead!, body.launchedBy, []),
      defaultCatalogue,
    );
    for (const template of persiapan.slice(0, needed)) await driver.complete(template);

    const review = await eventually(
      () =>
        stack()
          .models.MonevReview.findById(`${id}:${first!.key}`)
          .lean()
          .then((doc) => doc ?? undefined),
      { timeoutMs: 40_000, what: `the review of monev period ${first!.key}` },
    );
    expect(review.expectedShare).toBeCloseTo(expected, 10);
    expect(review.lagging.map((unit) => unit.unitCode)).toEqual([behind!.code]);
    expect(review.units).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unitCode: ahead!.code, approved: needed, planned: required.length }),
        expect.objectContaining({ unitCode: behind!.code, approved: 0, planned: required.length }),
      ]),
    );

    // Each unit was asked for its report of the period: a task of its own, for its ketua tim.
    for (const unit of body.units) {
      const report = await stack()
        .models.Task.findById(taskWorkflowId(id, unit.code, `laporan_${first!.key}`))
        .lean();
      expect(report).toMatchObject({ stage: 'monev', assigneeRole: 'ketua_tim', due: first!.due });
    }

    const lagging = await eventually(async () => {
      const mail = await messagesTo(body.launchedBy.email);
      return mail.find((m) => m.Subject.startsWith(`Monev ${first!.label}`));
    });
    expect(lagging.Subject).toContain('1 unit kerja di bawah target');

    // The next period runs in a new run of the same workflow, continued from the first.
    const monev = stack().client.workflow.getHandle(monevWorkflowId(id));
    const continued = await eventually(async () => {
      const history = await monev.fetchHistory();
      const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
      return started?.continuedExecutionRunId ? started : undefined;
    });
    expect(continued.continuedExecutionRunId).toBeTruthy();
    // The first run, from start to continue-as-new, is what replay must keep accepting.
    recordHistoryIfAsked(stack(), 'monev-workflow.one-period', monev.workflowId, continued.continuedExecutionRunId!);

    // The verdicts over HTTP: Bagian Organisasi sees both units; the lagging unit's head sees only their own.
    const all = await request(stack().app).get(`/api/v1/cycles/${id}/monev`).auth(admin, bearer).expect(200);
    expect(all.body.items[0]).toMatchObject({
      periodKey: first!.key,
      label: first!.label,
      lagging: [expect.objectContaining({ unitCode: behind!.code })],
    });
    expect(all.body.items[0].units).toHaveLength(2);
    const head = await tokenFor(stack(), behind!.head, [{ role: 'pimpinan', unitCode: behind!.code }]);
    const own = await request(stack().app).get(`/api/v1/cycles/${id}/monev`).auth(head, bearer).expect(200);
    expect(own.body.items[0].units.map((unit: { unitCode: string }) => unit.unitCode)).toEqual([behind!.code]);
    const outsider = await tokenFor(stack(), { name: 'Orang lain', email: `lain-${id}@pemkot.test` }, [
      { role: 'pimpinan', unitCode: 'UNIT-LAIN' },
    ]);
    await request(stack().app).get(`/api/v1/cycles/${id}/monev`).auth(outsider, bearer).expect(404);

    await request(stack().app)
      .post(`/api/v1/cycles/${id}/cancel`)
      .auth(admin, bearer)
      .send({ reason: 'Uji selesai' })
      .expect(200);
  }, 120_000);
});
