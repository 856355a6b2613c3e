import request from 'supertest';
import { defaultCatalogue, requiredTasksForStage, tasksForStage } from '../../domain/catalogue';
import { personIdOf } from '../../domain/people';
import { stageCodes, type StageCode } from '../../domain/stages';
import { cycleStateQuery, cycleWorkflowId, unitWorkflowId, type CycleWorkflowState } from '../../workflows/definitions';
import { pinnedLaunchBody } from '../fixtures/cycles';
import { teamFor } from '../fixtures/team';
import { launchPeople, UnitDriver } from '../support/drive-cycle';
import { messagesTo } from '../support/mailbox';
import { recordHistoryIfAsked } from '../support/record-history';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { adminToken, bearer, launchRequest } from '../support/auth';

const stack = useTestStack();

describe('a full cycle: 2 units, the default catalogue, all six stages, driven only by task updates', () => {
  it('moves each unit stage by stage, resolves the team, and keeps read model and audit trail in step', async () => {
    const body = {
      ...pinnedLaunchBody(),
      assessors: [
        { name: 'Auditor Inspektorat 1', email: `tpi-1-${Date.now()}@inspektorat.test` },
        { name: 'Auditor Inspektorat 2', email: `tpi-2-${Date.now()}@inspektorat.test` },
      ],
    };
    const admin = await adminToken(stack(), body.launchedBy);
    const launched = await request(stack().app)
      .post('/api/v1/cycles')
      .auth(admin, bearer)
      .send(launchRequest(body))
      .expect(202);
    const cycleId: string = launched.body.id;
    const teams = Object.fromEntries(body.units.map((unit) => [unit.code, teamFor(unit.code)]));
    const drivers = body.units.map(
      (unit) =>
        new UnitDriver(
          stack(),
          cycleId,
          unit.code,
          launchPeople(unit, body.launchedBy, body.assessors),
          defaultCatalogue,
        ),
    );
    const [first] = drivers;

    for (const stage of stageCodes) {
      await Promise.all(
        drivers.map((driver) =>
          driver.completeStage(stage, {
            team: teams[driver.unitCode]!.submission,
            // One revision round on the first unit's first pelaksanaan task.
            revise: driver === first ? requiredTasksForStage(defaultCatalogue, 'pelaksanaan')[0]!.key : undefined,
          }),
        ),
      );
      for (const driver of drivers) await expectStageRecorded(cycleId, driver.unitCode, stage);
      if (stage === 'pembentukan_tim') await expectTeamResolved(cycleId, drivers[1]!.unitCode, teams);
    }

    const handle = stack().client.workflow.getHandle(cycleWorkflowId(cycleId));
    const final = (await handle.result()) as CycleWorkflowState;
    recordHistoryIfAsked(stack(), 'cycle-workflow.two-units', handle.workflowId);
    // A unit inside a cycle: it reports to its parent, which a unit started on its own (unit-workflow.six-stages) has not.
    recordHistoryIfAsked(stack(), 'unit-workflow.in-cycle', unitWorkflowId(cycleId, first!.unitCode));
    expect(final.status).toBe('completed');
    expect(final.units.map((unit) => [unit.code, unit.status, unit.stage])).toEqual([
      ['DISDUKCAPIL', 'finished', 'selesai'],
      ['DPMPTSP', 'finished', 'selesai'],
    ]);

    const read = await request(stack().app).get(`/api/v1/cycles/${cycleId}`).auth(admin, bearer).expect(200);
    expect(read.body).toMatchObject({ status: 'completed', catalogueVersion: defaultCatalogue.version });
    expect(read.body.units.map((unit: { status: string }) => unit.status)).toEqual(['finished', 'finished']);

    const cycleTrail = await stack()
      .models.AuditEvent.find({ entityId: `siklus:${cycleId}` })
      .lean();
    const types = sortBySeq(cycleTrail).map((event) => event.type);
    expect(types[0]).toBe('cycle_launched');
    expect(types.filter((type) => type === 'stage_opened')).toHaveLength(stageCodes.length);
    expect(cycleTrail.find((event) => event.to === 'completed')).toMatchObject({ type: 'cycle_status' });

    // The revision round shows in the first unit's trail: submit, revision, submit, approve.
    const revised = requiredTasksForStage(defaultCatalogue, 'pelaksanaan')[0]!;
    const revisedTrail = await stack()
      .models.AuditEvent.find({ entityId: `tugas:${cycleId}:${first!.unitCode}:${revised.key}` })
      .lean();
    expect(sortBySeq(revisedTrail).map((event) => `${event.type}:${event.to}`)).toEqual([
      'claim:claimed',
      'submit:submitted',
      'review:revision_requested',
      'submit:submitted',
      'review:approved',
    ]);
  }, 600_000);
});

