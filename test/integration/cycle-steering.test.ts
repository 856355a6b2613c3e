import request from 'supertest';
import { defaultCatalogue, tasksForStage } from '../../domain/catalogue';
import { stageCodes } from '../../domain/stages';
import { cycleStateQuery, cycleWorkflowId, taskWorkflowId, unitWorkflowId } from '../../workflows/definitions';
import { pinnedLaunchBody } from '../fixtures/cycles';
import { messagesTo } from '../support/mailbox';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { adminToken, bearer, launchRequest } from '../support/auth';

const stack = useTestStack();

/** Persiapan is open from the pinned day; every later stage opens on 1 June, so the cycle can be advanced to it. */
const timeline = Object.fromEntries(
  stageCodes.map((stage) => [
    stage,
    stage === 'persiapan' ? { opens: '2026-03-02', due: '2026-12-30' } : { opens: '2026-06-01', due: '2026-12-30' },
  ]),
);

const persiapanKeys = tasksForStage(defaultCatalogue, 'persiapan').map((template) => template.key);

describe('Bagian Organisasi steers a running cycle through validated updates (HTTP → cycle workflow)', () => {
  it('advances a unit and the cycle, extends a stage, adds and withdraws a unit, then cancels the cycle', async () => {
    const body = { ...pinnedLaunchBody(), timeline };
    const by = body.launchedBy;
    const [disdukcapil, dpmptsp] = body.units;
    const admin = await adminToken(stack(), body.launchedBy);
    const launched = await request(stack().app)
      .post('/api/v1/cycles')
      .auth(admin, bearer)
      .send(launchRequest(body))
      .expect(202);
    const id: string = launched.body.id;
    const api = (path: string, payload: object, status: number) =>
      request(stack().app).post(`/api/v1/cycles/${id}${path}`).auth(admin, bearer).send(payload).expect(status);
    const tasksOf = (unitCode: string, stage: string) =>
      stack().models.Task.find({ cycleId: id, unitCode, stage }).lean();

    await eventually(async () => ((await tasksOf(dpmptsp!.code, 'persiapan')).length === 6 ? true : undefined), {
      what: 'the persiapan tasks of both units',
    });

    // Refusals answer 422 with the workflow's reason and change nothing.
    const early = await api('/advance', { reason: 'Percepatan', stage: 'pelaksanaan' }, 422);
    expect(early.body.detail).toBe('Tahap berikutnya yang dapat dibuka adalah Pembentukan Tim');
    const wrongStage = await api(
      `/units/${disdukcapil!.code}/advance`,
      { reason: 'Lewati', stage: 'pelaksanaan' },
      422,
    );
    expect(wrongStage.body.detail).toMatch(/sedang di tahap Persiapan, bukan Pelaksanaan/);
    await api('/units/TIDAKADA/withdraw', { reason: 'Tidak ada' }, 422);
    const missing = await api('/advance', { stage: 'pembentukan_tim' }, 400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'body.reason' })]);

    // Advancing a unit cancels its unfinished tasks of the stage and moves it on.
    await api(
      `/units/${disdukcapil!.code}/advance`,
      { reason: 'Sudah dikerjakan di siklus lalu', stage: 'persiapan' },
      200,
    );
    await eventually(
      async () => {
        const tasks = await tasksOf(disdukcapil!.code, 'persiapan');
        return tasks.length === 6 && tasks.every((task) => task.status === 'cancelled') ? true : undefined;
      },
      { what: 'DISDUKCAPIL’s persiapan tasks to be cancelled' },
    );
    const moved = await eventually(async () => {
      const progress = await stack().models.UnitProgress.findById(`${id}:${disdukcapil!.code}`).lean();
      return progress?.completedStages.includes('persiapan') ? progress : undefined;
    });
    expect(moved.stage).toBe('pembentukan_tim');
    // Its next stage's window has not opened: no pembentukan tim task yet.
    expect(await tasksOf(disdukcapil!.code, 'pembentukan_tim')).toHaveLength(0);

    // Advancing the cycle opens the next stage now: the advanced unit starts its tasks, the other stays in persiapan.
    const advanced = await api('/advance', { reason: 'Jadwal dipercepat', stage: 'pembentukan_tim' }, 200);
    expect(advanced.body.stages.pembentukan_tim.status).toBe('open');
    await eventually(
      () =>
        stack()
          .client.workflow.getHandle(taskWorkflowId(id, disdukcapil!.code, 'seleksi_tim_kerja'))
          .describe(),
      { what: 'the first pembentukan tim task of the advanced unit' },
    );
    expect(await tasksOf(dpmptsp!.code, 'pembentukan_tim')).toHaveLength(0);

    // Extending persiapan moves the due date of tasks counted from the stage's due date, and only later.
    const before = await stack()
      .models.Task.findById(taskWorkflowId(id, dpmptsp!.code, 'rencana_kerja_awal'))
      .lean();
    const refused = await api('/stages/persiapan/extend', { reason: 'Mundur', due: '2026-12-01' }, 422);
    expect(refused.body.detail).toBe('Tenggat baru harus setelah tenggat saat ini (2026-12-30)');
    await api('/stages/persiapan/extend', { reason: 'Libur akhir tahun', due: '2027-01-29' }, 200);
    const after = await eventually(async () => {
      const task = await stack()
        .models.Task.findById(taskWorkflowId(id, dpmptsp!.code, 'rencana_kerja_awal'))
        .lean();
      return task && task.due.getTime() > before!.due.getTime() ? task : undefined;
    });
    expect(after.due.toISOString()).toBe('2027-01-29T09:00:00.000Z');
    const pencanangan = await stack()
      .models.Task.findById(taskWorkflowId(id, dpmptsp!.code, 'pencanangan_zi'))
      .lean();
    expect(pencanangan!.due.toISOString()).toBe('2026-03-16T09:00:00.000Z'); // counted from the opening: unchanged

    // A unit added later starts like the others.
    const bappeda = {
      code: 'BAPPEDA',
      name: 'Badan Perencanaan Pembangunan Daerah',
      head: { ...by, name: 'Kepala Bappeda' },
    };
    await api('/units', { unit: bappeda }, 200);
    await api('/units', { unit: bappeda }, 422);
    await eventually(async () => ((await tasksOf('BAPPEDA', 'persiapan')).length === 6 ? true : undefined), {
      what: 'the added unit’s persiapan tasks',
    });

    // Withdrawing a unit cancels every unfinished task of it, and tells its head.
    await api(`/units/${dpmptsp!.code}/withdraw`, { reason: 'Unit direorganisasi' }, 200);
    await eventually(
      async () => {
        const tasks = await stack().models.Task.find({ cycleId: id, unitCode: dpmptsp!.code }).lean();
        return tasks.length === persiapanKeys.length && tasks.every((task) => task.status === 'cancelled')
          ? true
          : undefined;
      },
      { what: 'DPMPTSP’s tasks to be cancelled' },
    );
    const withdrawnMail = await eventually(async () => {
      const mail = await messagesTo(dpmptsp!.head.email);
      return mail.find((m) => m.Subject.includes('ditarik'));
    });
    expect(withdrawnMail.Subject).toContain(dpmptsp!.name);
    const withdrawn = await stack().client.workflow.getHandle(unitWorkflowId(id, dpmptsp!.code)).result();
    expect(withdrawn).toMatchObject({ status: 'withdrawn' });

    // Cancelling the cycle withdraws the rest and ends it.
    await api('/cancel', { reason: 'Anggaran dialihkan' }, 200);
    const cycle = stack().client.workflow.getHandle(cycleWorkflowId(id));
    expect(await cycle.result()).toMatchObject({ status: 'cancelled' });
    const state = await cycle.query(cycleStateQuery);
    expect(state.units.map((unit) => [unit.code, unit.status])).toEqual([
      ['DISDUKCAPIL', 'withdrawn'],
      ['DPMPTSP', 'withdrawn'],
      ['BAPPEDA', 'withdrawn'],
    ]);
    const open = await stack().models.Task.countDocuments({
      cycleId: id,
      status: { $in: ['open', 'claimed', 'submitted', 'revision_requested'] },
    });
    expect(open).toBe(0);
    const read = await request(stack().app).get(`/api/v1/cycles/${id}`).auth(admin, bearer).expect(200);
    expect(read.body.status).toBe('cancelled');
    const ended = await api('/advance', { reason: 'Terlambat', stage: 'pelaksanaan' }, 409);
    expect(ended.body.detail).toBe(`Siklus ${id} sudah berakhir (dibatalkan)`);
    await request(stack().app)
      .post('/api/v1/cycles/2026-00000000/cancel')
      .auth(admin, bearer)
      .send({ reason: 'Tidak ada' })
      .expect(404);

    const trail = await stack()
      .models.AuditEvent.find({ entityId: `siklus:${id}` })
      .lean();
    expect(new Set(trail.map((event) => event.type))).toEqual(
      new Set([
        'cycle_launched',
        'cycle_status',
        'stage_opened',
        'unit_advanced',
        'cycle_advanced',
        'stage_extended',
        'unit_added',
        'unit_withdrawn',
        'cycle_cancelled',
      ]),
    );
    const cancelledMail = await eventually(async () => {
      const mail = await messagesTo(by.email);
      return mail.find((m) => m.Subject.includes('dibatalkan'));
    });
    expect(cancelledMail).toBeDefined();
  }, 180_000);
});
