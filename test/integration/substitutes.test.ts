import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { addCalendarDays, localDayOf } from '../../domain/calendar';
import type { TaskTemplate } from '../../domain/catalogue';
import { personIdOf } from '../../domain/people';
import type { RoleCode } from '../../domain/roles';
import {
  taskStateQuery,
  taskWorkflowId,
  taskWorkflowType,
  type TaskPerson,
  type TaskView,
  type TaskWorkflowInput,
} from '../../workflows/definitions';
import { bearer, tokenFor } from '../support/auth';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';

const stack = useTestStack();

const tag = () => randomUUID().slice(0, 8).toUpperCase();
const today = () => localDayOf(new Date(), 'WIB');
const api = () => request(stack().app);
const taskPath = (id: string, rest = '') => `/api/v1/tasks/${encodeURIComponent(id)}${rest}`;

interface Someone {
  name: string;
  email: string;
  personId: string;
  token: string;
}

async function someone(label: string, grants: { role: RoleCode; unitCode?: string }[]): Promise<Someone> {
  const person = { name: `${label} ${tag()}`, email: `${label.toLowerCase()}-${randomUUID()}@pemkot.test` };
  return { ...person, personId: personIdOf(person.email), token: await tokenFor(stack(), person, grants) };
}

const asAssignee = (who: Someone): TaskPerson => ({
  personId: who.personId,
  roles: ['anggota_tim'],
  name: who.name,
  email: who.email,
});

const template = (key: string): TaskTemplate => ({
  key,
  title: `Tugas ${key}`,
  description: 'Tugas untuk uji pengganti',
  stage: 'pelaksanaan',
  area: 'penataan_sdm',
  assigneeRole: 'anggota_tim',
  reviewerRole: 'ketua_tim',
  evidence: { required: true, documents: ['Laporan'] },
  required: true,
  due: { kind: 'at_stage_due' },
});

async function startTask(unitCode: string, key: string, assignees: TaskPerson[]): Promise<string> {
  const cycleId = `2026-${randomUUID().slice(0, 8)}`;
  const id = taskWorkflowId(cycleId, unitCode, key);
  const input: TaskWorkflowInput = {
    cycleId,
    unit: { code: unitCode, name: `Unit ${unitCode}` },
    template: template(key),
    due: '2030-09-01T09:00:00.000Z',
    assignees,
    reviewers: [],
  };
  await stack().client.workflow.start<(input: TaskWorkflowInput) => Promise<TaskView>>(taskWorkflowType, {
    workflowId: id,
    taskQueue: stack().config.temporal.taskQueue,
    args: [input],
  });
  await eventually(() =>
    stack()
      .models.Task.findById(id)
      .lean()
      .then((task) => task ?? undefined),
  );
  return id;
}

async function inbox(who: Someone): Promise<{ id: string; onBehalfOf?: string }[]> {
  const response = await api().get('/api/v1/tasks').query({ limit: '100' }).auth(who.token, bearer).expect(200);
  return response.body.items;
}

const laporan = [{ document: 'Laporan', ref: 'https://drive.pemkot.test/laporan' }];