/** After a stage: the unit's progress, every required task approved in the read model, and each with its trail. */
async function expectStageRecorded(cycleId: string, unitCode: string, stage: StageCode) {
  const progress = await eventually(
    async () => {
      const doc = await stack().models.UnitProgress.findById(`${cycleId}:${unitCode}`).lean();
      const expected = stage === 'penghargaan' ? 'finished' : 'active';
      return doc?.completedStages.includes(stage) && doc.status === expected ? doc : undefined;
    },
    { what: `${unitCode} to record ${stage} as completed` },
  );
  expect(progress.lateStages).toEqual([]);

  const required = requiredTasksForStage(defaultCatalogue, stage).map((template) => template.key);
  const tasks = await eventually(
    async () => {
      const docs = await stack().models.Task.find({ cycleId, unitCode, stage }).lean();
      const approved = docs.filter((doc) => doc.status === 'approved').map((doc) => doc.templateKey);
      return required.every((key) => approved.includes(key)) ? docs : undefined;
    },
    { what: `${unitCode}'s required ${stage} tasks to be approved in the read model` },
  );
  // Optional tasks of the stage exist too, still open: nobody had to do them. Monev adds its periodic reports.
  const keys = tasks.map((task) => task.templateKey).filter((key) => !key.startsWith('laporan_monev_'));
  if (stage === 'monev') expect(tasks.some((task) => task.templateKey === 'laporan_monev_2026_03')).toBe(true);
  expect(keys.sort()).toEqual(
    tasksForStage(defaultCatalogue, stage)
      .map((template) => template.key)
      .sort(),
  );

  for (const key of required) {
    const trail = await stack()
      .models.AuditEvent.find({ entityId: `tugas:${cycleId}:${unitCode}:${key}` })
      .lean();
    const steps = sortBySeq(trail).map((event) => event.type);
    expect(steps[0]).toBe('claim');
    expect(steps.at(-1)).toBe('review');
    expect(trail.every((event) => event.cycleId === cycleId && event.unitCode === unitCode)).toBe(true);
  }
  const unitTrail = await stack()
    .models.AuditEvent.find({ entityId: `unit:${cycleId}:${unitCode}` })
    .lean();
  expect(unitTrail.filter((event) => event.type === 'stage_opened' && event.to === stage)).toHaveLength(1);
  expect(unitTrail.filter((event) => event.type === 'stage_completed' && event.from === stage)).toHaveLength(1);
}

/** The approved team's members are who later tasks go to, and each of them was told. */
async function expectTeamResolved(
  cycleId: string,
  unitCode: string,
  teams: Record<string, ReturnType<typeof teamFor>>,
) {
  const { ketua, anggota, submission } = teams[unitCode]!;
  const progress = await stack().models.UnitProgress.findById(`${cycleId}:${unitCode}`).lean();
  expect(progress?.team?.members).toHaveLength(submission.members.length);
  const rencana = await stack().models.Task.findById(`tugas:${cycleId}:${unitCode}:penetapan_rencana_kerja_zi`).lean();
  expect(rencana?.assignees).toEqual([ketua.personId]);
  const state = await stack().client.workflow.getHandle(cycleWorkflowId(cycleId)).query(cycleStateQuery);
  expect(state.units.find((unit) => unit.code === unitCode)?.status).toBe('active');
  for (const member of [ketua, ...anggota]) {
    const mail = await eventually(async () => {
      const messages = await messagesTo(member.email);
      return messages.some((m) => m.Subject.includes('Tim Kerja')) ? messages : undefined;
    });
    expect(mail.length).toBeGreaterThan(0);
  }
  // Anggota tasks of an area go to the area's coordinator.
  for (const template of requiredTasksForStage(defaultCatalogue, 'pelaksanaan')) {
    const coordinator = personIdOf(submission.coordinators[template.area!]!);
    const task = await eventually(
      () =>
        stack()
          .models.Task.findById(`tugas:${cycleId}:${unitCode}:${template.key}`)
          .lean()
          .then((t) => t ?? undefined),
      { what: `${template.key} of ${unitCode} to be stored` },
    );
    expect([template.key, task.assignees]).toEqual([template.key, [coordinator]]);
  }
  expect(anggota.map((person) => person.personId)).toEqual(
    submission.members.filter((m) => m.role === 'anggota_tim').map((m) => personIdOf(m.email)),
  );
}

const sortBySeq = <T extends { _id: string }>(events: T[]): T[] =>
  [...events].sort((a, b) => Number(a._id.split('#')[1]) - Number(b._id.split('#')[1]));