describe('substitutes while away', () => {
  it('validates a substitution: dates, length, people, overlap and who may name one', async () => {
    const unit = `SBV-${tag()}`;
    const budi = await someone('Budi', [{ role: 'anggota_tim', unitCode: unit }]);
    const citra = await someone('Citra', [{ role: 'anggota_tim', unitCode: unit }]);
    const luar = await someone('Luar', [{ role: 'anggota_tim', unitCode: `LAIN-${tag()}` }]);
    const admin = await someone('Org', [{ role: 'admin_organisasi' }]);
    const post = (who: Someone, body: object) => api().post('/api/v1/substitutes').auth(who.token, bearer).send(body);
    const substitute = { name: citra.name, email: citra.email };
    const from = today();

    const fields = async (body: object) =>
      (await post(budi, body).expect(400)).body.errors.map((e: { field: string }) => e.field).sort();
    expect(await fields({ substitute, from, to: addCalendarDays(from, -1) })).toEqual(['body.to']);
    expect(await fields({ substitute, from, to: addCalendarDays(from, 90) })).toEqual(['body.to']);
    expect(await fields({ substitute, from: '2020-01-01', to: '2020-01-05' })).toEqual(['body.to']);
    expect(await fields({ substitute: { name: budi.name, email: budi.email }, from, to: from })).toEqual([
      'body.substitute.email',
    ]);
    expect(await fields({ substitute, from: '2026-02-30', to: from, alasan: 'cuti' })).toEqual([
      'body.alasan',
      'body.from',
    ]);

    const noAccount = await post(budi, {
      substitute: { name: 'Tanpa Akun', email: `tanpa-${randomUUID()}@pemkot.test` },
      from,
      to: from,
    }).expect(422);
    expect(noAccount.body.detail).toMatch(/belum memiliki akun aktif/);
    const otherUnit = await post(budi, { substitute: { name: luar.name, email: luar.email }, from, to: from }).expect(
      422,
    );
    expect(otherUnit.body.detail).toMatch(/tidak memiliki peran di unit mana pun/);
    await post(citra, { substitute, from, to: from, personId: budi.email }).expect(403);

    const created = await post(budi, { substitute, from, to: addCalendarDays(from, 89) }).expect(201);
    expect(created.body).toMatchObject({
      personId: budi.personId,
      personName: budi.name,
      substitute: { personId: citra.personId, name: citra.name },
      from,
      to: addCalendarDays(from, 89),
      active: true,
      createdBy: budi.personId,
    });
    expect(created.headers.location).toBe(`/api/v1/substitutes/${created.body.id}`);
    const overlap = await post(admin, {
      substitute,
      from: addCalendarDays(from, 10),
      to: addCalendarDays(from, 50),
      personId: budi.email,
    }).expect(409);
    expect(overlap.body.detail).toContain(citra.name);

    // Both sides see it; Bagian Organisasi may look at anyone's; nobody else may.
    for (const who of [budi, citra]) {
      const listed = await api().get('/api/v1/substitutes').auth(who.token, bearer).expect(200);
      expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
    }
    const byAdmin = await api()
      .get('/api/v1/substitutes')
      .query({ personId: budi.email })
      .auth(admin.token, bearer)
      .expect(200);
    expect(byAdmin.body.items.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
    await api().get('/api/v1/substitutes').query({ personId: budi.email }).auth(luar.token, bearer).expect(403);

    // Only the person away (or Bagian Organisasi) removes it; to anyone else it does not exist.
    await api().delete(`/api/v1/substitutes/${created.body.id}`).auth(citra.token, bearer).expect(404);
    await api().delete('/api/v1/substitutes/bukan-uuid').auth(budi.token, bearer).expect(400);
    await api().delete(`/api/v1/substitutes/${created.body.id}`).auth(budi.token, bearer).expect(204);
    await api().delete(`/api/v1/substitutes/${created.body.id}`).auth(budi.token, bearer).expect(404);
    const audit = await stack().models.AuditEvent.find({ entity: 'person', entityId: budi.personId }).lean();
    expect(audit.map((event) => event.type).sort()).toEqual(['substitute_named', 'substitute_removed']);

    // Bagian Organisasi names a substitute for someone else.
    const forBudi = await post(admin, { substitute, from, to: from, personId: budi.email }).expect(201);
    expect(forBudi.body).toMatchObject({ personId: budi.personId, createdBy: admin.personId });
  });

  it('routes the absent person’s tasks to the substitute, who takes them over by acting on them', async () => {
    const unit = `SBT-${tag()}`;
    const budi = await someone('Budi', [{ role: 'anggota_tim', unitCode: unit }]);
    const citra = await someone('Citra', [{ role: 'anggota_tim', unitCode: unit }]);
    const dewi = await someone('Dewi', [{ role: 'anggota_tim', unitCode: unit }]);
    const open = await startTask(unit, 'milik_budi', [asAssignee(budi)]);
    const claimedByBudi = await startTask(unit, 'diambil_budi', [asAssignee(budi)]);
    const incomplete = await startTask(unit, 'belum_lengkap', [asAssignee(budi)]);
    const dewis = await startTask(unit, 'milik_dewi', [asAssignee(dewi)]);
    await api().post(taskPath(claimedByBudi, '/claim')).auth(budi.token, bearer).expect(200);

    // Not yet a substitute: Citra neither sees Budi's tasks as hers nor may act on them.
    expect((await inbox(citra)).map((t) => t.id)).toEqual([]);
    const refused = await api().post(taskPath(open, '/claim')).auth(citra.token, bearer).expect(422);
    expect(refused.body.detail).toBe('Anda bukan penanggung jawab tugas ini');

    // A substitution that starts tomorrow does nothing today.
    const from = today();
    const later = await api()
      .post('/api/v1/substitutes')
      .auth(budi.token, bearer)
      .send({
        substitute: { name: citra.name, email: citra.email },
        from: addCalendarDays(from, 1),
        to: addCalendarDays(from, 3),
      })
      .expect(201);
    expect(later.body.active).toBe(false);
    expect(await inbox(citra)).toEqual([]);
    await api().delete(`/api/v1/substitutes/${later.body.id}`).auth(budi.token, bearer).expect(204);

    const substitution = await api()
      .post('/api/v1/substitutes')
      .auth(budi.token, bearer)
      .send({ substitute: { name: citra.name, email: citra.email }, from, to: addCalendarDays(from, 2) })
      .expect(201);
    const mine = await inbox(citra);
    expect(mine.map((t) => t.id).sort()).toEqual([open, claimedByBudi, incomplete].sort());
    expect(mine.every((t) => t.onBehalfOf === budi.personId)).toBe(true);
    expect(mine.map((t) => t.id)).not.toContain(dewis);

    // Claiming Budi's open task hands it over first (by the system, naming both), then Citra claims it.
    const claimed = await api().post(taskPath(open, '/claim')).auth(citra.token, bearer).expect(200);
    expect(claimed.body).toMatchObject({ status: 'claimed', assignees: [citra.personId], claimedBy: citra.personId });
    const [handOver, claim] = claimed.body.history;
    expect(handOver).toMatchObject({ type: 'reassign', by: 'sistem', from: 'open', to: 'open' });
    expect(handOver.note).toContain(citra.name);
    expect(handOver.note).toContain(budi.name);
    expect(claim).toMatchObject({ type: 'claim', by: citra.personId });

    // Budi had claimed this one: Citra submits it directly; the claim moves to her with the task.
    const submitted = await api()
      .post(taskPath(claimedByBudi, '/submit'))
      .auth(citra.token, bearer)
      .send({ evidence: laporan })
      .expect(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      assignees: [citra.personId],
      lastSubmittedBy: citra.personId,
    });
    expect(submitted.body.history.map((e: { type: string; by: string }) => [e.type, e.by])).toEqual([
      ['claim', budi.personId],
      ['reassign', 'sistem'],
      ['submit', citra.personId],
    ]);

    // An action the task would refuse leaves it with Budi: nothing is handed over for nothing.
    const rejected = await api()
      .post(taskPath(incomplete, '/submit'))
      .auth(citra.token, bearer)
      .send({ evidence: [] })
      .expect(422);
    expect(rejected.body.detail).toBe('Data dukung belum lengkap: Laporan');
    const untouched = await stack().client.workflow.getHandle(incomplete).query(taskStateQuery);
    expect(untouched).toMatchObject({ assignees: [budi.personId], history: [] });

    // Dewi's task is not Budi's: the substitution gives Citra nothing there.
    await api().post(taskPath(dewis, '/claim')).auth(citra.token, bearer).expect(422);

    // Once removed, the substitution routes nothing more; what was handed over stays with Citra.
    await api().delete(`/api/v1/substitutes/${substitution.body.id}`).auth(budi.token, bearer).expect(204);
    expect((await inbox(citra)).map((t) => t.id).sort()).toEqual([open, claimedByBudi].sort());
    expect((await inbox(citra)).every((t) => t.onBehalfOf === undefined)).toBe(true);
  });
});
